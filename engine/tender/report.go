package tender

import "github.com/citygate/citygate/engine/finding"

// ReportSchemaVersion is the version of the tender report JSON document
// (schemas/tender-report.schema.json).
const ReportSchemaVersion = "1"

// Report is everything one tender check produced, in report order.
type Report struct {
	SchemaVersion string       `json:"schema_version"`
	Tool          finding.Tool `json:"tool"`
	Tender        Info         `json:"tender"`
	// Bids are in command-line order.
	Bids        []BidResult     `json:"bids"`
	CityActions []CityAction    `json:"city_actions"`
	Errors      []finding.Error `json:"errors"`

	// Rules are the loaded rules and the BID-* rules, for reporters.
	Rules []finding.Rule `json:"-"`
}

// Info describes the tender the bids were judged against.
type Info struct {
	ID     string            `json:"id"`
	Title  string            `json:"title"`
	AsOf   string            `json:"as_of"`
	FailOn finding.Threshold `json:"fail_on"`
	City   string            `json:"city"`
	// CityID and CityName are the city block's label and name attribute,
	// for report headers (City is the inventory's path).
	CityID   string             `json:"city_id,omitempty"`
	CityName string             `json:"city_name,omitempty"`
	Lots     []Lot              `json:"lots"`
	Weights  map[string]float64 `json:"weights"`
	// ScoreFormula is set when the tender weights principles.
	ScoreFormula string `json:"score_formula,omitempty"`
}

// BidResult is one bid's verdict, evidence and findings. Findings are the
// bid's own (city actions are in Report.CityActions); Errors say why an
// incomplete bid could not be judged.
type BidResult struct {
	ID         string            `json:"id"`
	Path       string            `json:"path"`
	Verdict    Verdict           `json:"verdict"`
	Score      *float64          `json:"score"`
	Principles []PrincipleCounts `json:"principles"`
	Evidence   []Evidence        `json:"evidence"`
	Findings   []finding.Finding `json:"findings"`
	Errors     []finding.Error   `json:"errors"`

	// inventory is the engine's record of the composed inventory, for
	// AsResult (JUnit's test cases need its resources).
	inventory finding.InventoryResult
}

// ExitCode is 2 when a bid is incomplete or anything else could not be
// evaluated, 1 when a bid is not eligible, else 0.
func (r *Report) ExitCode() int {
	if len(r.Errors) > 0 {
		return 2
	}
	code := 0
	for _, b := range r.Bids {
		switch b.Verdict {
		case Incomplete:
			return 2
		case NotEligible:
			code = 1
		}
	}
	return code
}

// Rule returns a rule of the report by id.
func (r *Report) Rule(id string) (finding.Rule, bool) {
	for _, x := range r.Rules {
		if x.ID == id {
			return x, true
		}
	}
	return finding.Rule{}, false
}
