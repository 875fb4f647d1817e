package report

import (
	"fmt"
	"strings"

	"github.com/citygate/citygate/engine/finding"
	"github.com/citygate/citygate/engine/i18n"
)

// The facts below appear in several formats; computing them once keeps the
// formats from disagreeing about a count or a verdict.

// catalog is Result.Rules in order, followed by any rule a finding names
// that Result.Rules lacks (built from the finding's own copy of the
// metadata, in order of first appearance), so every finding has a rule to
// point at even when a caller fills Rules partially.
func catalog(r *finding.Result) []finding.Rule {
	rules := append([]finding.Rule(nil), r.Rules...)
	known := make(map[string]bool, len(rules))
	for _, rule := range rules {
		known[rule.ID] = true
	}
	for i := range r.Findings {
		f := &r.Findings[i]
		if known[f.RuleID] {
			continue
		}
		known[f.RuleID] = true
		rules = append(rules, finding.Rule{
			ID: f.RuleID, Title: f.Title, Severity: f.Severity, Principle: f.Principle,
			Controls: f.Controls, Remediation: f.Remediation, HelpURI: f.HelpURI,
		})
	}
	return rules
}

// runStatus is the summary's status, for a result whose caller did not
// set it: error, else fail, else pass, as the exit code decides.
func runStatus(r *finding.Result) finding.RunStatus {
	switch {
	case len(r.Errors) > 0:
		return finding.RunError
	case r.Summary.Failed || r.Summary.Status == finding.RunFail:
		return finding.RunFail
	}
	return finding.RunPass
}

// findingTally counts open (unsuppressed) findings by severity and
// suppressed ones from the findings themselves.
type findingTally struct {
	open, suppressed int
	bySeverity       map[finding.Severity]int
}

func countFindings(r *finding.Result) findingTally {
	t := findingTally{bySeverity: map[finding.Severity]int{}}
	for i := range r.Findings {
		if r.Findings[i].Suppressed != nil {
			t.suppressed++
			continue
		}
		t.open++
		t.bySeverity[r.Findings[i].Severity]++
	}
	return t
}

// findingCounts is "6 findings (2 critical, 1 high, 1 medium, 2 low), 2
// suppressed", or "no findings, 2 suppressed", counted from the findings
// themselves, so the formats people read always add up, whichever way a
// caller filled Summary.Findings. Words are the catalog's.
func findingCounts(r *finding.Result, c *i18n.Catalog) string {
	return findingCountsOf(Whole(r).Tally(), c)
}

// findingCountsOf is findingCounts from a stream's tally.
func findingCountsOf(t *Tally, c *i18n.Catalog) string {
	head := c.T("summary.no_findings")
	if open := t.open(); open > 0 {
		parts := make([]string, 0, len(finding.Severities))
		for _, sev := range finding.Severities {
			parts = append(parts, c.T("summary.severity_count", "count", c.Count(t.Open[sev]), "severity", severityWord(c, sev)))
		}
		head = fmt.Sprintf("%s (%s)", c.N("summary.findings", open), strings.Join(parts, c.Raw("summary.list_sep")))
	}
	return head + c.Raw("summary.list_sep") + c.N("summary.suppressed", t.suppressed())
}

// failOn names the threshold; an unset one is shown as none rather than
// as an empty word.
func failOn(r *finding.Result) string {
	if r.Summary.FailOn == "" {
		return string(finding.ThresholdNone)
	}
	return oneLine(string(r.Summary.FailOn))
}

// failOnWord is failOn in the catalog's language: a severity's word,
// none's, or an unknown level as it is.
func failOnWord(r *finding.Result, c *i18n.Catalog) string {
	level := failOn(r)
	if level == string(finding.ThresholdNone) {
		return c.T("summary.level_none")
	}
	return severityWord(c, finding.Severity(level))
}

func plural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return fmt.Sprintf("%d %s", n, many)
}

