package main

import (
	"sort"

	"github.com/citygate/citygate/engine/finding"
	"github.com/citygate/citygate/engine/tender"
	"github.com/citygate/citygate/engine/waiver"
)

// engineRules are the rules citygate decides itself rather than through a
// policy: what a bid may not hold (BID-*) and what waivers report
// (WAIVER-*). They are listed with the policy rules because their findings
// appear in the same reports; --policy, --rule and --skip-rule cannot
// change them.
func engineRules() []finding.Rule {
	all := append(append([]finding.Rule(nil), tender.Rules...), waiver.Rules...)
	out := make([]finding.Rule, len(all))
	for i, r := range all {
		if r.Profiles == nil {
			r.Profiles = []string{}
		}
		if r.Sources == nil {
			r.Sources = []finding.Source{}
		}
		if r.Controls == nil {
			r.Controls = []string{}
		}
		if r.Messages == nil {
			r.Messages = map[string]string{}
		}
		if r.RelatedResources == nil {
			r.RelatedResources = []string{}
		}
		if r.Fields == nil {
			r.Fields = []string{}
		}
		out[i] = r
	}
	sort.Slice(out, func(i, j int) bool { return out[i].ID < out[j].ID })
	return out
}

// listedRule is one rule of rules -f json: an engine rule says so.
type listedRule struct {
	finding.Rule
	Engine bool `json:"engine"`
}
