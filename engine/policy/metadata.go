package policy

import (
	"fmt"
	"strings"

	"github.com/open-policy-agent/opa/v1/ast"

	"github.com/citygate/citygate/engine/finding"
)

// rulesRoot is the package prefix under which every rule lives:
// citygate.rules.<principle>.<name>. Gates (citygate.gates.<name>) are
// rules the engine decides from other rules' open findings, such as the
// procurement gate; they carry the same metadata.
var (
	rulesRoot = ast.MustParseRef("data.citygate.rules")
	gatesRoot = ast.MustParseRef("data.citygate.gates")
)

// isRulePackage reports whether a module's package is a rule or a gate.
func isRulePackage(m *ast.Module) bool {
	return m.Package.Path.HasPrefix(rulesRoot) || isGatePackage(m)
}

func isGatePackage(m *ast.Module) bool {
	return m.Package.Path.HasPrefix(gatesRoot)
}

// packageName is the dotted package path without the data prefix.
func packageName(m *ast.Module) string {
	parts := make([]string, 0, len(m.Package.Path)-1)
	for _, t := range m.Package.Path[1:] {
		s, ok := t.Value.(ast.String)
		if !ok {
			return m.Package.Path.String()
		}
		parts = append(parts, string(s))
	}
	return strings.Join(parts, ".")
}

// readRule checks a rule module against the rule contract and returns its
// metadata. Every problem is reported, not only the first.
func readRule(file string, m *ast.Module, builtin bool) (finding.Rule, Errors) {
	var errs Errors
	pkgLoc := m.Package.Location
	switch {
	case isGatePackage(m) && len(m.Package.Path) != 4:
		errs = append(errs, at(pkgLoc, "name the package citygate.gates.<gate_name>",
			"gate package %s must have exactly one part under citygate.gates", packageName(m)))
	case !isGatePackage(m) && len(m.Package.Path) != 5:
		errs = append(errs, at(pkgLoc, "name the package citygate.rules.<principle>.<rule_name>",
			"rule package %s must have exactly two parts under citygate.rules", packageName(m)))
	}
	var ann *ast.Annotations
	for _, a := range m.Annotations {
		if a.Scope == "package" {
			ann = a
			break
		}
	}
	if ann == nil {
		errs = append(errs, at(pkgLoc, "add a # METADATA comment block directly above the package line with title and custom: id, severity, principle",
			"rule package %s has no package-scoped METADATA", packageName(m)))
		return finding.Rule{}, errs
	}
	r := finding.Rule{
		Title:       ann.Title,
		Description: strings.TrimSpace(ann.Description),
		Package:     packageName(m),
		File:        file,
		Builtin:     builtin,
		Gate:        isGatePackage(m),
	}
	for _, rr := range ann.RelatedResources {
		if rr.Ref.String() != "" {
			r.RelatedResources = append(r.RelatedResources, rr.Ref.String())
		}
	}
	loc := ann.Location
	if r.Title == "" {
		errs = append(errs, at(loc, "add `# title: <what the rule checks>`", "METADATA of %s has no title", r.Package))
	}
	custom := ann.Custom
	str := func(key string) string {
		s, _ := custom[key].(string)
		return strings.TrimSpace(s)
	}
	r.ID = str("id")
	r.Severity = finding.Severity(str("severity"))
	r.Remediation = str("remediation")
	r.HelpURI = str("help_uri")
	r.Fields = stringList(custom["fields"])
	if r.ID == "" {
		errs = append(errs, at(loc, "add `custom: {id: ABC-001}` to the METADATA", "METADATA of %s has no custom.id", r.Package))
	} else if !validID(r.ID) {
		errs = append(errs, at(loc, "ids are upper-case words joined by dashes, e.g. SEC-006 or CITY-LIS-001",
			"METADATA of %s has an invalid custom.id %q", r.Package, r.ID))
	}
	if !r.Severity.Valid() {
		errs = append(errs, at(loc, "set custom.severity to critical, high, medium or low",
			"METADATA of %s has invalid custom.severity %q", r.Package, string(r.Severity)))
	}
	errs = append(errs, readTaxonomy(&r, custom, loc)...)
	errs = append(errs, readSources(&r, custom, loc)...)
	errs = append(errs, readMessages(&r, custom, loc)...)
	if r.HelpURI == "" && r.ID != "" {
		r.HelpURI = defaultHelpURI(r)
	}
	return r, errs
}

// defaultHelpURI points built-in rules at their section of docs/rules.md
// and user rules at their first related resource, if any.
func defaultHelpURI(r finding.Rule) string {
	if len(r.RelatedResources) > 0 && !r.Builtin {
		return r.RelatedResources[0]
	}
	return fmt.Sprintf("https://github.com/citygate/citygate/blob/main/docs/rules.md#%s", strings.ToLower(r.ID))
}

func validID(id string) bool {
	parts := strings.Split(id, "-")
	if len(parts) < 2 {
		return false
	}
	for _, p := range parts {
		if p == "" {
			return false
		}
		for _, c := range p {
			if (c < 'A' || c > 'Z') && (c < '0' || c > '9') {
				return false
			}
		}
	}
	return parts[0][0] >= 'A' && parts[0][0] <= 'Z'
}

func stringList(v any) []string {
	items, ok := v.([]any)
	if !ok {
		return nil
	}
	out := make([]string, 0, len(items))
	for _, it := range items {
		if s, ok := it.(string); ok {
			out = append(out, s)
		}
	}
	return out
}

// checkApplies requires that an applies rule (not a function) is a
// partial set built with `applies contains`, which the engine's applies
// query reads member by member.
func checkApplies(m *ast.Module, id string) Errors {
	var errs Errors
	for _, r := range m.Rules {
		if len(r.Head.Args) == 0 && len(r.Head.Reference) > 0 && r.Head.Reference[0].Value.Compare(ast.Var("applies")) == 0 &&
			(r.Head.Key == nil || r.Head.Value != nil || len(r.Head.Reference) != 1) {
			errs = append(errs, at(r.Location, "write `applies contains lib.system(s) if { ... }` (or lib.city, lib.zone(z), lib.excavation(e))",
				"applies of %s (%s) is not a set of resources", id, packageName(m)))
		}
	}
	return errs
}

// definesRule reports whether a module defines a rule of that name that is
// not a function (e.g. the applies set, which lets the engine tell pass
// from not applicable; a helper function named applies is not one).
func definesRule(m *ast.Module, name string) bool {
	for _, r := range m.Rules {
		if len(r.Head.Args) == 0 && len(r.Head.Reference) > 0 && r.Head.Reference[0].Value.Compare(ast.Var(name)) == 0 {
			return true
		}
	}
	return false
}
