package waiver

import (
	"fmt"

	"github.com/hashicorp/hcl/v2"

	"github.com/citygate/citygate/engine/finding"
)

// Rule ids of the findings waivers themselves produce.
const (
	ExpiredID = "WAIVER-EXPIRED"
	UnusedID  = "WAIVER-UNUSED"
)

// Rules describe the waiver findings, so that every format can list them
// like policy rules.
var Rules = []finding.Rule{
	{
		ID:          ExpiredID,
		Title:       "Waiver expired",
		Description: "A waiver past its expiry date suppresses nothing; the accepted risk must be reviewed and the waiver renewed or removed.",
		Severity:    finding.High,
		Principle:   "governance",
		Controls:    []string{},
		Remediation: "Fix the findings the waiver covered, or have the risk approved again and set a new expires date (at most params.max_waiver_days after approved_on).",
		HelpURI:     "https://github.com/citygate/citygate/blob/main/docs/waivers.md#expired-waivers",
		Builtin:     true,
	},
	{
		ID:          UnusedID,
		Title:       "Waiver matches nothing",
		Description: "A waiver that suppresses no finding is stale: the problem was fixed or the waiver names the wrong rule, resource or field.",
		Severity:    finding.Low,
		Principle:   "governance",
		Controls:    []string{},
		Remediation: "Remove the waiver, or correct its rule id, resources or fields.",
		HelpURI:     "https://github.com/citygate/citygate/blob/main/docs/waivers.md#unused-waivers",
		Builtin:     true,
	},
}

// Event is a waiver that must be reported: expired or unused.
type Event struct {
	Rule     *finding.Rule
	Resource finding.Resource
	Field    string
	Message  string
	Range    hcl.Range
}

// Suppress marks the findings the active waivers cover and reports
// nothing, so it may run over each batch of findings as it is made (rule
// findings, then gate findings). A finding already suppressed keeps the
// first suppression.
func Suppress(waivers []Waiver, found []finding.Finding, asOf string) {
	for _, w := range waivers {
		if !w.Active(asOf) {
			continue
		}
		for i := range found {
			f := &found[i]
			if f.Suppressed == nil && w.Matches(f) {
				f.Suppressed = &finding.Suppression{Kind: "waiver", Reason: w.Reason, ApprovedBy: w.ApprovedBy, Expires: w.Expires}
			}
		}
	}
}

// Audit reports, once all findings are made, each expired waiver and each
// active waiver that matches no finding. It changes nothing. evaluated says
// whether a rule ran in this check, so a waiver of a rule left out with
// --rule is not called unused (nil: every rule ran).
func Audit(waivers []Waiver, found []finding.Finding, asOf string, evaluated func(string) bool) []Event {
	var events []Event
	for _, w := range waivers {
		res := finding.Resource{Kind: "waiver", ID: w.RuleID}
		if !w.Active(asOf) {
			events = append(events, Event{
				Rule: &Rules[0], Resource: res, Field: "expires", Range: w.fieldRange("expires"),
				Message: fmt.Sprintf("waiver of %s for %s expired on %s and no longer suppresses its findings", w.RuleID, list(w.Resources), w.Expires),
			})
			continue
		}
		if !w.matchesAny(found) && (evaluated == nil || evaluated(w.RuleID)) {
			events = append(events, Event{
				Rule: &Rules[1], Resource: res, Field: "", Range: w.node.Header,
				Message: fmt.Sprintf("waiver of %s for %s matches no finding", w.RuleID, list(w.Resources)),
			})
		}
	}
	return events
}

// Expired reports whether an expired waiver covers the finding: its
// expiry wins over a baseline, so such a finding stays open until the
// risk is reviewed again.
func Expired(waivers []Waiver, f *finding.Finding, asOf string) bool {
	for _, w := range waivers {
		if !w.Active(asOf) && w.Matches(f) {
			return true
		}
	}
	return false
}

func (w Waiver) matchesAny(found []finding.Finding) bool {
	for i := range found {
		if w.Matches(&found[i]) {
			return true
		}
	}
	return false
}

func list(items []string) string {
	if len(items) == 1 {
		return items[0]
	}
	return fmt.Sprintf("%v", items)
}
