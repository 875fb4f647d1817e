package finding

// Rule is the metadata of one loaded rule, read from its package-scoped
// METADATA annotation.
type Rule struct {
	ID          string   `json:"id"`
	Title       string   `json:"title"`
	Description string   `json:"description"`
	Severity    Severity `json:"severity"`
	// Principle is the Alliance principle (a Principles key); Area the
	// topical group; Policy the Alliance model policy, if one applies.
	Principle string `json:"gsca_principle"`
	Area      string `json:"area"`
	Policy    string `json:"gsca_policy"`
	// Profiles are the jurisdiction profiles whose law the rule enforces;
	// empty means the core, which applies everywhere.
	Profiles []string `json:"profiles"`
	// Sources are what the rule derives from; Controls are their short
	// citations ("GDPR Art 35"), kept for SARIF tags and version-1 readers.
	Sources  []Source `json:"sources"`
	Controls []string `json:"controls"`
	// Messages are the English texts of the rule's message templates.
	Messages map[string]string `json:"messages"`
	// Remediation is the fix text with its {params.NAME} placeholders
	// filled from the run's params (see RenderRemediation);
	// RemediationTemplate is the text as written, which translations
	// follow, and RemediationArgs the values filled in.
	Remediation         string         `json:"remediation"`
	RemediationTemplate string         `json:"-"`
	RemediationArgs     map[string]any `json:"-"`
	HelpURI             string         `json:"help_uri"`
	RelatedResources    []string       `json:"related_resources"`
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
	// Applies is set when the rule declares the resources it applies to, so
	// the engine can tell pass from not applicable.
	Applies bool `json:"declares_applies"`
}

// Source is one text a rule derives from.
type Source struct {
	// Kind is gsca (an Alliance text), law, standard or practice.
	Kind    string `json:"kind"`
	Title   string `json:"title"`
	Clause  string `json:"clause,omitempty"`
	URL     string `json:"url,omitempty"`
	Version string `json:"version,omitempty"`
}

// SourceKinds are the valid Source.Kind values.
var SourceKinds = []string{"gsca", "law", "standard", "practice"}

// Citation is the short form of a source: title and clause.
func (s Source) Citation() string {
	if s.Clause == "" {
		return s.Title
	}
	return s.Title + " " + s.Clause
}
