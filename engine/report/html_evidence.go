package report

import "github.com/citygate/citygate/engine/finding"

// This file is the seam between the HTML report and the engine's
// evidence: the few facts the page needs that the Result carries in
// different shapes as the engine grows.

// ruleStatus is one rule's status in one inventory: pass, fail,
// not_stated, waived or not_applicable.
type ruleStatus struct {
	Inventory, RuleID, Status string
}

// ruleStatusesOf is each rule's status per inventory: the worst of its
// evidence. A Result without evidence (built by a program, not the
// engine) is judged from its findings alone.
func ruleStatusesOf(r *finding.Result, rules []finding.Rule) []ruleStatus {
	if len(r.Evidence) > 0 {
		var out []ruleStatus
		for _, rs := range finding.RuleStatuses(r.Evidence) {
			out = append(out, ruleStatus{Inventory: rs.Inventory, RuleID: rs.RuleID, Status: string(rs.Status)})
		}
		return out
	}
	return statusesFromFindings(r, rules)
}

// statusesFromFindings: failed (or not stated) with an open finding,
// waived when all are suppressed, else passed.
func statusesFromFindings(r *finding.Result, rules []finding.Rule) []ruleStatus {
	invs := make([]string, 0, len(r.Inventories))
	for _, inv := range r.Inventories {
		if inv.Loaded {
			invs = append(invs, inv.Path)
		}
	}
	if len(invs) == 0 && len(r.Errors) == 0 {
		invs = []string{""}
	}
	type key struct{ inv, rule string }
	open, suppressed := map[key]bool{}, map[key]bool{}
	for i := range r.Findings {
		f := &r.Findings[i]
		k := key{f.Inventory, f.RuleID}
		if len(r.Inventories) == 0 {
			k.inv = ""
		}
		if f.Suppressed != nil {
			suppressed[k] = true
		} else {
			open[k] = true
		}
	}
	var out []ruleStatus
	for _, inv := range invs {
		for _, rule := range rules {
			k := key{inv, rule.ID}
			s := "pass"
			switch {
			case open[k]:
				s = findingStatusOfRule(r, inv, rule.ID)
			case suppressed[k]:
				s = "waived"
			}
			out = append(out, ruleStatus{Inventory: inv, RuleID: rule.ID, Status: s})
		}
	}
	return out
}

// findingStatusOfRule is fail, or not_stated when every open finding of
// the rule in the inventory is about an absent field.
func findingStatusOfRule(r *finding.Result, inv, ruleID string) string {
	status := "not_stated"
	for i := range r.Findings {
		f := &r.Findings[i]
		if f.RuleID != ruleID || f.Suppressed != nil || (inv != "" && f.Inventory != inv) {
			continue
		}
		if findingStatus(f) == "fail" {
			return "fail"
		}
	}
	return status
}

// findingStatus is fail or not_stated.
func findingStatus(f *finding.Finding) string {
	if f.Status == finding.StatusNotStated {
		return string(finding.StatusNotStated)
	}
	return string(finding.StatusFail)
}

// passedResources lists, per rule, the resources it passed on, from the
// evidence.
func passedResources(r *finding.Result) map[string][]string {
	out := map[string][]string{}
	seen := map[string]bool{}
	for _, e := range r.Evidence {
		if e.Status != finding.StatusPass || e.Resource == nil {
			continue
		}
		k := e.RuleID + "\x00" + e.Resource.String()
		if seen[k] {
			continue
		}
		seen[k] = true
		out[e.RuleID] = append(out[e.RuleID], e.Resource.String())
	}
	return out
}