// suppressionNote is how text and markdown mark a suppressed finding; the
// reason is untrusted (it comes from the inventory's waiver block) and is
// returned raw for the caller to escape for its format.
func suppressionNote(s *finding.Suppression) (label, reason string) {
	switch s.Kind {
	case "baseline":
		return "baselined", ""
	case "waiver":
		return "waived", s.Reason
	}
	return "suppressed", s.Reason
}

// suppressionLabel is suppressionNote's label in the catalog's language.
func suppressionLabel(c *i18n.Catalog, s *finding.Suppression) string {
	switch s.Kind {
	case "baseline":
		return c.T("suppression.baseline")
	case "waiver":
		return c.T("suppression.waiver")
	}
	return c.T("suppression.other")
}

// locationString is "file:line:col", shortened when parts are unknown.
func locationString(file string, line, col int) string {
	switch {
	case line <= 0:
		return file
	case col <= 0:
		return fmt.Sprintf("%s:%d", file, line)
	}
	return fmt.Sprintf("%s:%d:%d", file, line, col)
}

// verdictLine is the bold verdict and counts that open the markdown report
// and the GitHub job summary.
func verdictLine(r *finding.Result, c *i18n.Catalog) string {
	return verdictLineOf(r, Whole(r).Tally(), c)
}

// verdictLineOf is verdictLine from a stream's head and tally.
func verdictLineOf(r *finding.Result, t *Tally, c *i18n.Catalog) string {
	line := fmt.Sprintf("**%s**: %s%s%s", markdownText(verdictWord(c, runVerdictKey(r))), findingCountsOf(t, c),
		c.Raw("summary.clause_sep"), c.T("summary.fail_on", "level", markdownText(failOnWord(r, c))))
	if len(r.Errors) > 0 {
		line += c.Raw("summary.clause_sep") + c.N("summary.errors", len(r.Errors)) + " " + c.T("summary.incomplete")
	}
	return line
}

// truncateRunes shortens an untrusted string before it is escaped (so an
// escape is never cut in half), marking the cut.
func truncateRunes(s string, n int) string {
	i := 0
	for pos := range s {
		if i == n {
			return s[:pos] + "…"
		}
		i++
	}
	return s
}

// grouping is how a report groups rules and findings: by Alliance
// principle or by topical area.
type grouping struct{ area bool }

func groupingOf(o Options) grouping { return grouping{area: o.GroupBy == GroupByArea} }

// title is the heading of the grouping ("Principles", "Areas").
func (g grouping) title(c *i18n.Catalog) string {
	if g.area {
		return c.T("group.areas")
	}
	return c.T("group.principles")
}

// noun is one group's kind ("Principle", "Area").
func (g grouping) noun(c *i18n.Catalog) string {
	if g.area {
		return c.T("group.area")
	}
	return c.T("group.principle")
}

// ruleKey and findingKey are the group a rule or a finding belongs to.
func (g grouping) ruleKey(r finding.Rule) string {
	if g.area {
		return r.Area
	}
	return r.Principle
}

func (g grouping) findingKey(f *finding.Finding) string {
	if g.area {
		return f.Area
	}
	return f.Principle
}

// name is a group key's display name ("Other" for none) in the
// catalog's language (nil: English); a key no catalog names (a custom
// rule's, or governance) shows as finding names it.
func (g grouping) name(c *i18n.Catalog, key string) string {
	prefix, known := "principle.", finding.PrincipleName(key) != key
	english := finding.PrincipleName(key)
	if g.area {
		prefix, known, english = "area.", finding.AreaName(key) != key, finding.AreaName(key)
	}
	switch {
	case key == "" && c == nil:
		return "Other"
	case key == "":
		return c.T("principle.unknown")
	case c == nil:
	case known || (c.Lang() != i18n.Default && c.Has(prefix+key)):
		if s := c.Raw(prefix + key); s != "" {
			return s
		}
	}
	return english
}

// counts are the rule counts by status of each group, computed from the
// evidence (rules counted per inventory): the known groups in their order,
// then any other a rule or finding names.
func (g grouping) counts(r *finding.Result, rules []finding.Rule) []finding.GroupCounts {
	return g.countsIn(r, rules, nil)
}

