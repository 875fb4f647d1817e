package report

import (
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/citygate/citygate/engine/finding"
	"github.com/citygate/citygate/engine/i18n"
)

func init() {
	register("markdown", func(o Options) Reporter { return markdownReporter{opts: o} })
}

// markdownReporter writes a report for a person: a procurement officer
// reviewing a bid or a reviewer on a pull request. It leads with the
// verdict and a per-principle table, then explains every finding,
// suppressed ones included, so nothing is missed. It uses only syntax that
// GitHub and GitLab render alike, and no HTML except <br> in escaped text.
type markdownReporter struct {
	opts Options
	// lang is the header's language (Localize); "" is English.
	lang string
}

var severityNames = map[finding.Severity]string{
	finding.Critical: "Critical", finding.High: "High", finding.Medium: "Medium", finding.Low: "Low",
}

func (m markdownReporter) Report(w io.Writer, r *finding.Result) error {
	c, err := catalogFor(m.lang)
	if err != nil {
		return err
	}
	var b strings.Builder
	h := headerOf(r, c)
	b.WriteString("# " + markdownText(h.Title) + "\n\n")
	b.WriteString(verdictLine(r, c) + "\n\n")
	for _, f := range h.facts(c) {
		fmt.Fprintf(&b, "- **%s:** %s\n", markdownText(f.Label), markdownText(f.Value))
	}
	b.WriteString("\n")
	writeMarkdownScope(&b, r)

	rules := catalog(r)
	g := groupingOf(m.opts)
	groups := g.counts(r, rules)
	writeMarkdownGroups(&b, r, g, groups, c)
	writeMarkdownInventories(&b, r, c)
	writeMarkdownErrors(&b, r)
	writeMarkdownFindings(&b, r, rules, g, groups)
	_, err = io.WriteString(w, strings.TrimRight(b.String(), "\n")+"\n")
	return err
}

func writeMarkdownScope(b *strings.Builder, r *finding.Result) {
	fmt.Fprintf(b, "Checked %s against %s", plural(r.Summary.Inventories, "inventory", "inventories"),
		plural(r.Summary.Rules, "rule", "rules"))
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

// writeMarkdownGroups counts rules per inventory by status: a rule's
// status in an inventory is the worst of its resources' (fail, not stated,
// waived, pass), not applicable only when it applies to nothing there.
func writeMarkdownGroups(b *strings.Builder, r *finding.Result, g grouping, groups []finding.GroupCounts, c *i18n.Catalog) {
	failing := map[string]bool{}
	threshold := r.Summary.FailOn
	if threshold == "" {
		threshold = finding.ThresholdNone
	}
	for i := range r.Findings {
		f := &r.Findings[i]
		if f.Suppressed == nil && threshold.Fails(f.Severity) {
			failing[g.findingKey(f)] = true
		}
	}
	fmt.Fprintf(b, "## %s\n\n", g.title())
	fmt.Fprintf(b, "| %s | Verdict | Pass | Fail | Not stated | Waived | N/A |\n| --- | --- | ---: | ---: | ---: | ---: | ---: |\n", g.noun())
	for _, n := range groups {
		v := markdownText(verdictWord(c, "pass"))
		switch {
		case failing[n.Key]:
			v = markdownText(verdictWord(c, "fail"))
		case len(r.Errors) > 0:
			v = markdownText(verdictWord(c, "incomplete"))
		case n.Total()-n.NotApplicable == 0:
			v = "N/A"
		}
		fmt.Fprintf(b, "| %s | %s | %d | %d | %d | %d | %d |\n", markdownText(n.Name), v,
			n.Pass, n.Fail, n.NotStated, n.Waived, n.NotApplicable)
	}
	fmt.Fprintf(b, "\nRules are counted once per inventory, by their worst status on any resource: "+
		"fail (a stated value breaks the rule), not stated (a field the rule needs is absent), "+
		"waived (a waiver suppresses every finding), pass (the rule applies and is met), "+
		"N/A (the rule applies to nothing there, or its jurisdiction profile is not selected; never counted as passed). "+
		"A baselined finding still counts as fail or not stated. "+
		"A %s fails when one of its open findings is at or above the fail-on level (%s); "+
		"an inventory that could not be evaluated counts nothing.\n\n", strings.ToLower(g.noun()), markdownText(failOn(r)))
}

// writeMarkdownInventories is the verdict and rule counts of each inventory.
func writeMarkdownInventories(b *strings.Builder, r *finding.Result, c *i18n.Catalog) {
	if len(r.Inventories) == 0 {
		return
	}
	b.WriteString("## Inventories\n\n")
	b.WriteString("| Inventory | Scope | Verdict | Pass | Fail | Not stated | Waived | N/A |\n| --- | --- | --- | ---: | ---: | ---: | ---: | ---: |\n")
	for _, inv := range r.Inventories {
		n := inv.Counts
		fmt.Fprintf(b, "| %s | %s | %s | %d | %d | %d | %d | %d |\n", markdownText(inv.Path), markdownText(inv.Scope),
			markdownText(inventoryWord(c, r, inv)), n.Pass, n.Fail, n.NotStated, n.Waived, n.NotApplicable)
	}
	b.WriteString("\n")
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

func writeMarkdownFindings(b *strings.Builder, r *finding.Result, rules []finding.Rule, g grouping, groups []finding.GroupCounts) {
	b.WriteString("## Findings\n\n")
	if len(r.Findings) == 0 {
		b.WriteString("No findings.\n\n")
		return
	}
	ruleByID := make(map[string]finding.Rule, len(rules))
	for _, rule := range rules {
		ruleByID[rule.ID] = rule
	}
	for _, c := range groups {
		var fs []*finding.Finding
		for i := range r.Findings {
			if g.findingKey(&r.Findings[i]) == c.Key {
				fs = append(fs, &r.Findings[i])
			}
		}
		if len(fs) == 0 {
			continue
		}
		fmt.Fprintf(b, "### %s\n\n", markdownText(c.Name))
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
	problem := "Problem"
	if f.Status == finding.StatusNotStated {
		problem = "Not stated"
	}
	fmt.Fprintf(b, "- **%s:** %s\n", problem, markdownText(f.Message))
	if f.Profile != "" {
		fmt.Fprintf(b, "- **Required by:** the %s profile\n", markdownText(f.Profile))
	}
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
