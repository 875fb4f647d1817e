package main

import (
	"fmt"
	"io"

	"github.com/citygate/citygate/engine/finding"
	"github.com/citygate/citygate/engine/report"
)

// hintWithoutCity tells, on stderr, which inventories were checked without
// a city: for a bid, the rules that need the city's context (jurisdiction
// profiles, allowed data regions, zones, the award gate's stage) could not
// judge it as the city will.
func hintWithoutCity(w io.Writer, res *finding.Result, quiet bool) {
	if quiet {
		return
	}
	for _, inv := range res.Inventories {
		if !inv.Loaded || hasCity(inv) || !hasSystems(inv) {
			continue
		}
		fmt.Fprintf(w, "note: %s has no city block, so rules that need the city's context (jurisdiction profiles, allowed data regions, zones) did not judge it; a bid is judged as the city will with: citygate check --tender TENDER %s\n",
			report.SafeText(inv.Path), report.SafeText(inv.Path))
	}
}

func hasCity(inv finding.InventoryResult) bool {
	for _, r := range inv.Resources {
		if r.Kind == "city" {
			return true
		}
	}
	return false
}

func hasSystems(inv finding.InventoryResult) bool {
	for _, r := range inv.Resources {
		if r.Kind == "system" {
			return true
		}
	}
	return false
}
