package report

import (
	"fmt"
	"io"
	"strings"

	"github.com/citygate/citygate/engine/finding"
)

func init() {
	register("junit", func(Options) Reporter { return junitReporter{} })
}

// junitReporter writes JUnit XML for CI systems that show test reports
// (GitLab's artifacts:reports:junit, Jenkins, Azure). Test cases follow the
// evidence: one per finding (failure; skipped when waived or baselined),
// one passing case per (rule, resource) the rule applies to and passes, and
// one skipped case per rule that applies to nothing in the inventory (not
// applicable), so N/A is never counted as passed. Each suite's properties
// count rules by status. docs/output-formats.md explains it.
type junitReporter struct{}

type junitCase struct {
	classname, name, file string
	line                  int
	kind                  string // "", "failure", "skipped" or "error"
	message, typ, body    string
}

type junitSuite struct {
	name   string
	cases  []junitCase
	counts *finding.StatusCounts
}

func (s *junitSuite) count(kind string) int {
	n := 0
	for _, c := range s.cases {
		if c.kind == kind {
			n++
		}
	}
	return n
}

func (junitReporter) Report(w io.Writer, r *finding.Result) error {
	suites := junitSuites(r)
	var total junitSuite
	for _, s := range suites {
		total.cases = append(total.cases, s.cases...)
	}
	var b strings.Builder
	b.WriteString(`<?xml version="1.0" encoding="UTF-8"?>` + "\n")
	fmt.Fprintf(&b, `<testsuites name="citygate" tests="%d" failures="%d" errors="%d" skipped="%d">`+"\n",
		len(total.cases), total.count("failure"), total.count("error"), total.count("skipped"))
	for _, s := range suites {
		fmt.Fprintf(&b, `  <testsuite name="%s" tests="%d" failures="%d" errors="%d" skipped="%d">`+"\n",
			xmlAttr(s.name), len(s.cases), s.count("failure"), s.count("error"), s.count("skipped"))
		if s.counts != nil {
			b.WriteString("    <properties>\n")
			for _, st := range reportStatuses {
				fmt.Fprintf(&b, `      <property name="citygate.rules.%s" value="%d"/>`+"\n", st, s.counts.Of(st))
			}
			b.WriteString("    </properties>\n")
		}
		for _, c := range s.cases {
			writeJUnitCase(&b, c)
		}
		b.WriteString("  </testsuite>\n")
	}
	b.WriteString("</testsuites>\n")
	_, err := io.WriteString(w, b.String())
	return err
}

func writeJUnitCase(b *strings.Builder, c junitCase) {
	fmt.Fprintf(b, `    <testcase classname="%s" name="%s"`, xmlAttr(c.classname), xmlAttr(c.name))
	if c.file != "" {
		fmt.Fprintf(b, ` file="%s"`, xmlAttr(c.file))
	}
	if c.line > 0 {
		fmt.Fprintf(b, ` line="%d"`, c.line)
	}
	if c.kind == "" {
		b.WriteString("/>\n")
		return
	}
	fmt.Fprintf(b, ">\n      <%s message=\"%s\"", c.kind, xmlAttr(c.message))
	if c.typ != "" {
		fmt.Fprintf(b, ` type="%s"`, xmlAttr(c.typ))
	}
	fmt.Fprintf(b, ">%s</%s>\n    </testcase>\n", xmlText(c.body), c.kind)
}

// junitSuites makes one suite per inventory, in command-line order, then
// one per inventory that only findings or errors name, then "citygate" for
// errors that belong to no inventory (a policy that failed to compile).
func junitSuites(r *finding.Result) []junitSuite {
	type group struct {
		inv      *finding.InventoryResult
		findings []*finding.Finding
		errors   []*finding.Error
		evidence []*finding.Evidence
	}
	var keys []string
	groups := map[string]*group{}
	get := func(key string) *group {
		g, ok := groups[key]
		if !ok {
			g = &group{}
			groups[key] = g
			keys = append(keys, key)
		}
		return g
	}
	for i := range r.Inventories {
		get(r.Inventories[i].Path).inv = &r.Inventories[i]
	}
	for i := range r.Findings {
		g := get(r.Findings[i].Inventory)
		g.findings = append(g.findings, &r.Findings[i])
	}
	for i := range r.Errors {
		g := get(r.Errors[i].Inventory)
		g.errors = append(g.errors, &r.Errors[i])
	}
	for i := range r.Evidence {
		if g, ok := groups[r.Evidence[i].Inventory]; ok {
			g.evidence = append(g.evidence, &r.Evidence[i])
		}
	}

	rules := catalog(r)
	suites := make([]junitSuite, 0, len(keys))
	for _, key := range keys {
		g := groups[key]
		s := junitSuite{name: key}
		if key == "" {
			s.name = "citygate"
		}
		// CI tools key cases by classname and name; a repeat gets " #2".
		names := map[string]int{}
		unique := func(classname, name string) string {
			key := classname + "\x00" + name
			names[key]++
			if n := names[key]; n > 1 {
				return fmt.Sprintf("%s #%d", name, n)
			}
			return name
		}
		for _, e := range g.errors {
			s.cases = append(s.cases, junitErrorCase(e, s.name, unique))
		}
		// An inventory that did not load was not evaluated: passing cases
		// for it would claim checks that never ran.
		if !(g.inv != nil && g.inv.Loaded) && len(g.findings) == 0 {
			suites = append(suites, s)
			continue
		}
		if g.inv != nil && g.inv.Loaded {
			counts := g.inv.Counts
			s.counts = &counts
		}
		for _, rule := range rules {
			s.cases = append(s.cases, junitRuleCases(rule, g.findings, g.evidence, unique)...)
		}
		suites = append(suites, s)
	}
	return suites
}

