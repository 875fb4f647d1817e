package engine

import (
	"fmt"
	"strings"

	"github.com/hashicorp/hcl/v2"

	"github.com/citygate/citygate/engine/finding"
	"github.com/citygate/citygate/engine/inventory"
	"github.com/citygate/citygate/engine/policy"
)

// The checks in this file stop runs that would otherwise pass without
// having checked anything: no rules, an inventory that declares nothing,
// two inventories sharing the scope that fingerprints, baselines and
// waivers are keyed by.

// checkRuleCount refuses a library without rules (New calls it). A nil
// library is an engine that only validates (Validate), which needs none.
func checkRuleCount(lib *policy.Library) error {
	if lib == nil || len(lib.Rules()) > 0 {
		return nil
	}
	return fmt.Errorf("no rules to evaluate: the policies loaded define none, or --rule/--skip-rule/--no-builtin left none selected; " +
		"a run that evaluates nothing cannot pass")
}

// emptyInventory is an error for a valid inventory that declares no
// block at all (an empty .hcl file, or only comments): evaluating it finds
// nothing, which must not read as compliant.
func emptyInventory(inv *inventory.Inventory) hcl.Diagnostics {
	if inv == nil || inv.Doc == nil || len(inv.Resources) > 0 {
		return nil
	}
	return hcl.Diagnostics{{
		Severity: hcl.DiagError,
		Summary:  "Empty inventory",
		Detail: fmt.Sprintf("%s declares no city, system, zone, excavation or waiver block, so there is nothing to check; "+
			"an empty inventory is an error rather than a pass.", inv.Path),
		Subject: &hcl.Range{Filename: firstFile(inv), Start: hcl.InitialPos, End: hcl.InitialPos},
	}}
}

// firstFile names the inventory's first file, or its path.
func firstFile(inv *inventory.Inventory) string {
	first := ""
	for name := range inv.Files {
		if first == "" || name < first {
			first = name
		}
	}
	if first == "" {
		return inv.Path
	}
	return first
}

// duplicateScopes reports inventories that share a scope (the city id, or
// for an inventory without a city block its file or directory name) with
// an earlier inventory of the run. Fingerprints are keyed by scope, so a
// copied city folder that kept its id would have its findings suppressed
// by the other's baseline entries and waivers.
func duplicateScopes(outcomes []outcome) []finding.Error {
	first := map[string]*outcome{}
	var errs []finding.Error
	for i := range outcomes {
		o := &outcomes[i]
		if o.scope == "" {
			continue
		}
		prev, seen := first[o.scope]
		if !seen {
			first[o.scope] = o
			continue
		}
		e := finding.Error{Inventory: o.inventory.Path, File: o.inventory.Path}
		if city, ok := cityOf(o); ok {
			e.File, e.Line, e.Column = city.Location.File, city.Location.Start.Line, city.Location.Start.Column
			e.EndLine, e.EndColumn = city.Location.End.Line, city.Location.End.Column
			e.Summary = "Duplicate city id"
			e.Detail = fmt.Sprintf("city %q is also declared by inventory %s. Findings, waivers and baselines are keyed by the city id, "+
				"so two inventories with one id would suppress each other's findings: give each city its own id.", o.scope, prev.inventory.Path)
		} else {
			e.Summary = "Duplicate inventory name"
			e.Detail = fmt.Sprintf("%s and %s are both named %q and have no city block, so their findings, waivers and baselines "+
				"would share one key: rename one (for bids, one file or directory per vendor).", prev.inventory.Path, o.inventory.Path, o.scope)
		}
		errs = append(errs, e)
	}
	return errs
}

// cityOf is the inventory's city block, if it has one.
func cityOf(o *outcome) (finding.ResourceLocation, bool) {
	for _, r := range o.inventory.Resources {
		if r.Kind == "city" {
			return r, true
		}
	}
	return finding.ResourceLocation{}, false
}

// scopeOf is what fingerprints of inv are keyed by.
func scopeOf(inv *inventory.Inventory) string {
	if inv == nil {
		return ""
	}
	return strings.TrimSpace(inv.Name)
}
