package engine

import (
	"context"
	"fmt"
	"sort"
	"strings"

	"github.com/citygate/citygate/engine/finding"
	"github.com/citygate/citygate/engine/inventory"
)

// gateQuery finds the resources each gate applies to.
const gateQuery = "data.citygate.gates[name].gated[finding]"

// gateThreshold: a gated resource fails while it has an open finding at
// or above this severity.
const gateThreshold = finding.High

// gates evaluates the gate rules on one inventory whose rule findings are
// already suppressed by waivers and the baseline: each gated resource with
// open critical or high findings becomes a finding of the gate's rule.
func (e *Engine) gates(ctx context.Context, inv *inventory.Inventory, found []finding.Finding, profiles []string) ([]finding.Finding, error) {
	if e.gated == nil {
		return nil, nil
	}
	ctx, cancel := context.WithTimeout(ctx, e.timeout)
	defer cancel()
	hits, err := e.gated.eval(ctx, e.evalOptions(inv))
	if err = e.deadline(ctx, err); err != nil {
		return nil, evalError(inv.Path, err, e.timeout)
	}
	var out []finding.Finding
	for _, h := range hits {
		rule, ok := e.lib.RuleForPackage(h.pkg)
		if !ok {
			continue
		}
		profile, selected := requiredBy(rule, profiles)
		if !selected {
			continue
		}
		f, err := e.locate(inv, rule, h.value)
		if err != nil {
			return nil, err
		}
		f.Profile = profile
		blocking := blockers(found, f.Resource)
		if len(blocking) == 0 {
			continue
		}
		f.Message = fmt.Sprintf("%s while %d critical or high findings are open without an approved waiver: %s",
			f.Message, len(blocking), strings.Join(blocking, ", "))
		out = append(out, f)
	}
	return out, nil
}

// blockers lists the rule ids of open critical and high findings on r.
func blockers(found []finding.Finding, r finding.Resource) []string {
	seen := map[string]bool{}
	var ids []string
	for _, f := range found {
		if f.Resource == r && f.Suppressed == nil && f.Severity.Rank() >= gateThreshold.Rank() && !seen[f.RuleID] {
			seen[f.RuleID] = true
			ids = append(ids, f.RuleID)
		}
	}
	sort.Strings(ids)
	return ids
}
