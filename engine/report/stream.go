package report

import (
	"io"

	"github.com/citygate/citygate/engine/finding"
)

// A Stream is a result read in passes rather than held: its head (the
// Result without findings and evidence), its findings and its evidence in
// report order, as often as a format needs them, and the tally of facts
// formats print before their body. Whole makes one of a Result in memory;
// Spool one of a streaming check, kept in a temporary file.
type Stream interface {
	// Head is the result without Findings and Evidence; callers must not
	// modify it.
	Head() *finding.Result
	// Findings calls fn for each finding in report order; fn must not
	// keep the pointer past its call unless it owns the finding (each
	// call gets its own copy).
	Findings(fn func(*finding.Finding) error) error
	// Evidence calls fn for each evidence entry in report order.
	Evidence(fn func(*finding.Evidence) error) error
	// Tally is what formats print before their body.
	Tally() *Tally
}

// StreamReporter is a Reporter that writes from a Stream, holding only
// what its format needs at once (see docs/performance.md). Formats that
// are not (html and markdown, which people read and which are written
// from the whole result) are written by Write from Collect's result.
type StreamReporter interface {
	Reporter
	ReportStream(w io.Writer, s Stream) error
}

// Write writes s in rep's format: streamed when rep can, else from the
// collected result.
func Write(rep Reporter, w io.Writer, s Stream) error {
	if sr, ok := rep.(StreamReporter); ok {
		return sr.ReportStream(w, s)
	}
	r, err := Collect(s)
	if err != nil {
		return err
	}
	return rep.Report(w, r)
}

// Collect reads a whole Stream into one Result.
func Collect(s Stream) (*finding.Result, error) {
	r := *s.Head()
	r.Findings, r.Evidence = []finding.Finding{}, []finding.Evidence{}
	if err := s.Findings(func(f *finding.Finding) error {
		r.Findings = append(r.Findings, *f)
		return nil
	}); err != nil {
		return nil, err
	}
	if err := s.Evidence(func(e *finding.Evidence) error {
		r.Evidence = append(r.Evidence, *e)
		return nil
	}); err != nil {
		return nil, err
	}
	return &r, nil
}

// Tally holds the facts of a stream that formats print before the
// findings: counts by severity, the rule catalog, the group keys findings
// name, rule counts from the evidence and open findings per inventory.
type Tally struct {
	// Open and Suppressed count findings by severity.
	Open, Suppressed map[finding.Severity]int
	// Rules is the catalog: the head's rules, then any rule only a
	// finding names (see catalog).
	Rules []finding.Rule
	// Principles and Areas are the distinct group keys findings name, in
	// order of first appearance.
	Principles, Areas []string
	// RuleCounts count, per rule id, the inventories where the rule had
	// each status (finding.RuleCountsOf).
	RuleCounts map[string]finding.StatusCounts
	// ByInventory counts open findings by severity per inventory path.
	ByInventory map[string]map[finding.Severity]int

	known, principles, areas map[string]bool
}

// NewTally starts a tally of a result's findings; rules are the head's.
func NewTally(rules []finding.Rule) *Tally {
	t := &Tally{
		Open: map[finding.Severity]int{}, Suppressed: map[finding.Severity]int{},
		Rules:      append([]finding.Rule(nil), rules...),
		RuleCounts: map[string]finding.StatusCounts{}, ByInventory: map[string]map[finding.Severity]int{},
		known: map[string]bool{}, principles: map[string]bool{}, areas: map[string]bool{},
	}
	for _, r := range rules {
		t.known[r.ID] = true
	}
	return t
}

// AddFinding counts one finding.
func (t *Tally) AddFinding(f *finding.Finding) {
	if !t.known[f.RuleID] {
		t.known[f.RuleID] = true
		t.Rules = append(t.Rules, finding.Rule{
			ID: f.RuleID, Title: f.Title, Severity: f.Severity, Principle: f.Principle,
			Controls: f.Controls, Remediation: f.Remediation, HelpURI: f.HelpURI,
		})
	}
	if !t.principles[f.Principle] {
		t.principles[f.Principle] = true
		t.Principles = append(t.Principles, f.Principle)
	}
	if !t.areas[f.Area] {
		t.areas[f.Area] = true
		t.Areas = append(t.Areas, f.Area)
	}
	if f.Suppressed != nil {
		t.Suppressed[f.Severity]++
		return
	}
	t.Open[f.Severity]++
	inv := t.ByInventory[f.Inventory]
	if inv == nil {
		inv = map[finding.Severity]int{}
		t.ByInventory[f.Inventory] = inv
	}
	inv[f.Severity]++
}

// AddRuleCounts adds per-rule counts (of one inventory's evidence, or of
// all of it).
func (t *Tally) AddRuleCounts(counts map[string]finding.StatusCounts) {
	for id, c := range counts {
		have := t.RuleCounts[id]
		have.Pass += c.Pass
		have.Fail += c.Fail
		have.NotStated += c.NotStated
		have.Waived += c.Waived
		have.NotApplicable += c.NotApplicable
		t.RuleCounts[id] = have
	}
}

// open and suppressed are the totals.
func (t *Tally) open() int       { return sumCounts(t.Open) }
func (t *Tally) suppressed() int { return sumCounts(t.Suppressed) }

func sumCounts(m map[finding.Severity]int) int {
	n := 0
	for _, v := range m {
		n += v
	}
	return n
}

// Whole is the Stream of a Result held in memory.
func Whole(r *finding.Result) Stream { return &whole{r: r} }

type whole struct {
	r     *finding.Result
	head  *finding.Result
	tally *Tally
}

func (w *whole) Head() *finding.Result {
	if w.head == nil {
		h := *w.r
		h.Findings, h.Evidence = nil, nil
		w.head = &h
	}
	return w.head
}

func (w *whole) Findings(fn func(*finding.Finding) error) error {
	for i := range w.r.Findings {
		f := w.r.Findings[i]
		if err := fn(&f); err != nil {
			return err
		}
	}
	return nil
}

func (w *whole) Evidence(fn func(*finding.Evidence) error) error {
	for i := range w.r.Evidence {
		e := w.r.Evidence[i]
		if err := fn(&e); err != nil {
			return err
		}
	}
	return nil
}

func (w *whole) Tally() *Tally {
	if w.tally == nil {
		t := NewTally(w.r.Rules)
		for i := range w.r.Findings {
			t.AddFinding(&w.r.Findings[i])
		}
		t.AddRuleCounts(finding.RuleCountsOf(w.r.Evidence))
		w.tally = t
	}
	return w.tally
}
