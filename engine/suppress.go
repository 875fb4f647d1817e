package engine

import (
	"github.com/hashicorp/hcl/v2"

	"github.com/citygate/citygate/engine/finding"
	"github.com/citygate/citygate/engine/inventory"
	"github.com/citygate/citygate/engine/waiver"
)

// suppress finishes the findings of one inventory once all are made (rule
// findings already waived, gate findings not yet): waivers suppress the
// gate findings, one audit adds a finding for each expired or unused
// waiver, and the baseline suppresses what is left. Waivers that cannot
// be right (unknown rule or resource, too long) are diagnostics.
func (e *Engine) suppress(inv *inventory.Inventory, waivers []waiver.Waiver, found []finding.Finding) ([]finding.Finding, hcl.Diagnostics) {
	var diags hcl.Diagnostics
	if len(waivers) > 0 {
		waiver.Suppress(waivers, found, e.asOf)
		for _, ev := range waiver.Audit(waivers, found, e.asOf, e.lib.Selected) {
			found = append(found, newFinding(inv, ev.Rule, ev.Rule.Severity, ev.Resource, ev.Field, ev.Message, ev.Range))
		}
		diags = waiver.Check(waivers, inv, e.lib.Known, e.asOf, e.maxWaiverDays)
	}
	e.applyBaseline(found, waivers)
	return found, diags
}

// applyBaseline marks findings a previous result already held. A waiver
// wins over the baseline both ways: a waived finding keeps the waiver's
// suppression, and neither an expired waiver's finding nor the finding it
// no longer covers is hidden by the baseline, so the expiry is noticed.
func (e *Engine) applyBaseline(found []finding.Finding, waivers []waiver.Waiver) {
	for i := range found {
		f := &found[i]
		if f.Suppressed != nil || !e.baseline[f.Fingerprint] {
			continue
		}
		if f.RuleID == waiver.ExpiredID || waiver.Expired(waivers, f, e.asOf) {
			continue
		}
		f.Suppressed = &finding.Suppression{Kind: "baseline", Reason: "present in the baseline"}
	}
}

// maxWaiverDays is params.max_waiver_days, or the waiver package's default.
func maxWaiverDays(params map[string]any) int {
	if v, ok := params["max_waiver_days"].(float64); ok {
		return int(v)
	}
	return waiver.DefaultMaxDays
}
