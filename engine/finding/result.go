package finding

// SchemaVersion is the version of the JSON findings document.
const SchemaVersion = "1"

// Tool names the program that produced a result.
type Tool struct {
	Name    string `json:"name"`
	Version string `json:"version"`
}

// Error is a problem that stopped an inventory or a policy from being
// evaluated completely: a located load diagnostic, an evaluation error or
// a deadline. Line and Column are 0 when there is no location.
type Error struct {
	Inventory string `json:"inventory,omitempty"`
	File      string `json:"file,omitempty"`
	Line      int    `json:"line,omitempty"`
	Column    int    `json:"column,omitempty"`
	EndLine   int    `json:"end_line,omitempty"`
	EndColumn int    `json:"end_column,omitempty"`
	Summary   string `json:"summary"`
	Detail    string `json:"detail,omitempty"`
}

// Summary counts what a run saw and decided. Findings and BySeverity count
// open findings only; Suppressed counts the waived and baselined ones, so
// Findings + Suppressed is the length of Result.Findings.
type Summary struct {
	Inventories int              `json:"inventories"`
	Systems     int              `json:"systems"`
	Rules       int              `json:"rules"`
	Findings    int              `json:"findings"`
	Suppressed  int              `json:"suppressed"`
	BySeverity  map[Severity]int `json:"by_severity"`
	FailOn      Threshold        `json:"fail_on"`
	Failed      bool             `json:"failed"`
}

// InventoryResult describes one evaluated inventory: what resources it
// declared (for JUnit's rule x resource test cases) and whether it loaded.
type InventoryResult struct {
	Path      string             `json:"path"`
	Resources []ResourceLocation `json:"resources"`
	Loaded    bool               `json:"loaded"`
}

// ResourceLocation is a declared resource and the range of its block header.
type ResourceLocation struct {
	Resource
	Location Location `json:"location"`
}

// Result is everything one run of check produced, in report order.
type Result struct {
	SchemaVersion string    `json:"schema_version"`
	Tool          Tool      `json:"tool"`
	AsOf          string    `json:"as_of"`
	Summary       Summary   `json:"summary"`
	Findings      []Finding `json:"findings"`
	Errors        []Error   `json:"errors"`

	// Rules are the loaded rules in id order, for SARIF and markdown.
	Rules []Rule `json:"-"`
	// Inventories are the inventories in command-line order.
	Inventories []InventoryResult `json:"-"`
}

// ExitCode is 2 when anything could not be evaluated, 1 when an
// unsuppressed finding is at or above the threshold, else 0.
func (r *Result) ExitCode() int {
	if len(r.Errors) > 0 {
		return 2
	}
	if r.Summary.Failed {
		return 1
	}
	return 0
}
