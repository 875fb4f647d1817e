package finding

import "sort"

// Status is what a run established about one rule and one resource.
type Status string

const (
	// StatusPass: the rule applies, its deciding fields are stated and
	// satisfy it.
	StatusPass Status = "pass"
	// StatusFail: the rule applies and a stated value breaks it.
	StatusFail Status = "fail"
	// StatusNotStated: the rule applies and a field it needs is absent.
	StatusNotStated Status = "not_stated"
	// StatusWaived: every finding of the rule on the resource is
	// suppressed by a valid waiver.
	StatusWaived Status = "waived"
	// StatusNotApplicable: the rule applies to nothing in the inventory,
	// or its profile is not selected there. Never counted as passed.
	StatusNotApplicable Status = "not_applicable"
)

// Statuses lists the statuses from the worst to the best-known; a rule's
// status in an inventory is the first of these any of its resources has.
var Statuses = []Status{StatusFail, StatusNotStated, StatusWaived, StatusPass, StatusNotApplicable}

// rank orders statuses: fail is the worst (0).
func (s Status) rank() int {
	for i, t := range Statuses {
		if t == s {
			return i
		}
	}
	return len(Statuses)
}

// Worse reports whether s is worse than t.
func (s Status) Worse(t Status) bool { return s.rank() < t.rank() }

// Evidence is one rule's status on one resource of one inventory.
// Resource is nil for a rule-level entry: a rule that applies to nothing
// (not_applicable) or a rule that does not declare what it applies to and
// found nothing (pass).
type Evidence struct {
	Inventory string    `json:"inventory"`
	RuleID    string    `json:"rule_id"`
	Resource  *Resource `json:"resource"`
	Status    Status    `json:"status"`
	// Fields are the fields of the findings (fail, not_stated, waived) or
	// the fields the rule reads (pass); empty for not_applicable.
	Fields []string `json:"fields"`
}

// StatusCounts counts rules (per inventory) by status.
type StatusCounts struct {
	Pass          int `json:"pass"`
	Fail          int `json:"fail"`
	NotStated     int `json:"not_stated"`
	Waived        int `json:"waived"`
	NotApplicable int `json:"not_applicable"`
}

// Add counts one more rule with status s.
func (c *StatusCounts) Add(s Status) {
	switch s {
	case StatusPass:
		c.Pass++
	case StatusFail:
		c.Fail++
	case StatusNotStated:
		c.NotStated++
	case StatusWaived:
		c.Waived++
	case StatusNotApplicable:
		c.NotApplicable++
	}
}

// Of is the count of one status.
func (c StatusCounts) Of(s Status) int {
	switch s {
	case StatusPass:
		return c.Pass
	case StatusFail:
		return c.Fail
	case StatusNotStated:
		return c.NotStated
	case StatusWaived:
		return c.Waived
	case StatusNotApplicable:
		return c.NotApplicable
	}
	return 0
}

// Total is the number of rules counted.
func (c StatusCounts) Total() int {
	return c.Pass + c.Fail + c.NotStated + c.Waived + c.NotApplicable
}

// GroupCounts are the rule counts of one principle or area.
type GroupCounts struct {
	Key  string `json:"key"`
	Name string `json:"name"`
	StatusCounts
}

// RuleStatus is one rule's status in one inventory: the worst of its
// resources' statuses.
type RuleStatus struct {
	Inventory, RuleID string
	Status            Status
}

// RuleStatuses folds evidence into one status per inventory and rule, in
// the evidence's order of first appearance.
func RuleStatuses(ev []Evidence) []RuleStatus {
	type key struct{ inv, rule string }
	index := map[key]int{}
	var out []RuleStatus
	for _, e := range ev {
		k := key{e.Inventory, e.RuleID}
		i, ok := index[k]
		if !ok {
			index[k] = len(out)
			out = append(out, RuleStatus{Inventory: e.Inventory, RuleID: e.RuleID, Status: e.Status})
			continue
		}
		if e.Status.Worse(out[i].Status) {
			out[i].Status = e.Status
		}
	}
	return out
}

// CountBy counts rules per inventory by status, grouped by the key group
// gives each rule (its principle or area). order lists the groups reports
// show even when empty, in their order; groups it lacks follow, sorted.
func CountBy(ev []Evidence, rules []Rule, order []Principle, group func(Rule) string) []GroupCounts {
	return CountRules(RuleCountsOf(ev), rules, order, group)
}

// RuleCountsOf counts, per rule id, the inventories where the rule had
// each status (the worst of its resources', as RuleStatuses folds them).
func RuleCountsOf(ev []Evidence) map[string]StatusCounts {
	out := map[string]StatusCounts{}
	for _, rs := range RuleStatuses(ev) {
		c := out[rs.RuleID]
		c.Add(rs.Status)
		out[rs.RuleID] = c
	}
	return out
}

// CountRules is CountBy from per-rule counts (RuleCountsOf), which a
// streaming run adds up inventory by inventory instead of keeping the
// evidence.
func CountRules(ruleCounts map[string]StatusCounts, rules []Rule, order []Principle, group func(Rule) string) []GroupCounts {
	byID := make(map[string]Rule, len(rules))
	for _, r := range rules {
		byID[r.ID] = r
	}
	counts := map[string]*StatusCounts{}
	for _, p := range order {
		counts[p.Key] = &StatusCounts{}
	}
	for id, rc := range ruleCounts {
		k := group(byID[id])
		if counts[k] == nil {
			counts[k] = &StatusCounts{}
		}
		c := counts[k]
		c.Pass += rc.Pass
		c.Fail += rc.Fail
		c.NotStated += rc.NotStated
		c.Waived += rc.Waived
		c.NotApplicable += rc.NotApplicable
	}
	keys := make([]string, 0, len(counts))
	for k := range counts {
		keys = append(keys, k)
	}
	sortBy(order, keys)
	out := make([]GroupCounts, 0, len(keys))
	for _, k := range keys {
		name, _ := lookup(order, k)
		if name.Name == "" {
			name.Name = k
		}
		out = append(out, GroupCounts{Key: k, Name: name.Name, StatusCounts: *counts[k]})
	}
	return out
}

// SortEvidence is the deterministic evidence order: inventories in the
// order given (command-line order), then rule id, then resource, with a
// rule-level entry first.
func SortEvidence(ev []Evidence, inventories []string) {
	pos := make(map[string]int, len(inventories))
	for i, p := range inventories {
		if _, ok := pos[p]; !ok {
			pos[p] = i
		}
	}
	sort.SliceStable(ev, func(i, j int) bool {
		a, b := ev[i], ev[j]
		if a.Inventory != b.Inventory {
			pa, oka := pos[a.Inventory]
			pb, okb := pos[b.Inventory]
			if oka && okb && pa != pb {
				return pa < pb
			}
			if oka != okb {
				return oka
			}
			return a.Inventory < b.Inventory
		}
		if a.RuleID != b.RuleID {
			return a.RuleID < b.RuleID
		}
		if (a.Resource == nil) != (b.Resource == nil) {
			return a.Resource == nil
		}
		if a.Resource != nil && *a.Resource != *b.Resource {
			if a.Resource.Kind != b.Resource.Kind {
				return a.Resource.Kind < b.Resource.Kind
			}
			return a.Resource.ID < b.Resource.ID
		}
		return false
	})
}
