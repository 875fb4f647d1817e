package finding

// Override is one per-rule setting of the config (rules: in
// .citygate.yaml) as a run applied it: a severity change or a rule turned
// off, for every inventory or for those matching Paths. Reports show every
// override in effect, so a reader knows the verdict was not reached with
// the library's defaults.
type Override struct {
	RuleID string `json:"rule_id"`
	// Disabled is true when the rule was not evaluated where the override
	// applied: it has no findings and no evidence there.
	Disabled bool `json:"disabled,omitempty"`
	// Severity is the new severity and From the rule's own; both are
	// empty when the override does not change the severity.
	Severity Severity `json:"severity,omitempty"`
	From     Severity `json:"from,omitempty"`
	// Paths are the globs that scope the override; empty means every
	// inventory.
	Paths []string `json:"paths,omitempty"`
	// Inventories are the inventories of the run it applied to, in
	// command-line order.
	Inventories []string `json:"inventories"`
}
