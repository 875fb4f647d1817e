package report

import (
	"fmt"
	"io"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

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
	writeMarkdownScope(&b, r, c)

	rules := catalog(r)
	g := groupingOf(m.opts)
	groups := g.countsIn(r, rules, c)
	writeMarkdownGroups(&b, r, g, groups, c)
	writeMarkdownInventories(&b, r, c)
	writeMarkdownErrors(&b, r, c)
	writeMarkdownFindings(&b, r, rules, g, groups, c)
	_, err = io.WriteString(w, strings.TrimRight(b.String(), "\n")+"\n")
	return err
}

func writeMarkdownScope(b *strings.Builder, r *finding.Result, c *i18n.Catalog) {
	b.WriteString(c.T("markdown.checked", "inventories", c.N("summary.inventories", r.Summary.Inventories),
		"rules", c.N("summary.rules", r.Summary.Rules)))
	invs := make([]string, 0, len(r.Inventories))
	for _, inv := range r.Inventories {
		s := markdownText(inv.Path)
		if !inv.Loaded {
			s = c.T("header.not_loaded", "path", s)
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
	fmt.Fprintf(b, "## %s\n\n", g.title(c))
	fmt.Fprintf(b, "| %s | %s |\n| --- | --- | ---: | ---: | ---: | ---: | ---: |\n", g.noun(c), strings.Join(countHeads(c), " | "))
	for _, n := range groups {
		v := markdownText(verdictWord(c, "pass"))
		switch {
		case failing[n.Key]:
			v = markdownText(verdictWord(c, "fail"))
		case len(r.Errors) > 0:
			v = markdownText(verdictWord(c, "incomplete"))
		case n.Total()-n.NotApplicable == 0:
			v = markdownText(c.T("column.not_applicable"))
		}
		fmt.Fprintf(b, "| %s | %s | %s | %s | %s | %s | %s |\n", markdownText(n.Name), v,
			c.Count(n.Pass), c.Count(n.Fail), c.Count(n.NotStated), c.Count(n.Waived), c.Count(n.NotApplicable))
	}
	fmt.Fprintf(b, "\n%s\n\n", c.T("markdown.counts_note", "group", strings.ToLower(g.noun(c)), "fail_on", markdownText(failOnWord(r, c))))
}

// countHeads are the heads of a markdown count table after its first
// column: Verdict, Pass, Fail, Not stated, Waived, N/A.
func countHeads(c *i18n.Catalog) []string {
	heads := []string{}
	for _, key := range []string{"verdict.heading", "column.pass", "column.fail", "column.not_stated", "column.waived", "column.not_applicable"} {
		heads = append(heads, markdownText(c.T(key)))
	}
	return heads
}

// writeMarkdownInventories is the verdict and rule counts of each inventory.
func writeMarkdownInventories(b *strings.Builder, r *finding.Result, c *i18n.Catalog) {
	if len(r.Inventories) == 0 {
		return
	}
	fmt.Fprintf(b, "## %s\n\n", markdownText(c.T("header.inventories")))
	fmt.Fprintf(b, "| %s | %s | %s |\n| --- | --- | --- | ---: | ---: | ---: | ---: | ---: |\n", markdownText(c.T("column.inventory")),
		markdownText(c.T("column.scope")), strings.Join(countHeads(c), " | "))
	for _, inv := range r.Inventories {
		n := inv.Counts
		fmt.Fprintf(b, "| %s | %s | %s | %s | %s | %s | %s | %s |\n", markdownText(inv.Path), markdownText(inv.Scope),
			markdownText(inventoryWord(c, r, inv)), c.Count(n.Pass), c.Count(n.Fail), c.Count(n.NotStated), c.Count(n.Waived), c.Count(n.NotApplicable))
	}
	b.WriteString("\n")
}

func writeMarkdownErrors(b *strings.Builder, r *finding.Result, c *i18n.Catalog) {
	if len(r.Errors) == 0 {
		return
	}
	fmt.Fprintf(b, "## %s\n\n%s\n\n", markdownText(c.T("errors.heading")), markdownText(c.T("errors.intro")))
	fmt.Fprintf(b, "| %s | %s | %s |\n| --- | --- | --- |\n", markdownText(c.T("errors.location")), markdownText(c.T("errors.error")), markdownText(c.T("errors.detail")))
	for _, e := range r.Errors {
		loc := locationString(e.File, e.Line, e.Column)
		if loc == "" {
			loc = e.Inventory
		}
		fmt.Fprintf(b, "| %s | %s | %s |\n", markdownText(loc), markdownText(e.Summary), markdownText(e.Detail))
	}
	b.WriteString("\n")
}

func writeMarkdownFindings(b *strings.Builder, r *finding.Result, rules []finding.Rule, g grouping, groups []finding.GroupCounts, c *i18n.Catalog) {
	fmt.Fprintf(b, "## %s\n\n", markdownText(c.T("findings.heading")))
	if len(r.Findings) == 0 {
		b.WriteString(markdownText(c.T("findings.empty")) + "\n\n")
		return
	}
	ruleByID := make(map[string]finding.Rule, len(rules))
	for _, rule := range rules {
		ruleByID[rule.ID] = rule
	}
	for _, gc := range groups {
		var fs []*finding.Finding
		for i := range r.Findings {
			if g.findingKey(&r.Findings[i]) == gc.Key {
				fs = append(fs, &r.Findings[i])
			}
		}
		if len(fs) == 0 {
			continue
		}
		fmt.Fprintf(b, "### %s\n\n", markdownText(gc.Name))
		for _, sev := range severityOrder(fs) {
			var group []*finding.Finding
			for _, f := range fs {
				if f.Severity == sev {
					group = append(group, f)
				}
			}
			name := markdownText(string(sev))
			if sev.Valid() {
				name = markdownText(c.T("severity." + string(sev)))
			}
			fmt.Fprintf(b, "#### %s (%s)\n\n", name, c.Count(len(group)))
			for _, f := range group {
				writeMarkdownFinding(b, f, ruleByID[f.RuleID], c)
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

func writeMarkdownFinding(b *strings.Builder, f *finding.Finding, rule finding.Rule, c *i18n.Catalog) {
	heading := markdownText(f.RuleID) + " " + markdownText(f.Title)
	if f.Suppressed != nil {
		heading += " (" + markdownText(suppressionLabel(c, f.Suppressed)) + ")"
	}
	fmt.Fprintf(b, "##### %s\n\n", heading)

	l := f.Location
	where := markdownText(locationString(l.File, l.Start.Line, l.Start.Column))
	sep := c.Raw("summary.list_sep")
	if where != "" {
		where += sep
	}
	where += c.T("finding.resource", "kind", markdownText(f.Resource.Kind), "id", markdownText(f.Resource.ID))
	if f.Field != "" {
		where += sep + c.T("finding.field", "field", markdownText(f.Field))
	}
	label := func(key string) string { return "- **" + markdownText(c.T(key)) + ":** " }
	b.WriteString(label("finding.where") + where + "\n")
	problem := "finding.problem"
	if f.Status == finding.StatusNotStated {
		problem = "status.not_stated"
	}
	b.WriteString(label(problem) + markdownText(f.Message) + "\n")
	if f.Profile != "" {
		b.WriteString(label("finding.required_by") + markdownText(c.T("finding.profile", "profile", f.Profile)) + "\n")
	}
	if f.Remediation != "" {
		b.WriteString(label("finding.fix") + markdownText(f.Remediation) + "\n")
	}
	controls := f.Controls
	if len(controls) == 0 {
		controls = rule.Controls
	}
	if len(controls) > 0 {
		escaped := make([]string, len(controls))
		for i, ctl := range controls {
			escaped[i] = markdownText(ctl)
		}
		b.WriteString(label("finding.sources") + strings.Join(escaped, "; ") + "\n")
	}
	if u := safeLink(f.HelpURI); u != "" {
		fmt.Fprintf(b, "%s[%s](%s)\n", label("finding.more_label"), markdownText(c.T("finding.docs_link")), u)
	}
	if s := f.Suppressed; s != nil {
		line := "- **" + markdownText(capitalize(suppressionLabel(c, s))) + ":**"
		if s.Reason != "" {
			line += " " + markdownText(s.Reason)
		}
		var extra []string
		if s.ApprovedBy != "" {
			extra = append(extra, c.T("suppression.approved", "name", markdownText(s.ApprovedBy)))
		}
		if s.Expires != "" {
			extra = append(extra, c.T("suppression.expires", "date", markdownText(expiryDate(c, s.Expires))))
		}
		if len(extra) > 0 {
			line += " (" + strings.Join(extra, c.Raw("summary.list_sep")) + ")"
		}
		b.WriteString(line + "\n")
	}
	b.WriteString("\n")
}

// capitalize upper-cases a label's first letter (a whole rune, so a
// Cyrillic or Vietnamese label is not cut inside a character).
func capitalize(s string) string {
	r, size := utf8.DecodeRuneInString(s)
	if size == 0 {
		return s
	}
	return string(unicode.ToUpper(r)) + s[size:]
}

// expiryDate is a waiver's expiry as text and markdown print it: the
// language's date in a translated report; in English the ISO date the
// inventory states, as these formats have always printed it.
func expiryDate(c *i18n.Catalog, iso string) string {
	if c.Lang() == i18n.Default {
		return iso
	}
	return c.Date(iso)
}
