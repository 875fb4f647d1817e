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
	fmt.Fprintf(&b, "City inventory %s; %s.\n\n", oneLine(t.City), failOnWords(t.FailOn))
	writeTextComparison(&b, r, c)
	for _, bid := range r.Bids {
		fmt.Fprintf(&b, "\nBid %s (%s): %s\n", oneLine(bid.ID), oneLine(bid.Path), oneLine(strings.ToUpper(bidVerdictWord(c, bid.Verdict))))
		for _, e := range bid.Errors {
			fmt.Fprintf(&b, "  error %s: %s\n", errorPlace(e), oneLine(e.Summary+": "+e.Detail))
		}
		if len(bid.Findings) == 0 && len(bid.Errors) == 0 {
			b.WriteString("  no findings\n")
		}
		for _, f := range bidFindingsBySeverity(bid.Findings) {
			writeTextTenderFinding(&b, &f, "")
		}
	}
	b.WriteString("\nCity actions before award (the city's to fix; part of no bid's verdict)\n")
	if len(r.CityActions) == 0 {
		b.WriteString("  none\n")
	}
	for _, a := range r.CityActions {
		writeTextTenderFinding(&b, &a.Finding, " [bids: "+oneLine(strings.Join(a.Bids, ", "))+"]")
	}
	if errs := tenderErrors(r); len(errs) > 0 {
		b.WriteString("\nErrors in the tender (exit 2)\n")
		for _, e := range errs {
			fmt.Fprintf(&b, "  error %s: %s\n", errorPlace(e), oneLine(e.Summary+": "+e.Detail))
		}
	}
	_, err := io.WriteString(w, trimLineEnds(b.String()))
	return err
}

func writeTextComparison(b *strings.Builder, r *tender.Report, c *i18n.Catalog) {
	heads := []string{"bid", "verdict", "score"}
	for _, p := range finding.Principles {
		heads = append(heads, principleShort[p.Key])
	}
	rows := [][]string{heads}
	for _, bid := range r.Bids {
		row := []string{oneLine(bid.ID), oneLine(bidVerdictWord(c, bid.Verdict)), scoreText(bid.Score)}
		for i := range finding.Principles {
			if i < len(bid.Principles) {
				row = append(row, cell(bid.Principles[i]))
			} else {
				row = append(row, "-")
			}
		}
		rows = append(rows, row)
	}
	widths := make([]int, len(heads))
	for _, row := range rows {
		for i, c := range row {
			widths[i] = max(widths[i], len([]rune(c)))
		}
	}
	for _, row := range rows {
		for i, c := range row {
			b.WriteString(c)
			if i < len(row)-1 {
				b.WriteString(strings.Repeat(" ", widths[i]-len([]rune(c))+2))
			}
		}
		b.WriteString("\n")
	}
	b.WriteString(cellLegend + "\n")
	if r.Tender.ScoreFormula != "" {
		b.WriteString(r.Tender.ScoreFormula + "\n")
	}
}

func writeTextTenderFinding(b *strings.Builder, f *finding.Finding, suffix string) {
	sev := strings.ToUpper(string(f.Severity))
	if f.Suppressed != nil {
		sev = "WAIVED"
	}
	fmt.Fprintf(b, "  %-8s %-18s %s:%d:%d %s%s\n", sev, f.RuleID, oneLine(f.Location.File),
		f.Location.Start.Line, f.Location.Start.Column, oneLine(f.Message), suffix)
}

func errorPlace(e finding.Error) string {
	if e.Line == 0 {
		return oneLine(e.File)
	}
	return fmt.Sprintf("%s:%d:%d", oneLine(e.File), e.Line, e.Column)
}
