package policy

import (
	"fmt"
	"slices"
	"strings"

	"github.com/open-policy-agent/opa/v1/ast"

	"github.com/citygate/citygate/engine/finding"
)

// Profiles are the jurisdiction profiles a rule may name: the law it
// enforces applies only where a city's jurisdictions select the profile.
var Profiles = []string{"eu", "uk", "us"}

// readTaxonomy reads the rule's area, Alliance principle and policy, and
// profiles. A version-1 rule that names only `principle: <area>` keeps
// loading: its area is that key and its principle the area's usual one.
func readTaxonomy(r *finding.Rule, custom map[string]any, loc *ast.Location) Errors {
	var errs Errors
	str := func(key string) string {
		s, _ := custom[key].(string)
		return strings.TrimSpace(s)
	}
	r.Area, r.Principle, r.Policy = str("area"), str("gsca_principle"), str("gsca_policy")
	if old := str("principle"); old != "" && r.Principle == "" {
		if finding.IsPrinciple(old) {
			r.Principle = old
		} else {
			if r.Area == "" {
				r.Area = old
			}
			r.Principle = finding.AreaPrinciple[old]
		}
	}
	if r.Principle == "" && r.Area != "" {
		r.Principle = finding.AreaPrinciple[r.Area]
	}
	if r.Area == "" {
		r.Area = r.Principle
	}
	keys := func(list []finding.Principle) string {
		out := make([]string, len(list))
		for i, p := range list {
			out[i] = p.Key
		}
		return strings.Join(out, ", ")
	}
	switch {
	case r.Principle == "" && r.Area == "":
		errs = append(errs, at(loc, "set custom.gsca_principle to one of "+keys(finding.Principles)+", and custom.area to a topical group",
			"METADATA of %s has no custom.gsca_principle", r.Package))
	case r.Principle != "" && !finding.IsPrinciple(r.Principle) && r.Builtin:
		errs = append(errs, at(loc, "set custom.gsca_principle to one of "+keys(finding.Principles),
			"METADATA of %s has an unknown custom.gsca_principle %q", r.Package, r.Principle))
	}
	if r.Policy != "" && !finding.IsPolicy(r.Policy) {
		errs = append(errs, at(loc, "set custom.gsca_policy to one of "+keys(finding.Policies)+", or leave it out",
			"METADATA of %s has an unknown custom.gsca_policy %q", r.Package, r.Policy))
	}
	r.Profiles = stringList(custom["profiles"])
	if r.Profiles == nil {
		r.Profiles = []string{}
	}
	for _, p := range r.Profiles {
		if !slices.Contains(Profiles, p) {
			errs = append(errs, at(loc, "profiles are "+strings.Join(Profiles, ", ")+"; leave custom.profiles out for a rule that applies everywhere",
				"METADATA of %s names an unknown profile %q", r.Package, p))
		}
	}
	return errs
}

// readSources reads custom.sources, or a version-1 rule's custom.controls;
// the controls of a rule with sources are their citations.
func readSources(r *finding.Rule, custom map[string]any, loc *ast.Location) Errors {
	var errs Errors
	r.Controls = stringList(custom["controls"])
	items, _ := custom["sources"].([]any)
	for i, it := range items {
		m, _ := it.(map[string]any)
		get := func(k string) string {
			s, _ := m[k].(string)
			if s == "" && m[k] != nil {
				s = fmt.Sprint(m[k])
			}
			return strings.TrimSpace(s)
		}
		src := finding.Source{Kind: get("kind"), Title: get("title"), Clause: get("clause"), URL: get("url"), Version: get("version")}
		if !slices.Contains(finding.SourceKinds, src.Kind) || src.Title == "" {
			errs = append(errs, at(loc, "each source needs kind ("+strings.Join(finding.SourceKinds, ", ")+") and title",
				"METADATA of %s: source %d has kind %q and title %q", r.Package, i+1, src.Kind, src.Title))
			continue
		}
		r.Sources = append(r.Sources, src)
	}
	if len(r.Sources) > 0 && r.Controls == nil {
		for _, s := range r.Sources {
			r.Controls = append(r.Controls, s.Citation())
		}
	}
	if r.Sources == nil {
		r.Sources = []finding.Source{}
	}
	if r.Controls == nil {
		r.Controls = []string{}
	}
	return errs
}

// readMessages reads custom.messages, the English texts of the rule's
// message templates.
func readMessages(r *finding.Rule, custom map[string]any, loc *ast.Location) Errors {
	raw, ok := custom["messages"]
	if !ok {
		return nil
	}
	m, ok := raw.(map[string]any)
	if !ok {
		return Errors{at(loc, "write custom.messages as a map from template id to English text",
			"METADATA of %s: custom.messages is not a map", r.Package)}
	}
	var errs Errors
	r.Messages = map[string]string{}
	for k, v := range m {
		s, ok := v.(string)
		if !ok || strings.TrimSpace(s) == "" {
			errs = append(errs, at(loc, "give each message template a text", "METADATA of %s: message %q has no text", r.Package, k))
			continue
		}
		r.Messages[k] = strings.TrimSpace(s)
	}
	return errs
}
