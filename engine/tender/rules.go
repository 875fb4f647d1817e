package tender

import "github.com/citygate/citygate/engine/finding"

// Rule ids of what a bid held that a bid may not.
const (
	WaiverID         = "BID-WAIVER"
	ContextID        = "BID-CONTEXT"
	ClassificationID = "BID-CLASSIFICATION"
)

// Principle and area of the BID-* rules: they protect the transparency and
// integrity of the award (a vendor cannot grant itself exceptions, rewrite
// the city's context or reclassify what it sells), which is the Alliance's
// Transparency principle; the topical area is openness, where open
// contracting sits. No Alliance text is claimed as a source.
const (
	bidPrinciple = "transparency_privacy"
	bidArea      = "openness"
	bidHelp      = "https://github.com/citygate/citygate/blob/main/docs/tenders.md#what-a-bid-may-hold"
)

var bidSources = []finding.Source{{Kind: "practice", Title: "citygate tenders", Clause: "bids are untrusted input", URL: bidHelp}}

// Rules describe the BID-* findings, so every format lists them like
// policy rules. They are decided by the engine while reading a bid, not by
// Rego, because what they see (a waiver in a bid) never reaches the policies.
var Rules = []finding.Rule{
	{
		ID:          WaiverID,
		Title:       "Waiver in a bid",
		Description: "Exceptions are issued by the city, in the tender. A waiver block in a bid is ignored (it suppresses nothing) and the bid cannot be eligible.",
		Severity:    finding.Critical,
		Messages:    map[string]string{"waiver": "bid {bid} holds a waiver of {rule}: exceptions are issued by the city in the tender, so it is ignored and suppresses nothing"},
		Remediation: "Remove the waiver from the bid. Ask the contracting authority for an exception; if granted, it is written in the tender file.",
	},
	{
		ID:          ContextID,
		Title:       "City context in a bid",
		Description: "The city's context (its city block, network zones, public works) comes from the tender's city inventory. Such a block in a bid is ignored and the bid cannot be eligible.",
		Severity:    finding.Critical,
		Messages:    map[string]string{"context": "bid {bid} holds a {kind} block {id}: city context comes from the tender, so it is ignored"},
		Remediation: "Remove the block from the bid; a bid holds system blocks only. Refer to the city's zones by name (system.zone).",
	},
	{
		ID:          ClassificationID,
		Title:       "Bid reclassifies its system",
		Description: "The lot decides a system's category and criticality, and every bid system is at stage procurement. A bid that states other values is judged with the lot's.",
		Severity:    finding.High,
		Messages:    map[string]string{"classification": "system {id} states {field} = {stated}, but lot {lot} fixes {field} = {want}; it is judged as {want}"},
		Remediation: "State the lot's values, or leave category, criticality and stage out of the bid: the tender sets them.",
	},
}

func init() {
	for i := range Rules {
		r := &Rules[i]
		r.Principle, r.Area, r.HelpURI, r.Builtin = bidPrinciple, bidArea, bidHelp, true
		r.Sources = bidSources
		r.Controls = []string{bidSources[0].Citation()}
		r.Profiles = []string{}
		r.RelatedResources = []string{}
		r.Fields = []string{}
	}
}

// rule returns a BID-* rule by id, nil for any other id.
func rule(id string) *finding.Rule {
	for i := range Rules {
		if Rules[i].ID == id {
			return &Rules[i]
		}
	}
	return nil
}
