package tender

import (
	"fmt"
	"sort"

	"github.com/citygate/citygate/engine/finding"
)

// CityAction is a finding that only the city can act on: about the city's
// own resources (its city block, zones, the tender's waivers) or on a field
// the schema marks as the city's. It is reported once, with the bids whose
// evaluation raised it, and is part of no bid's verdict.
type CityAction struct {
	Bids            []string `json:"bids"`
	finding.Finding `json:"finding"`
}

// isCityAction decides where one finding of a bid's evaluation belongs.
// BID-* findings are always the bid's: they are about what it held.
func isCityAction(f *finding.Finding) bool {
	if rule(f.RuleID) != nil {
		return false
	}
	if f.Resource.Kind != "system" {
		return true
	}
	return FieldOwner(f.Field) == OwnerCity
}

// split separates a bid's findings from city actions.
func split(found []finding.Finding) (bid, city []finding.Finding) {
	for _, f := range found {
		if isCityAction(&f) {
			city = append(city, f)
		} else {
			bid = append(bid, f)
		}
	}
	return bid, city
}

// cityActions merges the city actions of every bid: one entry per rule,
// resource, field and location, listing the bids that raised it.
func cityActions(perBid map[string][]finding.Finding, order []string, scope string) []CityAction {
	index := map[string]int{}
	var out []CityAction
	for _, id := range order {
		for _, f := range perBid[id] {
			key := fmt.Sprintf("%s\x00%s\x00%s\x00%s\x00%d\x00%d\x00%s", f.RuleID, f.Resource, f.Field,
				f.Location.File, f.Location.Start.Line, f.Location.Start.Column, f.Message)
			if i, ok := index[key]; ok {
				out[i].Bids = append(out[i].Bids, id)
				continue
			}
			index[key] = len(out)
			out = append(out, CityAction{Finding: f, Bids: []string{id}})
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return finding.Less(&out[i].Finding, &out[j].Finding) })
	for i := range out {
		// Scoped by the city, not by whichever bid raised it first.
		f := &out[i].Finding
		f.Fingerprint = finding.Fingerprint(scope, f.RuleID, f.Resource, f.Field)
	}
	return out
}
