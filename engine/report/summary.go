package report

import (
	"fmt"
	"strings"

	"github.com/citygate/citygate/engine/finding"
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

// verdict is FAIL when an unsuppressed finding reaches --fail-on, else
// INCOMPLETE when something could not be evaluated (a PASS would claim
// more than citygate knows), else PASS.
func verdict(r *finding.Result) string {
	switch {
	case r.Summary.Failed:
		return "FAIL"
	case len(r.Errors) > 0:
		return "INCOMPLETE"
	}
	return "PASS"
}

// tally counts open (unsuppressed) findings by severity and suppressed
// ones from the findings themselves, so the formats people read always add
// up, whichever way a caller filled Summary.Findings.
type tally struct {
	open, suppressed int
	bySeverity       map[finding.Severity]int
}

func countFindings(r *finding.Result) tally {
	t := tally{bySeverity: map[finding.Severity]int{}}
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
// suppressed", or "no findings, 2 suppressed".
func findingCounts(r *finding.Result) string {
	t := countFindings(r)
	head := "no findings"
	if t.open > 0 {
		parts := make([]string, 0, len(finding.Severities))
		for _, sev := range finding.Severities {
			parts = append(parts, fmt.Sprintf("%d %s", t.bySeverity[sev], sev))
		}
		head = fmt.Sprintf("%s (%s)", plural(t.open, "finding", "findings"), strings.Join(parts, ", "))
	}
	return fmt.Sprintf("%s, %d suppressed", head, t.suppressed)
}

// failOn names the threshold; an unset one is shown as none rather than
// as an empty word.
func failOn(r *finding.Result) string {
	if r.Summary.FailOn == "" {
		return string(finding.ThresholdNone)
	}
	return oneLine(string(r.Summary.FailOn))
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
func verdictLine(r *finding.Result) string {
	line := fmt.Sprintf("**%s**: %s; fail-on: %s", verdict(r), findingCounts(r), markdownText(failOn(r)))
	if len(r.Errors) > 0 {
		line += "; " + plural(len(r.Errors), "error", "errors") + " (the run is incomplete)"
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
