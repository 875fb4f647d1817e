package report

import (
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/citygate/citygate/engine/finding"
)

func init() {
	register("markdown", func(Options) Reporter { return markdownReporter{} })
}

// markdownReporter writes a report for a person: a procurement officer
// reviewing a bid or a reviewer on a pull request. It leads with the
// verdict and a per-principle table, then explains every finding,
// suppressed ones included, so nothing is missed. It uses only syntax that
// GitHub and GitLab render alike, and no HTML except <br> in escaped text.
type markdownReporter struct{}

func principleName(p string) string {
	if p == "" {
		return "Other"
	}
	return markdownText(finding.PrincipleName(p))
}

var severityNames = map[finding.Severity]string{
	finding.Critical: "Critical", finding.High: "High", finding.Medium: "Medium", finding.Low: "Low",
}

func (markdownReporter) Report(w io.Writer, r *finding.Result) error {
	var b strings.Builder
	b.WriteString("# citygate report\n\n")
	b.WriteString(verdictLine(r) + "\n\n")
	writeMarkdownScope(&b, r)

	rules := catalog(r)
	principles := markdownPrinciples(rules, r.Findings)
	writeMarkdownPrinciples(&b, r, rules, principles)
	writeMarkdownErrors(&b, r)
	writeMarkdownFindings(&b, r, rules, principles)
	_, err := io.WriteString(w, strings.TrimRight(b.String(), "\n")+"\n")
	return err
}

func writeMarkdownScope(b *strings.Builder, r *finding.Result) {
	fmt.Fprintf(b, "Checked %s against %s", plural(r.Summary.Inventories, "inventory", "inventories"),
		plural(r.Summary.Rules, "rule", "rules"))
	if r.AsOf != "" {
		fmt.Fprintf(b, ", as of %s", markdownText(r.AsOf))
	}
	if r.Tool.Version != "" {
		fmt.Fprintf(b, ", with citygate %s", markdownText(r.Tool.Version))
	}
	invs := make([]string, 0, len(r.Inventories))
	for _, inv := range r.Inventories {
		s := markdownText(inv.Path)
		if !inv.Loaded {
			s += " (not loaded)"
		}
		invs = append(invs, s)
	}
	if len(invs) > 0 {
		b.WriteString(": " + strings.Join(invs, ", "))
	}
	b.WriteString(".\n\n")
}

// markdownPrinciples lists every principle a rule or finding names, known
// ones first in the Alliance's order.
func markdownPrinciples(rules []finding.Rule, fs []finding.Finding) []string {
	seen := map[string]bool{}
	for _, rule := range rules {
		seen[rule.Principle] = true
	}
	for _, f := range fs {
		seen[f.Principle] = true
	}
	out := make([]string, 0, len(seen))
	for p := range seen {
		out = append(out, p)
	}
	finding.SortPrinciples(out)
	return out
}

// writeMarkdownPrinciples counts rules, not findings: a rule failed when it
// has an open finding, was waived when all its findings are suppressed,
// and passed when it has none.
func writeMarkdownPrinciples(b *strings.Builder, r *finding.Result, rules []finding.Rule, principles []string) {
	open, suppressed := map[string]int{}, map[string]int{}
	failing := map[string]bool{}
	threshold := r.Summary.FailOn
	if threshold == "" {
		threshold = finding.ThresholdNone
	}
	for _, f := range r.Findings {
		if f.Suppressed != nil {
			suppressed[f.RuleID]++
			continue
		}
		open[f.RuleID]++
		if threshold.Fails(f.Severity) {
			failing[f.Principle] = true
		}
	}
	b.WriteString("## Principles\n\n")
	b.WriteString("| Principle | Verdict | Rules | Passed | Failed | Waived |\n| --- | --- | ---: | ---: | ---: | ---: |\n")
	for _, p := range principles {
		var total, passed, failed, waived int
		for _, rule := range rules {
			if rule.Principle != p {
				continue
			}
			total++
			switch {
			case open[rule.ID] > 0:
				failed++
			case suppressed[rule.ID] > 0:
				waived++
			default:
				passed++
			}
		}
		v := "PASS"
		switch {
		case failing[p]:
			v = "FAIL"
		case len(r.Errors) > 0:
			v = "INCOMPLETE"
		}
		fmt.Fprintf(b, "| %s | %s | %d | %d | %d | %d |\n", principleName(p), v, total, passed, failed, waived)
	}
	fmt.Fprintf(b, "\nA principle fails when one of its open findings is at or above the fail-on level (%s). "+
		"A rule counts as failed when it has an open finding at any level, and as waived when a waiver "+
		"or the baseline suppresses all of its findings.\n\n", markdownText(failOn(r)))
}

