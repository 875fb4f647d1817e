package tender

import (
	"sort"

	"github.com/citygate/citygate/engine/finding"
)

// AsResult presents the bids of a report as a findings document, so that
// every check format (SARIF, JUnit, GitHub annotations) can carry a tender
// check: one inventory per bid, holding the bid's own findings and
// evidence and its errors; city actions are left out, as they are of every
// verdict. The verdicts are the report's; the exit code stays
// Report.ExitCode.
func (r *Report) AsResult() *finding.Result {
	res := &finding.Result{
		SchemaVersion: finding.SchemaVersion,
		Tool:          r.Tool,
		AsOf:          r.Tender.AsOf,
		Findings:      []finding.Finding{},
		Errors:        append([]finding.Error{}, r.Errors...),
		Evidence:      []finding.Evidence{},
		Rules:         r.Rules,
		Tender:        &finding.TenderRef{ID: r.Tender.ID, Title: r.Tender.Title},
	}
	var paths []string
	for _, b := range r.Bids {
		inv := b.inventory
		inv.Path, inv.Loaded = b.Path, b.Verdict != Incomplete
		inv.Counts = finding.StatusCounts{}
		inv.Status = runStatus(b.Verdict)
		if inv.Profiles == nil {
			inv.Profiles = []string{}
		}
		var ev []finding.Evidence
		for _, e := range b.Evidence {
			ev = append(ev, finding.Evidence{Inventory: b.Path, RuleID: e.RuleID, Resource: e.Resource,
				Status: finding.Status(e.Status), Fields: e.Fields})
		}
		for _, rs := range finding.RuleStatuses(ev) {
			inv.Counts.Add(rs.Status)
		}
		res.Inventories = append(res.Inventories, inv)
		res.Findings = append(res.Findings, b.Findings...)
		res.Evidence = append(res.Evidence, ev...)
		paths = append(paths, b.Path)
	}
	for _, inv := range res.Inventories {
		for _, rl := range inv.Resources {
			if rl.Kind == "system" {
				res.Summary.Systems++
			}
		}
	}
	sort.SliceStable(res.Findings, func(i, j int) bool { return finding.Less(&res.Findings[i], &res.Findings[j]) })
	finding.SortEvidence(res.Evidence, paths)
	res.Summary = finding.Summarize(res, r.Tender.FailOn, len(r.Bids), len(r.Rules))
	return res
}

func runStatus(v Verdict) finding.RunStatus {
	switch v {
	case Eligible:
		return finding.RunPass
	case NotEligible:
		return finding.RunFail
	}
	return finding.RunError
}
