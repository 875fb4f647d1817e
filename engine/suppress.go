package engine

import (
	"github.com/hashicorp/hcl/v2"

	"github.com/citygate/citygate/engine/finding"
	"github.com/citygate/citygate/engine/inventory"
	"github.com/citygate/citygate/engine/waiver"
)

// applyWaivers suppresses the findings the inventory's active waivers
// cover and adds a finding for each expired or unused waiver; waivers that
// cannot be right (unknown rule or resource, too long) are diagnostics.
func (e *Engine) applyWaivers(inv *inventory.Inventory, waivers []waiver.Waiver, found []finding.Finding) ([]finding.Finding, hcl.Diagnostics) {
	if len(waivers) == 0 {
		return found, nil
	}
	for _, ev := range waiver.Apply(waivers, found, e.asOf, e.lib.Selected) {
		found = append(found, newFinding(inv, ev.Rule, ev.Rule.Severity, ev.Resource, ev.Field, ev.Message, ev.Range))
	}
	return found, waiver.Check(waivers, inv, e.lib.Known, e.asOf, e.maxWaiverDays)
}

// applyBaseline marks findings a previous result already held.
func (e *Engine) applyBaseline(found []finding.Finding) {
	for i := range found {
		if found[i].Suppressed == nil && e.baseline[found[i].Fingerprint] {
			found[i].Suppressed = &finding.Suppression{Kind: "baseline", Reason: "present in the baseline"}
		}
	}
}

// maxWaiverDays is params.max_waiver_days, or the waiver package's default.
func maxWaiverDays(params map[string]any) int {
	if v, ok := params["max_waiver_days"].(float64); ok {
		return int(v)
	}
	return waiver.DefaultMaxDays
}
