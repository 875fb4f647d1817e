package engine

import (
	"github.com/hashicorp/hcl/v2"

	"github.com/citygate/citygate/engine/finding"
	"github.com/citygate/citygate/engine/inventory"
	"github.com/citygate/citygate/engine/waiver"
)

// applyWaivers suppresses the findings the inventory's active waivers
// cover. With report set it also returns a finding for each expired or
// unused waiver, and diagnostics for waivers that cannot be right (unknown
// rule or resource, too long); the engine applies waivers once before the
// gates (which count only open findings) and once, reporting, after.
func (e *Engine) applyWaivers(inv *inventory.Inventory, found []finding.Finding, report bool) ([]finding.Finding, hcl.Diagnostics) {
	ws := waiver.Read(inv)
	if len(ws) == 0 {
		return found, nil
	}
	events := waiver.Apply(ws, found, e.asOf, e.lib.Selected)
	if !report {
		return found, nil
	}
	for _, ev := range events {
		found = append(found, newFinding(inv, ev.Rule, ev.Rule.Severity, ev.Resource, ev.Field, ev.Message, ev.Range))
	}
	return found, waiver.Check(ws, inv, e.lib.Known, e.asOf, e.maxWaiverDays())
}

// applyBaseline marks findings a previous result already held.
func (e *Engine) applyBaseline(found []finding.Finding) {
	for i := range found {
		if found[i].Suppressed == nil && e.baseline[found[i].Fingerprint] {
			found[i].Suppressed = &finding.Suppression{Kind: "baseline", Reason: "present in the baseline"}
		}
	}
}

// maxWaiverDays is params.max_waiver_days (default 365).
func (e *Engine) maxWaiverDays() int {
	if v, ok := e.lib.Params["max_waiver_days"].(float64); ok {
		return int(v)
	}
	return 365
}
