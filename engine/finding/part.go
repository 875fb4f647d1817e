package finding

// Part is one inventory's share of a run, as a streaming check hands it
// over: the inventory's verdict and counts, its findings in report order,
// its errors, and its evidence in report order. A run is its parts in
// input order plus the errors that only the whole run can see (two
// inventories with one city id).
type Part struct {
	Inventory InventoryResult
	Findings  []Finding
	Errors    []Error
	Evidence  []Evidence
	// Systems is how many systems the inventory declared.
	Systems int
}

// Builder adds parts up into the Result a run would have given, without
// their findings and evidence: the summary (the same numbers Summarize
// computes from a whole result), the inventories and the errors. Its
// memory grows with the inventories and errors, never with the findings.
type Builder struct {
	res    Result
	failOn Threshold
	rules  int
	open   map[Severity]int
	supp   int
	failed bool
	// ruleCounts count, per rule id, the inventories where the rule had
	// each status (RuleStatuses of each part's evidence).
	ruleCounts map[string]*StatusCounts
}

// NewBuilder starts a run's result from its head: SchemaVersion, Tool,
// AsOf and Rules are kept; rules is the number of rules the run evaluated
// (Summary.Rules).
func NewBuilder(head Result, failOn Threshold, rules int) *Builder {
	head.Findings, head.Evidence, head.Inventories = nil, nil, nil
	head.Errors = []Error{}
	head.Summary = Summary{}
	return &Builder{res: head, failOn: failOn, rules: rules, open: map[Severity]int{}, ruleCounts: map[string]*StatusCounts{}}
}

// Add counts one inventory's part. Parts must come in input order, and
// their inventories must have distinct paths (evidence is folded per
// inventory path, as Summarize does).
func (b *Builder) Add(p *Part) {
	b.res.Inventories = append(b.res.Inventories, p.Inventory)
	b.res.Errors = append(b.res.Errors, p.Errors...)
	b.res.Summary.Systems += p.Systems
	for i := range p.Findings {
		f := &p.Findings[i]
		if f.Suppressed != nil {
			b.supp++
			continue
		}
		b.open[f.Severity]++
		if b.failOn.Fails(f.Severity) {
			b.failed = true
		}
	}
	for _, rs := range RuleStatuses(p.Evidence) {
		c := b.ruleCounts[rs.RuleID]
		if c == nil {
			c = &StatusCounts{}
			b.ruleCounts[rs.RuleID] = c
		}
		c.Add(rs.Status)
	}
}

// AddErrors adds errors that belong to the run rather than to one part.
func (b *Builder) AddErrors(errs ...Error) { b.res.Errors = append(b.res.Errors, errs...) }

// Result is the run's result without findings and evidence (both nil),
// its Summary as Summarize would compute it from the whole result.
func (b *Builder) Result() *Result {
	res := b.res
	res.Inventories = append([]InventoryResult(nil), b.res.Inventories...)
	res.Errors = append([]Error{}, b.res.Errors...)
	s := Summary{
		Inventories: len(res.Inventories),
		Systems:     b.res.Summary.Systems,
		Rules:       b.rules,
		Findings:    0,
		Suppressed:  b.supp,
		BySeverity:  map[Severity]int{},
		FailOn:      b.failOn,
		Failed:      b.failed,
	}
	for _, sev := range Severities {
		s.BySeverity[sev] = 0
	}
	for sev, n := range b.open {
		s.BySeverity[sev] += n
		s.Findings += n
	}
	s.Status = runStatus(len(res.Errors), s.Failed)
	counts := b.RuleCounts()
	s.Principles = CountRules(counts, res.Rules, Principles, func(r Rule) string { return r.Principle })
	s.Areas = CountRules(counts, res.Rules, Areas, func(r Rule) string { return r.Area })
	res.Summary = s
	return &res
}

// RuleCounts are, per rule id, the inventories where the rule had each
// status: what CountRules groups.
func (b *Builder) RuleCounts() map[string]StatusCounts {
	out := make(map[string]StatusCounts, len(b.ruleCounts))
	for id, c := range b.ruleCounts {
		out[id] = *c
	}
	return out
}
