package finding

// SchemaVersion is the version of the JSON findings document.
const SchemaVersion = "2"

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
// Findings + Suppressed is the length of Result.Findings. Principles and
// Areas count rules per inventory by status (see CountBy).
type Summary struct {
	Inventories int              `json:"inventories"`
	Systems     int              `json:"systems"`
	Rules       int              `json:"rules"`
	Findings    int              `json:"findings"`
	Suppressed  int              `json:"suppressed"`
	BySeverity  map[Severity]int `json:"by_severity"`
	FailOn      Threshold        `json:"fail_on"`
	// Status is the run's verdict, the one the exit code gives: "error"
	// when anything could not be evaluated, else "fail" when an open
	// finding is at or above FailOn, else "pass".
	Status     RunStatus     `json:"status"`
	Principles []GroupCounts `json:"principles"`
	Areas      []GroupCounts `json:"areas"`
	// Failed is whether an open finding is at or above FailOn, whatever
	// the errors; reports print FAIL rather than INCOMPLETE for it. It is
	// not in the JSON document, where it read as "passed" beside errors.
	Failed bool `json:"-"`
}

// RunStatus is the verdict of a run or of one inventory.
type RunStatus string

const (
	RunPass  RunStatus = "pass"
	RunFail  RunStatus = "fail"
	RunError RunStatus = "error"
)

// InventoryResult describes one inventory: its verdict and rule counts,
// and, for reporters, what resources it declared and whether it loaded.
type InventoryResult struct {
	Path string `json:"path"`
	// Scope is the city id, or the path's base name for an inventory
	// without a city (a bid): what fingerprints are scoped by.
	Scope  string       `json:"scope"`
	Status RunStatus    `json:"status"`
	Counts StatusCounts `json:"counts"`
	// Profiles are the jurisdiction profiles selected for the inventory.
	Profiles []string `json:"profiles"`
	// City is the inventory's city block: its id and name (empty for an
	// inventory without one, a bid). Vendors are the distinct vendor
	// attributes of its systems, sorted. Report headers show both.
	City      *City              `json:"city,omitempty"`
	Vendors   []string           `json:"vendors,omitempty"`
	Resources []ResourceLocation `json:"-"`
	Loaded    bool               `json:"-"`
}

// City names an inventory's city: the block label and its name attribute.
type City struct {
	ID   string `json:"id"`
	Name string `json:"name,omitempty"`
}

// TenderRef names the tender a result was judged for.
type TenderRef struct {
	ID    string `json:"id"`
	Title string `json:"title,omitempty"`
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
	// Evidence is every rule's status on every resource of every
	// evaluated inventory, sorted by SortEvidence.
	Evidence []Evidence `json:"evidence"`

	// Rules are the loaded rules in id order, for SARIF and markdown.
	Rules []Rule `json:"-"`
	// Inventories are the inventories in command-line order.
	Inventories []InventoryResult `json:"inventories"`
	// Tender is set when the result is a tender's bids (tender.AsResult).
	Tender *TenderRef `json:"tender,omitempty"`
	// Overrides are the per-rule settings of the config (rules:) that
	// changed the run, each with the inventories it applied to.
	Overrides []Override `json:"overrides,omitempty"`
}

// ExitCode is 2 when anything could not be evaluated, 1 when an
// unsuppressed finding is at or above the threshold, else 0.
func (r *Result) ExitCode() int {
	if len(r.Errors) > 0 {
		return 2
	}
	if r.Summary.Status == RunFail || r.Summary.Failed {
		return 1
	}
	return 0
}

// Summarize counts a result's findings and evidence: Findings and
// BySeverity count the open (unsuppressed) findings, Suppressed those waived
// or baselined; Principles and Areas count rules per inventory by status;
// Status is error, fail or pass as ExitCode decides. Systems is kept from
// res.Summary (the engine counts it while loading).
func Summarize(res *Result, failOn Threshold, inventories, rules int) Summary {
	s := Summary{
		Inventories: inventories,
		Systems:     res.Summary.Systems,
		Rules:       rules,
		BySeverity:  map[Severity]int{},
		FailOn:      failOn,
	}
	for _, sev := range Severities {
		s.BySeverity[sev] = 0
	}
	for _, f := range res.Findings {
		if f.Suppressed != nil {
			s.Suppressed++
			continue
		}
		s.Findings++
		s.BySeverity[f.Severity]++
		if failOn.Fails(f.Severity) {
			s.Failed = true
		}
	}
	s.Status = runStatus(len(res.Errors), s.Failed)
	s.Principles = CountBy(res.Evidence, res.Rules, Principles, func(r Rule) string { return r.Principle })
	s.Areas = CountBy(res.Evidence, res.Rules, Areas, func(r Rule) string { return r.Area })
	return s
}

// runStatus is a run's verdict: error when anything could not be
// evaluated (a pass would claim more than citygate knows), else fail when
// an open finding reaches --fail-on, else pass.
func runStatus(errors int, failed bool) RunStatus {
	switch {
	case errors > 0:
		return RunError
	case failed:
		return RunFail
	}
	return RunPass
}
