package report

import (
	"fmt"
	"io"
	"strings"

	"github.com/citygate/citygate/engine/finding"
	"github.com/citygate/citygate/engine/i18n"
	"github.com/citygate/citygate/engine/tender"
)

// writeTenderText prints the comparison first, then each bid's findings,
// the city's actions and the errors.
func writeTenderText(w io.Writer, r *tender.Report, c *i18n.Catalog) error {
	var b strings.Builder
	t := r.Tender
	title, facts := tenderHeader(r, c)
	b.WriteString(oneLine(title) + "\n")
	for _, f := range facts {
		fmt.Fprintf(&b, "%s: %s\n", oneLine(f.Label), oneLine(f.Value))
	}
	fmt.Fprintf(&b, "%s\n\n", c.T("tender.city_inventory", "path", oneLine(t.City), "fail_on", failOnWords(c, t.FailOn)))
	writeTextComparison(&b, r, c)
	for _, bid := range r.Bids {
		fmt.Fprintf(&b, "\n%s\n", c.T("tender.bid_line", "bid", oneLine(bid.ID), "path", oneLine(bid.Path),
			"verdict", oneLine(strings.ToUpper(bidVerdictWord(c, bid.Verdict)))))
		for _, e := range bid.Errors {
			fmt.Fprintf(&b, "  %s\n", c.T("tender.text_error", "where", errorPlace(e), "message", oneLine(e.Summary+": "+e.Detail)))
		}
		if len(bid.Findings) == 0 && len(bid.Errors) == 0 {
			b.WriteString("  " + c.T("summary.no_findings") + "\n")
		}
		for _, f := range bidFindingsBySeverity(bid.Findings) {
			writeTextTenderFinding(&b, &f, "", c)
		}
	}
	b.WriteString("\n" + c.T("tender.city_actions_text") + "\n")
	if len(r.CityActions) == 0 {
		b.WriteString("  " + c.T("tender.none_text") + "\n")
	}
	for _, a := range r.CityActions {
		writeTextTenderFinding(&b, &a.Finding, " "+c.T("tender.bids_text", "bids", oneLine(strings.Join(a.Bids, ", "))), c)
	}
	if errs := tenderErrors(r); len(errs) > 0 {
		b.WriteString("\n" + c.T("tender.errors_exit") + "\n")
		for _, e := range errs {
			fmt.Fprintf(&b, "  %s\n", c.T("tender.text_error", "where", errorPlace(e), "message", oneLine(e.Summary+": "+e.Detail)))
		}
	}
	_, err := io.WriteString(w, trimLineEnds(b.String()))
	return err
}

func writeTextComparison(b *strings.Builder, r *tender.Report, c *i18n.Catalog) {
	heads := []string{c.T("tender.col_bid"), c.T("tender.col_verdict"), c.T("tender.col_score")}
	for _, p := range finding.Principles {
		heads = append(heads, principleShort(c, p.Key))
	}
	rows := [][]string{heads}
	for _, bid := range r.Bids {
		row := []string{oneLine(bid.ID), oneLine(bidVerdictWord(c, bid.Verdict)), scoreText(c, bid.Score)}
		for i := range finding.Principles {
			if i < len(bid.Principles) {
				row = append(row, cell(c, bid.Principles[i]))
			} else {
				row = append(row, "-")
			}
		}
		rows = append(rows, row)
	}
	widths := make([]int, len(heads))
	for _, row := range rows {
		for i, s := range row {
			widths[i] = max(widths[i], len([]rune(s)))
		}
	}
	for _, row := range rows {
		for i, s := range row {
			b.WriteString(s)
			if i < len(row)-1 {
				b.WriteString(strings.Repeat(" ", widths[i]-len([]rune(s))+2))
			}
		}
		b.WriteString("\n")
	}
	b.WriteString(c.T("tender.cell_legend") + "\n")
	if r.Tender.ScoreFormula != "" {
		b.WriteString(scoreFormula(c, r) + "\n")
	}
}

func writeTextTenderFinding(b *strings.Builder, f *finding.Finding, suffix string, c *i18n.Catalog) {
	sev := strings.ToUpper(severityWord(c, f.Severity))
	if f.Suppressed != nil {
		sev = strings.ToUpper(c.T("status.waived"))
	}
	fmt.Fprintf(b, "  %-8s %-18s %s:%d:%d %s%s\n", sev, f.RuleID, oneLine(f.Location.File),
		f.Location.Start.Line, f.Location.Start.Column, oneLine(c.Message(f)), suffix)
}

func errorPlace(e finding.Error) string {
	if e.Line == 0 {
		return oneLine(e.File)
	}
	return fmt.Sprintf("%s:%d:%d", oneLine(e.File), e.Line, e.Column)
}
