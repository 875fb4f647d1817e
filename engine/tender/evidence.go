package tender

import (
	"sort"

	"github.com/citygate/citygate/engine/finding"
)

// Status is what a tender check established about one rule on one
// resource of a bid: the engine's evidence statuses (see DESIGN.md,
// Evidence).
type Status = finding.Status

const (
	StatusPass          = finding.StatusPass
	StatusFail          = finding.StatusFail
	StatusNotStated     = finding.StatusNotStated
	StatusWaived        = finding.StatusWaived
	StatusNotApplicable = finding.StatusNotApplicable
)

// worst orders statuses from the worst: a rule's status in a bid is the
// first of these any of its resources has.
var worst = []Status{StatusFail, StatusNotStated, StatusWaived, StatusPass, StatusNotApplicable}

func rank(s Status) int {
	for i, w := range worst {
		if w == s {
			return i
		}
	}
	return len(worst)
}

// Evidence is one rule's status on one resource of a bid; Resource is nil
// for a rule-level entry (the rule applies to nothing in the bid).
type Evidence struct {
	RuleID   string            `json:"rule_id"`
	Resource *finding.Resource `json:"resource"`
	Status   Status            `json:"status"`
	Fields   []string          `json:"fields"`
}

// statusOf is a finding's evidence status.
func statusOf(f *finding.Finding) Status {
	if f.Suppressed != nil && f.Suppressed.Kind == "waiver" {
		return StatusWaived
	}
	if isNotStated(f) {
		return StatusNotStated
	}
	return StatusFail
}

// bidEvidence is a bid's evidence: the engine's entries for the bid's
// systems and rule-level entries, with the status of every entry that had
// findings decided again from the bid's own findings (an entry whose
// findings were all city actions is the city's, not the bid's), and the
// BID-* rules that fired.
func bidEvidence(engineEv []Evidence, bidFindings []finding.Finding) []Evidence {
	type key struct {
		rule string
		res  finding.Resource
	}
	byKey := map[key][]*finding.Finding{}
	for i := range bidFindings {
		f := &bidFindings[i]
		k := key{f.RuleID, f.Resource}
		byKey[k] = append(byKey[k], f)
	}
	seen := map[key]bool{}
	var out []Evidence
	for _, e := range engineEv {
		if e.Resource == nil {
			out = append(out, e)
			continue
		}
		if e.Resource.Kind != "system" {
			continue
		}
		k := key{e.RuleID, *e.Resource}
		seen[k] = true
		if fs := byKey[k]; len(fs) > 0 {
			out = append(out, fromFindings(e.RuleID, e.Resource, fs))
		} else if e.Status == StatusPass {
			out = append(out, e)
		}
	}
	for k, fs := range byKey {
		if !seen[k] {
			res := k.res
			out = append(out, fromFindings(k.rule, &res, fs))
		}
	}
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].RuleID != out[j].RuleID {
			return out[i].RuleID < out[j].RuleID
		}
		return resourceKey(out[i].Resource) < resourceKey(out[j].Resource)
	})
	return out
}

func fromFindings(ruleID string, res *finding.Resource, fs []*finding.Finding) Evidence {
	st := StatusPass
	fields := []string{}
	seen := map[string]bool{}
	for _, f := range fs {
		if s := statusOf(f); rank(s) < rank(st) {
			st = s
		}
		if !seen[f.Field] {
			seen[f.Field] = true
			fields = append(fields, f.Field)
		}
	}
	sort.Strings(fields)
	return Evidence{RuleID: ruleID, Resource: res, Status: st, Fields: fields}
}

func resourceKey(r *finding.Resource) string {
	if r == nil {
		return ""
	}
	return r.String()
}

// ruleStatuses folds evidence into one status per rule: the worst.
func ruleStatuses(ev []Evidence) map[string]Status {
	out := map[string]Status{}
	for _, e := range ev {
		if s, ok := out[e.RuleID]; !ok || rank(e.Status) < rank(s) {
			out[e.RuleID] = e.Status
		}
	}
	return out
}

// Worse reports whether status s is worse than t.
func Worse(s, t Status) bool { return rank(s) < rank(t) }
