package engine

import (
	"github.com/hashicorp/hcl/v2"

	"github.com/citygate/citygate/engine/finding"
	"github.com/citygate/citygate/engine/inventory"
	"github.com/citygate/citygate/engine/waiver"
)

// suppress finishes the findings of one inventory once all are made (rule
// findings already waived, gate findings not yet): waivers suppress the
// gate findings, and one audit adds a finding for each expired or unused
// waiver. The baseline suppresses what is left later, in checkOne
// (applyBaseline), after the cache. Waivers that cannot be right (unknown
// rule or resource, too long) are diagnostics.
func (e *Engine) suppress(inv *inventory.Inventory, waivers []waiver.Waiver, found []finding.Finding) ([]finding.Finding, hcl.Diagnostics) {
	var diags hcl.Diagnostics
	if len(waivers) > 0 {
		waiver.Suppress(waivers, found, e.asOf)
		for _, ev := range waiver.Audit(waivers, found, e.asOf, e.lib.Selected) {
			found = append(found, newFinding(inv, ev.Rule, ev.Rule.Severity, ev.Resource, ev.Field, ev.Message, ev.Range))
		}
		diags = waiver.Check(waivers, inv, e.lib.Known, e.asOf, e.maxWaiverDays)
	}
	return found, diags
}

// baselineExempt marks the findings the baseline may not hide. A waiver
// wins over the baseline both ways: a waived finding keeps the waiver's
// suppression, and neither an expired waiver's finding nor the finding it
// no longer covers is hidden by the baseline, so the expiry is noticed.
func baselineExempt(found []finding.Finding, waivers []waiver.Waiver, asOf string) []bool {
	exempt := make([]bool, len(found))
	for i := range found {
		f := &found[i]
		exempt[i] = f.RuleID == waiver.ExpiredID || waiver.Expired(waivers, f, asOf)
	}
	return exempt
}

// applyBaseline marks findings a previous result already held, except
// those already suppressed and those exempt (baselineExempt). Evidence
// does not change: a baseline hides what is known, it does not make it
// compliant.
func (e *Engine) applyBaseline(found []finding.Finding, exempt []bool) {
	if len(e.baseline) == 0 {
		return
	}
	for i := range found {
		f := &found[i]
		if f.Suppressed != nil || !e.baseline[f.Fingerprint] || i < len(exempt) && exempt[i] {
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
