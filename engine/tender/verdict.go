package tender

import (
	"math"

	"github.com/citygate/citygate/engine/finding"
)

// Verdict is a bid's standing for award.
type Verdict string

const (
	// Eligible: evaluated completely, no open finding at or above the
	// tender's fail_on after the city's waivers, and nothing a bid may not hold.
	Eligible Verdict = "eligible"
	// NotEligible: an open finding at or above fail_on, or a waiver or
	// city context in the bid.
	NotEligible Verdict = "not_eligible"
	// Incomplete: the bid could not be loaded or evaluated; never passing.
	Incomplete Verdict = "incomplete"
)

// Words is the verdict as people read it.
func (v Verdict) Words() string {
	if v == NotEligible {
		return "not eligible"
	}
	return string(v)
}

// verdict decides one bid from its own findings (city actions excluded).
func verdict(loaded bool, found []finding.Finding, failOn finding.Threshold) Verdict {
	if !loaded {
		return Incomplete
	}
	for _, f := range found {
		if f.RuleID == WaiverID || f.RuleID == ContextID {
			return NotEligible
		}
		if f.Suppressed == nil && failOn.Fails(f.Severity) {
			return NotEligible
		}
	}
	return Eligible
}

// PrincipleCounts count a bid's rules of one Alliance principle by status.
// Applicable is every rule that applies: passed, failed, not stated or
// waived.
type PrincipleCounts struct {
	Key           string `json:"key"`
	Name          string `json:"name"`
	Pass          int    `json:"pass"`
	Applicable    int    `json:"applicable"`
	Fail          int    `json:"fail"`
	NotStated     int    `json:"not_stated"`
	Waived        int    `json:"waived"`
	NotApplicable int    `json:"not_applicable"`
}

// principleCounts counts rules by principle, in the Alliance's order.
func principleCounts(statuses map[string]Status, rules []finding.Rule) []PrincipleCounts {
	out := make([]PrincipleCounts, len(finding.Principles))
	at := map[string]int{}
	for i, p := range finding.Principles {
		out[i] = PrincipleCounts{Key: p.Key, Name: p.Name}
		at[p.Key] = i
	}
	for _, r := range rules {
		st, ok := statuses[r.ID]
		i, known := at[r.Principle]
		if !ok || !known {
			continue
		}
		c := &out[i]
		switch st {
		case StatusPass:
			c.Pass++
		case StatusFail:
			c.Fail++
		case StatusNotStated:
			c.NotStated++
		case StatusWaived:
			c.Waived++
		case StatusNotApplicable:
			c.NotApplicable++
		}
		if st != StatusNotApplicable {
			c.Applicable++
		}
	}
	return out
}

// ScoreFormula is printed with every score, so no reader mistakes it for
// a ranking.
const ScoreFormula = "compliance score = 100 × Σ weight(p) × passed(p) / Σ weight(p) × applicable(p), over the principles p the tender weights; applicable counts rules passed, failed, not stated or waived. A number for the committee, not an award recommendation."

// score is the weighted share of applicable rules passed, 0-100 with one
// decimal; nil without weights or without applicable weighted rules, and
// for a bid that was not evaluated.
func score(counts []PrincipleCounts, weights map[string]float64, v Verdict) *float64 {
	if len(weights) == 0 || v == Incomplete {
		return nil
	}
	var num, den float64
	for _, c := range counts {
		w := weights[c.Key]
		num += w * float64(c.Pass)
		den += w * float64(c.Applicable)
	}
	if den == 0 {
		return nil
	}
	s := math.Round(1000*num/den) / 10
	return &s
}
