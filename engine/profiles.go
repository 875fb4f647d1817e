package engine

import (
	"fmt"
	"slices"
	"sort"
	"strings"

	"github.com/open-policy-agent/opa/v1/ast"

	"github.com/citygate/citygate/engine/finding"
	"github.com/citygate/citygate/engine/policy"
)

// WithProfiles adds jurisdiction profiles to, and removes them from, those
// every inventory's city jurisdictions select (config `profiles: {add,
// remove}`, flags --profile and --no-profile). Removal wins.
func WithProfiles(add, remove []string) Option {
	return func(e *Engine) {
		e.profilesAdd = append(e.profilesAdd, add...)
		e.profilesRemove = append(e.profilesRemove, remove...)
	}
}

// checkProfiles refuses a profile name no rule can have, since a typo
// would silently leave a law unapplied.
func checkProfiles(names []string) error {
	for _, p := range names {
		if !slices.Contains(policy.Profiles, strings.ToLower(p)) {
			return fmt.Errorf("unknown profile %q: want one of %s", p, strings.Join(policy.Profiles, ", "))
		}
	}
	return nil
}

// profilesFor selects an inventory's profiles from its city's
// jurisdictions, case-insensitively: EU or an EU member code (the EU group
// of params.region_groups) selects eu, UK or GB uk, US or US-XX us; then
// the configured additions and removals apply. An inventory without a city
// selects only what is added.
func (e *Engine) profilesFor(doc ast.Value) []string {
	set := map[string]bool{}
	eu := e.euMembers()
	for _, j := range jurisdictions(doc) {
		j = strings.ToUpper(strings.TrimSpace(j))
		switch {
		case j == "EU" || eu[j]:
			set["eu"] = true
		case j == "UK" || j == "GB":
			set["uk"] = true
		case j == "US" || strings.HasPrefix(j, "US-"):
			set["us"] = true
		}
	}
	for _, p := range e.profilesAdd {
		set[strings.ToLower(p)] = true
	}
	for _, p := range e.profilesRemove {
		delete(set, strings.ToLower(p))
	}
	out := make([]string, 0, len(set))
	for p := range set {
		out = append(out, p)
	}
	sort.Strings(out)
	return out
}

// euMembers are the member codes of params.region_groups.EU, upper case.
func (e *Engine) euMembers() map[string]bool {
	out := map[string]bool{}
	groups, _ := e.params["region_groups"].(map[string]any)
	for name, members := range groups {
		if !strings.EqualFold(name, "EU") {
			continue
		}
		list, _ := members.([]any)
		for _, m := range list {
			if s, ok := m.(string); ok {
				out[strings.ToUpper(strings.TrimSpace(s))] = true
			}
		}
	}
	return out
}

// jurisdictions reads city.jurisdictions from the normalized document.
func jurisdictions(doc ast.Value) []string {
	obj, ok := doc.(ast.Object)
	if !ok {
		return nil
	}
	city := obj.Get(ast.StringTerm("city"))
	if city == nil {
		return nil
	}
	cobj, ok := city.Value.(ast.Object)
	if !ok {
		return nil
	}
	js := cobj.Get(ast.StringTerm("jurisdictions"))
	if js == nil {
		return nil
	}
	arr, ok := js.Value.(*ast.Array)
	if !ok {
		return nil
	}
	var out []string
	arr.Foreach(func(t *ast.Term) {
		if s, ok := t.Value.(ast.String); ok {
			out = append(out, string(s))
		}
	})
	return out
}

// requiredBy is the profile that makes a rule count for an inventory: ""
// for a core rule, the first of its profiles that is selected, or false
// when none is (the rule then does not apply there).
func requiredBy(rule *finding.Rule, selected []string) (string, bool) {
	if len(rule.Profiles) == 0 {
		return "", true
	}
	for _, p := range rule.Profiles {
		if slices.Contains(selected, p) {
			return p, true
		}
	}
	return "", false
}