func writeMarkdownErrors(b *strings.Builder, r *finding.Result) {
	if len(r.Errors) == 0 {
		return
	}
	b.WriteString("## Errors\n\nThese stopped part of the check; the verdict does not cover what they hid.\n\n")
	b.WriteString("| Location | Error | Detail |\n| --- | --- | --- |\n")
	for _, e := range r.Errors {
		loc := locationString(e.File, e.Line, e.Column)
		if loc == "" {
			loc = e.Inventory
		}
		fmt.Fprintf(b, "| %s | %s | %s |\n", markdownText(loc), markdownText(e.Summary), markdownText(e.Detail))
	}
	b.WriteString("\n")
}

func writeMarkdownFindings(b *strings.Builder, r *finding.Result, rules []finding.Rule, principles []string) {
	b.WriteString("## Findings\n\n")
	if len(r.Findings) == 0 {
		b.WriteString("No findings.\n\n")
		return
	}
	ruleByID := make(map[string]finding.Rule, len(rules))
	for _, rule := range rules {
		ruleByID[rule.ID] = rule
	}
	for _, p := range principles {
		var fs []*finding.Finding
		for i := range r.Findings {
			if r.Findings[i].Principle == p {
				fs = append(fs, &r.Findings[i])
			}
		}
		if len(fs) == 0 {
			continue
		}
		fmt.Fprintf(b, "### %s\n\n", principleName(p))
		for _, sev := range severityOrder(fs) {
			var group []*finding.Finding
			for _, f := range fs {
				if f.Severity == sev {
					group = append(group, f)
				}
			}
			name, ok := severityNames[sev]
			if !ok {
				name = markdownText(string(sev))
			}
			fmt.Fprintf(b, "#### %s (%d)\n\n", name, len(group))
			for _, f := range group {
				writeMarkdownFinding(b, f, ruleByID[f.RuleID])
			}
		}
	}
}

// severityOrder is critical to low, then any unknown level, sorted.
func severityOrder(fs []*finding.Finding) []finding.Severity {
	present := map[finding.Severity]bool{}
	for _, f := range fs {
		present[f.Severity] = true
	}
	var out, others []finding.Severity
	for _, s := range finding.Severities {
		if present[s] {
			out = append(out, s)
			delete(present, s)
		}
	}
	for s := range present {
		others = append(others, s)
	}
	slices.Sort(others)
	return append(out, others...)
}

func writeMarkdownFinding(b *strings.Builder, f *finding.Finding, rule finding.Rule) {
	heading := markdownText(f.RuleID) + " " + markdownText(f.Title)
	if f.Suppressed != nil {
		label, _ := suppressionNote(f.Suppressed)
		heading += " (" + label + ")"
	}
	fmt.Fprintf(b, "##### %s\n\n", heading)

	l := f.Location
	where := markdownText(locationString(l.File, l.Start.Line, l.Start.Column))
	if where != "" {
		where += ", "
	}
	where += markdownText(f.Resource.Kind) + " " + markdownText(f.Resource.ID)
	if f.Field != "" {
		where += ", field " + markdownText(f.Field)
	}
	fmt.Fprintf(b, "- **Where:** %s\n", where)
	fmt.Fprintf(b, "- **Problem:** %s\n", markdownText(f.Message))
	if f.Remediation != "" {
		fmt.Fprintf(b, "- **Fix:** %s\n", markdownText(f.Remediation))
	}
	controls := f.Controls
	if len(controls) == 0 {
		controls = rule.Controls
	}
	if len(controls) > 0 {
		escaped := make([]string, len(controls))
		for i, c := range controls {
			escaped[i] = markdownText(c)
		}
		fmt.Fprintf(b, "- **Sources:** %s\n", strings.Join(escaped, "; "))
	}
	if u := safeLink(f.HelpURI); u != "" {
		fmt.Fprintf(b, "- **More:** [rule documentation](%s)\n", u)
	}
	if s := f.Suppressed; s != nil {
		label, _ := suppressionNote(s)
		line := "- **" + strings.ToUpper(label[:1]) + label[1:] + ":**"
		if s.Reason != "" {
			line += " " + markdownText(s.Reason)
		}
		var extra []string
		if s.ApprovedBy != "" {
			extra = append(extra, "approved by "+markdownText(s.ApprovedBy))
		}
		if s.Expires != "" {
			extra = append(extra, "expires "+markdownText(s.Expires))
		}
		if len(extra) > 0 {
			line += " (" + strings.Join(extra, ", ") + ")"
		}
		b.WriteString(line + "\n")
	}
	b.WriteString("\n")
}
