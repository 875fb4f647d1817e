package finding

// Rule is the metadata of one loaded rule, read from its package-scoped
// METADATA annotation.
type Rule struct {
	ID               string   `json:"id"`
	Title            string   `json:"title"`
	Description      string   `json:"description"`
	Severity         Severity `json:"severity"`
	Principle        string   `json:"principle"`
	Controls         []string `json:"controls"`
	Remediation      string   `json:"remediation"`
	HelpURI          string   `json:"help_uri"`
	RelatedResources []string `json:"related_resources"`
	// Fields lists the inventory fields the rule reads, for docs/rules.md.
	Fields []string `json:"fields"`
	// Package is the Rego package path, e.g. "citygate.rules.security.default_credentials".
	Package string `json:"package"`
	// File is the module the rule was loaded from; Builtin marks the embedded library.
	File    string `json:"file"`
	Builtin bool   `json:"builtin"`
	// Gate marks a rule the engine decides from the open findings of the
	// resources its gated set names (e.g. SUST-001, the procurement gate).
	Gate bool `json:"gate,omitempty"`
}
