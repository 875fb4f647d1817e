package report

import (
	"encoding/csv"
	"io"
	"strings"

	"github.com/citygate/citygate/engine/tender"
)

// writeTenderCSV writes the bid × rule matrix of evidence statuses: one row
// per rule that applies to some bid, one column per bid. A bid that was not
// evaluated has "incomplete" in every row.
func writeTenderCSV(w io.Writer, r *tender.Report) error {
	cw := csv.NewWriter(w)
	head := []string{"rule_id", "title", "principle", "severity"}
	statuses := make([]map[string]tender.Status, len(r.Bids))
	used := map[string]bool{}
	for i, b := range r.Bids {
		head = append(head, csvCell(b.ID))
		statuses[i] = map[string]tender.Status{}
		for _, e := range b.Evidence {
			if s, ok := statuses[i][e.RuleID]; !ok || tender.Worse(e.Status, s) {
				statuses[i][e.RuleID] = e.Status
			}
			used[e.RuleID] = true
		}
	}
	if err := cw.Write(head); err != nil {
		return err
	}
	for _, rule := range r.Rules {
		if !used[rule.ID] {
			continue
		}
		row := []string{rule.ID, csvCell(rule.Title), rule.Principle, string(rule.Severity)}
		for i, b := range r.Bids {
			s, ok := statuses[i][rule.ID]
			switch {
			case b.Verdict == tender.Incomplete:
				row = append(row, "incomplete")
			case !ok:
				row = append(row, string(tender.StatusNotApplicable))
			default:
				row = append(row, string(s))
			}
		}
		if err := cw.Write(row); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

// csvCell keeps a spreadsheet from reading untrusted text as a formula.
func csvCell(s string) string {
	s = oneLine(s)
	if s != "" && strings.ContainsRune("=+-@\t\r", rune(s[0])) {
		return "'" + s
	}
	return s
}
