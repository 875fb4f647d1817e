package report

import (
	"fmt"
	"io"
	"strconv"
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

func (junitReporter) Report(w io.Writer, r *finding.Result) error {
	doc := JUnitSuites{Name: "citygate", Suites: junitSuites(r)}
	doc.Count()
	sanitizeJUnit(&doc)
	return WriteJUnit(w, &doc)
}

// junitProperties counts an inventory's rules by status, one property
// per status, all of them listed so a CI dashboard sees zeros too.
func junitProperties(counts finding.StatusCounts) *JUnitProperties {
	props := make([]JUnitProperty, 0, len(reportStatuses))
	for _, st := range reportStatuses {
		props = append(props, JUnitProperty{Name: fmt.Sprintf("citygate.rules.%s", st), Value: strconv.Itoa(counts.Of(st))})
	}
	return &JUnitProperties{Property: props}
}

// junitSuites makes one suite per inventory, in command-line order, then
// one per inventory that only findings or errors name, then "citygate" for
// errors that belong to no inventory (a policy that failed to compile).
func junitSuites(r *finding.Result) []JUnitSuite {
	var keys []string
	groups := map[string]*junitGroup{}
	get := func(key string) *junitGroup {
		g, ok := groups[key]
		if !ok {
			g = &junitGroup{}
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
	suites := make([]JUnitSuite, 0, len(keys))
	for _, key := range keys {
		suites = append(suites, junitSuite(key, groups[key], rules))
	}
	return suites
}

// junitGroup is what one suite reports: an inventory, or the errors that
// belong to none.
type junitGroup struct {
	inv      *finding.InventoryResult
	findings []*finding.Finding
	errors   []*finding.Error
	evidence []*finding.Evidence
}

// junitSuite makes one group's suite.
func junitSuite(key string, g *junitGroup, rules []finding.Rule) JUnitSuite {
	s := JUnitSuite{Name: key}
	if key == "" {
		s.Name = "citygate"
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
		s.Cases = append(s.Cases, junitErrorCase(e, s.Name, unique))
	}
	// An inventory that did not load was not evaluated: passing cases
	// for it would claim checks that never ran.
	if !(g.inv != nil && g.inv.Loaded) && len(g.findings) == 0 {
		return s
	}
	if g.inv != nil && g.inv.Loaded {
		s.Properties = junitProperties(g.inv.Counts)
	}
	for _, rule := range rules {
		s.Cases = append(s.Cases, junitRuleCases(rule, g.findings, g.evidence, unique)...)
	}
	return s
}

func junitErrorCase(e *finding.Error, suite string, unique func(string, string) string) JUnitCase {
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
	return JUnitCase{
		Classname: "citygate.error", Name: unique("citygate.error", name), File: e.File, Line: e.Line,
		Error: &JUnitProblem{Message: e.Summary, Type: "error", Body: body},
	}
}

// junitRuleCases names a case after the resource, adding the field only
// when the rule found several problems on that resource, so names stay
// short and do not change when an unrelated finding appears or goes.
func junitRuleCases(rule finding.Rule, inSuite []*finding.Finding, evidence []*finding.Evidence, unique func(string, string) string) []JUnitCase {
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
	var cases []JUnitCase
	if len(evidence) == 0 && len(fs) == 0 {
		// A result without evidence (built by a caller, not the engine):
		// the rule found nothing.
		return []JUnitCase{{Classname: classname, Name: unique(classname, rule.ID)}}
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
			cases = append(cases, JUnitCase{Classname: classname, Name: unique(classname, name)})
		case finding.StatusNotApplicable:
			cases = append(cases, JUnitCase{Classname: classname, Name: unique(classname, name),
				Skipped: &JUnitProblem{Message: "not applicable",
					Body: rule.ID + " applies to nothing in this inventory, or its jurisdiction profile is not selected"}})
		}
	}
	for _, f := range fs {
		name := f.Resource.String()
		if perResource[name] > 1 && f.Field != "" {
			name += "." + f.Field
		}
		c := JUnitCase{Classname: classname, Name: unique(classname, name), File: f.Location.File, Line: f.Location.Start.Line}
		problem := &JUnitProblem{Message: f.Message, Type: string(f.Severity), Body: junitBody(f, rule)}
		if f.Suppressed != nil {
			label, reason := suppressionNote(f.Suppressed)
			problem.Type, problem.Message = "", label
			if reason != "" {
				problem.Message += ": " + reason
			}
			c.Skipped = problem
		} else {
			c.Failure = problem
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

// sanitizeJUnit runs every untrusted string through the shared
// sanitizing before encoding/xml escapes it: XML 1.0 cannot carry most
// control characters at all (encoding/xml would turn them into U+FFFD,
// losing what they were), and a body printed to a CI log must not start
// a workflow command.
func sanitizeJUnit(doc *JUnitSuites) {
	for i := range doc.Suites {
		s := &doc.Suites[i]
		s.Name = oneLine(s.Name)
		for j := range s.Cases {
			c := &s.Cases[j]
			c.Classname, c.Name, c.File = oneLine(c.Classname), oneLine(c.Name), oneLine(c.File)
			for _, p := range []*JUnitProblem{c.Failure, c.Error, c.Skipped} {
				if p != nil {
					p.Message, p.Type, p.Body = oneLine(p.Message), oneLine(p.Type), multiLine(p.Body)
				}
			}
		}
	}
}
