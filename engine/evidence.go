package engine

import (
	"context"
	"fmt"
	"sort"

	"github.com/citygate/citygate/engine/finding"
	"github.com/citygate/citygate/engine/inventory"
	"github.com/citygate/citygate/engine/waiver"
)

// The resources each rule (and gate) declares it applies to: a second
// prepared query beside the deny query, so pass can be told from not
// applicable.
const (
	appliesQuery     = "data.citygate.rules[principle][name].applies[resource]"
	gateAppliesQuery = "data.citygate.gates[name].applies[resource]"
)

// applied maps a rule id to the resources it applies to.
type applied map[string]map[finding.Resource]bool

// prepareApplies prepares the applies queries of rules and of gates, each
// only when some loaded rule or gate declares applies.
func (e *Engine) prepareApplies(ctx context.Context, prepare preparer) error {
	var rules, gates []string
	for _, r := range e.rules {
		if !r.Applies {
			continue
		}
		if r.Gate {
			gates = append(gates, r.Package)
		} else {
			rules = append(rules, r.Package)
		}
	}
	for _, q := range []struct {
		pkgs []string
		set  setQuery
		into **querySet
	}{
		{rules, setQuery{query: appliesQuery, prefix: "citygate.rules", vars: []string{"principle", "name"}}, &e.appliesQuery},
		{gates, setQuery{query: gateAppliesQuery, prefix: "citygate.gates", vars: []string{"name"}}, &e.gateAppliesQuery},
	} {
		if len(q.pkgs) == 0 {
			continue
		}
		q.set.value, q.set.set, q.set.pkgs = "resource", "applies", q.pkgs
		qs, err := e.prepareSet(ctx, q.set, prepare)
		if err != nil {
			return fmt.Errorf("preparing the applies query: %w", err)
		}
		*q.into = qs
	}
	return nil
}

// applies evaluates what every rule applies to on one inventory, leaving
// out rules whose profiles the inventory does not select.
func (e *Engine) applies(ctx context.Context, inv *inventory.Inventory, profiles []string) (applied, error) {
	out := applied{}
	for _, qs := range []*querySet{e.appliesQuery, e.gateAppliesQuery} {
		if qs == nil {
			continue
		}
		tctx, cancel := context.WithTimeout(ctx, e.timeout)
		hits, err := qs.eval(tctx, e.evalOptions(inv))
		err = e.deadline(tctx, err)
		cancel()
		if err != nil {
			return nil, e.evalFailure(ctx, qs.traced, inv, err)
		}
		for _, h := range hits {
			rule, ok := e.lib.RuleForPackage(h.pkg)
			if !ok {
				continue
			}
			if _, ok := requiredBy(rule, profiles); !ok {
				continue
			}
			res, err := appliedResource(rule, h.value)
			if err != nil {
				return nil, err
			}
			if out[rule.ID] == nil {
				out[rule.ID] = map[finding.Resource]bool{}
			}
			out[rule.ID][res] = true
		}
	}
	return out, nil
}

// appliedResource reads one member of an applies set: a resource built
// with lib.system(s), lib.city, lib.zone(z) or lib.excavation(e).
func appliedResource(rule *finding.Rule, raw any) (finding.Resource, error) {
	obj, _ := raw.(map[string]any)
	kind, _ := obj["kind"].(string)
	id, _ := obj["id"].(string)
	if kind == "" || id == "" {
		return finding.Resource{}, fmt.Errorf("rule %s (%s): applies holds %v, not a resource built with lib.system(s), lib.city, lib.zone(z) or lib.excavation(e)", rule.ID, rule.File, raw)
	}
	return finding.Resource{Kind: kind, ID: id}, nil
}

// evidence derives every rule's status on every resource of one evaluated
// inventory from its findings (waivers and baseline already applied) and
// the applies sets:
//   - fail / not_stated: the resource has an open finding of that status,
//     or one only the baseline suppresses (a baseline hides what is known,
//     it does not make it compliant); fail wins over not_stated;
//   - waived: every finding on the resource is suppressed by a waiver;
//   - pass: the resource is in the rule's applies set with no finding;
//   - not_applicable (one rule-level entry): the rule applies to nothing
//     here, or none of its profiles is selected.
//
// A rule that does not declare applies (a version-1 custom rule) has fail
// entries for the resources it found, or else one rule-level pass. The
// waiver rules (WAIVER-EXPIRED, WAIVER-UNUSED) appear only when they fire.
func (e *Engine) evidence(inv *inventory.Inventory, found []finding.Finding, app applied, profiles []string) []finding.Evidence {
	byRule := map[string]map[finding.Resource][]*finding.Finding{}
	for i := range found {
		f := &found[i]
		if byRule[f.RuleID] == nil {
			byRule[f.RuleID] = map[finding.Resource][]*finding.Finding{}
		}
		byRule[f.RuleID][f.Resource] = append(byRule[f.RuleID][f.Resource], f)
	}
	out := make([]finding.Evidence, 0, len(e.rules))
	add := func(rule *finding.Rule, res *finding.Resource, st finding.Status, fields []string) {
		if fields == nil {
			fields = []string{}
		}
		out = append(out, finding.Evidence{Inventory: inv.Path, RuleID: rule.ID, Resource: res, Status: st, Fields: fields})
	}
	for i := range e.rules {
		rule := &e.rules[i]
		if _, ok := requiredBy(rule, profiles); !ok {
			add(rule, nil, finding.StatusNotApplicable, nil)
			continue
		}
		resources := map[finding.Resource]bool{}
		for r := range app[rule.ID] {
			resources[r] = true
		}
		for r := range byRule[rule.ID] {
			resources[r] = true
		}
		if len(resources) == 0 {
			if rule.Applies {
				add(rule, nil, finding.StatusNotApplicable, nil)
			} else {
				add(rule, nil, finding.StatusPass, rule.Fields)
			}
			continue
		}
		for r := range resources {
			res := r
			if fs := byRule[rule.ID][r]; len(fs) > 0 {
				st, fields := resourceStatus(fs)
				add(rule, &res, st, fields)
				continue
			}
			add(rule, &res, finding.StatusPass, rule.Fields)
		}
	}
	for i := range waiver.Rules {
		rule := &waiver.Rules[i]
		for r, fs := range byRule[rule.ID] {
			res := r
			st, fields := resourceStatus(fs)
			add(rule, &res, st, fields)
		}
	}
	return out
}

// resourceStatus is the worst status of one rule's findings on one
// resource, and the fields they name.
func resourceStatus(fs []*finding.Finding) (finding.Status, []string) {
	st := finding.StatusPass
	seen := map[string]bool{}
	var fields []string
	for _, f := range fs {
		s := f.Status
		if s == "" {
			s = finding.StatusFail
		}
		if f.Suppressed != nil && f.Suppressed.Kind == "waiver" {
			s = finding.StatusWaived
		}
		if s.Worse(st) {
			st = s
		}
		if !seen[f.Field] {
			seen[f.Field] = true
			fields = append(fields, f.Field)
		}
	}
	sort.Strings(fields)
	return st, fields
}