func junitErrorCase(e *finding.Error, suite string, unique func(string, string) string) junitCase {
	name := locationString(e.File, e.Line, e.Column)
	if name == "" {
		name = suite
	}
	body := "error: " + e.Summary
	if loc := locationString(e.File, e.Line, e.Column); loc != "" {
		body += "\nlocation: " + loc
	}
	if e.Detail != "" {
		body += "\n\n" + e.Detail
	}
	return junitCase{
		classname: "citygate.error", name: unique("citygate.error", name), file: e.File, line: e.Line,
		kind: "error", message: e.Summary, typ: "error", body: body,
	}
}

// junitRuleCases names a case after the resource, adding the field only
// when the rule found several problems on that resource, so names stay
// short and do not change when an unrelated finding appears or goes.
func junitRuleCases(rule finding.Rule, inSuite []*finding.Finding, evidence []*finding.Evidence, unique func(string, string) string) []junitCase {
	classname := "citygate." + rule.ID
	if rule.Principle != "" {
		classname = "citygate." + rule.Principle + "." + rule.ID
	}
	var fs []*finding.Finding
	perResource := map[string]int{}
	for _, f := range inSuite {
		if f.RuleID == rule.ID {
			fs = append(fs, f)
			perResource[f.Resource.String()]++
		}
	}
	var cases []junitCase
	if len(evidence) == 0 && len(fs) == 0 {
		// A result without evidence (built by a caller, not the engine):
		// the rule found nothing.
		return []junitCase{{classname: classname, name: unique(classname, rule.ID)}}
	}
	for _, e := range evidence {
		if e.RuleID != rule.ID {
			continue
		}
		name := rule.ID
		if e.Resource != nil {
			name = e.Resource.String()
		}
		switch e.Status {
		case finding.StatusPass:
			cases = append(cases, junitCase{classname: classname, name: unique(classname, name)})
		case finding.StatusNotApplicable:
			cases = append(cases, junitCase{classname: classname, name: unique(classname, name), kind: "skipped",
				message: "not applicable", body: rule.ID + " applies to nothing in this inventory, or its jurisdiction profile is not selected"})
		}
	}
	for _, f := range fs {
		name := f.Resource.String()
		if perResource[name] > 1 && f.Field != "" {
			name += "." + f.Field
		}
		c := junitCase{
			classname: classname, name: unique(classname, name), file: f.Location.File, line: f.Location.Start.Line,
			kind: "failure", message: f.Message, typ: string(f.Severity), body: junitBody(f, rule),
		}
		if f.Suppressed != nil {
			label, reason := suppressionNote(f.Suppressed)
			c.kind, c.typ, c.message = "skipped", "", label
			if reason != "" {
				c.message += ": " + reason
			}
		}
		cases = append(cases, c)
	}
	return cases
}

// junitBody holds everything a reader needs, because GitLab shows the
// element's text and ignores its message attribute.
func junitBody(f *finding.Finding, rule finding.Rule) string {
	lines := []string{
		f.RuleID + " " + f.Title,
		"severity: " + string(f.Severity),
		"location: " + locationString(f.Location.File, f.Location.Start.Line, f.Location.Start.Column),
		"resource: " + f.Resource.String(),
	}
	if f.Field != "" {
		lines = append(lines, "field: "+f.Field)
	}
	lines = append(lines, "message: "+f.Message)
	if f.Remediation != "" {
		lines = append(lines, "remediation: "+f.Remediation)
	}
	controls := f.Controls
	if len(controls) == 0 {
		controls = rule.Controls
	}
	if len(controls) > 0 {
		lines = append(lines, "sources: "+strings.Join(controls, "; "))
	}
	if f.HelpURI != "" {
		lines = append(lines, "help: "+f.HelpURI)
	}
	return strings.Join(lines, "\n")
}

// xmlAttr and xmlText escape for XML 1.0 after the shared sanitizing, so
// no control character (which XML cannot carry at all) reaches the file,
// and a body printed to a CI log cannot start a workflow command.
func xmlAttr(s string) string { return xmlEscape(oneLine(s), true) }

func xmlText(s string) string { return xmlEscape(multiLine(s), false) }

func xmlEscape(s string, attr bool) string {
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		switch {
		case r == '&':
			b.WriteString("&amp;")
		case r == '<':
			b.WriteString("&lt;")
		case r == '>':
			b.WriteString("&gt;")
		case r == '"' && attr:
			b.WriteString("&quot;")
		case r == '\t' && attr:
			b.WriteString("&#9;")
		case r == '\n' && attr:
			b.WriteString("&#10;")
		case !xmlChar(r):
			b.WriteRune('\uFFFD') // unreachable after sanitizing; kept so the file always parses
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// xmlChar is XML 1.0's Char production.
func xmlChar(r rune) bool {
	return r == '\t' || r == '\n' || r == '\r' ||
		(r >= 0x20 && r <= 0xd7ff) || (r >= 0xe000 && r <= 0xfffd) || (r >= 0x10000 && r <= 0x10ffff)
}