// countsIn is counts with the groups named in the catalog's language
// (nil: English, as machine formats name them).
func (g grouping) countsIn(r *finding.Result, rules []finding.Rule, c *i18n.Catalog) []finding.GroupCounts {
	t := NewTally(rules)
	for i := range r.Findings {
		t.AddFinding(&r.Findings[i])
	}
	t.AddRuleCounts(finding.RuleCountsOf(r.Evidence))
	return g.countsOfIn(t, c)
}

// countsOf is counts from a stream's tally.
func (g grouping) countsOf(t *Tally) []finding.GroupCounts { return g.countsOfIn(t, nil) }

// countsOfIn is countsOf with the groups named in the catalog's language.
func (g grouping) countsOfIn(t *Tally, c *i18n.Catalog) []finding.GroupCounts {
	order, keys := finding.Principles, t.Principles
	if g.area {
		order, keys = finding.Areas, t.Areas
	}
	out := finding.CountRules(t.RuleCounts, t.Rules, order, g.ruleKey)
	have := map[string]bool{}
	for _, c := range out {
		have[c.Key] = true
	}
	var extra []string
	for _, k := range keys {
		if !have[k] {
			have[k] = true
			extra = append(extra, k)
		}
	}
	for _, rule := range t.Rules {
		if k := g.ruleKey(rule); !have[k] && k != "governance" && k != "" {
			have[k] = true
			extra = append(extra, k)
		}
	}
	if g.area {
		finding.SortAreas(extra)
	} else {
		finding.SortPrinciples(extra)
	}
	for _, k := range extra {
		out = append(out, finding.GroupCounts{Key: k, Name: g.name(c, k)})
	}
	for i := range out {
		out[i].Name = g.name(c, out[i].Key)
	}
	return out
}

// statusCountKeys are the catalog keys of the statuses' counts.
var statusCountKeys = map[finding.Status]string{
	finding.StatusPass: "count.pass", finding.StatusFail: "count.fail", finding.StatusNotStated: "count.not_stated",
	finding.StatusWaived: "count.waived", finding.StatusNotApplicable: "count.not_applicable",
}

// reportStatuses is the order reports list counts in: pass first, as a
// reader looks for it, then the problems, then what did not apply.
var reportStatuses = []finding.Status{finding.StatusPass, finding.StatusFail, finding.StatusNotStated, finding.StatusWaived, finding.StatusNotApplicable}

// countWords is "3 pass, 1 fail, 0 not stated, 0 waived, 2 not applicable".
func countWords(c *i18n.Catalog, sc finding.StatusCounts) string {
	parts := make([]string, len(reportStatuses))
	for i, s := range reportStatuses {
		parts[i] = c.N(statusCountKeys[s], sc.Of(s))
	}
	return strings.Join(parts, c.Raw("summary.list_sep"))
}

// inventoryStatus is an inventory's verdict as reports print it: the
// engine's, or for a result built without one, decided as the engine
// does (error when it did not load or has errors, else fail when an open
// finding reaches fail-on, else pass).
func inventoryStatus(r *finding.Result, inv finding.InventoryResult) finding.RunStatus {
	if inv.Status != "" {
		return inv.Status
	}
	if !inv.Loaded {
		return finding.RunError
	}
	for _, e := range r.Errors {
		if e.Inventory == inv.Path {
			return finding.RunError
		}
	}
	for i := range r.Findings {
		f := &r.Findings[i]
		if f.Inventory == inv.Path && f.Suppressed == nil && r.Summary.FailOn.Fails(f.Severity) {
			return finding.RunFail
		}
	}
	return finding.RunPass
}

// inventoryWord is an inventory's verdict in a human format: the same
// word as the run's verdict for the same status (docs/output-formats.md).
func inventoryWord(c *i18n.Catalog, r *finding.Result, inv finding.InventoryResult) string {
	return verdictWord(c, statusKey(inventoryStatus(r, inv)))
}
