package report

import (
	"fmt"
	"io"
	"strings"

	"github.com/citygate/citygate/engine/finding"
	"github.com/citygate/citygate/engine/i18n"
	"github.com/citygate/citygate/engine/tender"
)

// writeTenderMarkdown writes the committee's report: the comparison, then
// each bid's findings, the city's actions and the errors.
func writeTenderMarkdown(w io.Writer, r *tender.Report, c *i18n.Catalog) error {
	var b strings.Builder
	t := r.Tender
	title, facts := tenderHeader(r, c)
	b.WriteString("# " + markdownText(title) + "\n\n")
	for _, f := range facts {
		fmt.Fprintf(&b, "- **%s:** %s\n", markdownText(f.Label), markdownText(f.Value))
	}
	b.WriteString("\n")
	fmt.Fprintf(&b, "%s\n\n", c.T("tender.city_inventory", "path", markdownText(t.City), "fail_on", markdownText(failOnWords(c, t.FailOn))))
	fmt.Fprintf(&b, "## %s\n\n| %s | %s | %s |", markdownText(c.T("tender.comparison_short")), markdownText(c.T("tender.bid")),
		markdownText(c.T("verdict.heading")), markdownText(c.T("tender.score")))
	for _, p := range finding.Principles {
		b.WriteString(" " + c.PrincipleName(p.Key) + " |") // the catalog's, trusted
	}
	b.WriteString("\n|---|---|---:|" + strings.Repeat("---|", len(finding.Principles)) + "\n")
	for _, bid := range r.Bids {
		fmt.Fprintf(&b, "| %s | **%s** | %s |", markdownText(bid.ID), bidVerdictWord(c, bid.Verdict), scoreText(c, bid.Score))
		for i := range finding.Principles {
			if i < len(bid.Principles) {
				b.WriteString(" " + markdownText(cell(c, bid.Principles[i])) + " |")
			} else {
				b.WriteString(" - |")
			}
		}
		b.WriteString("\n")
	}
	b.WriteString("\n" + markdownText(c.T("tender.cell_legend")) + "\n")
	if t.ScoreFormula != "" {
		b.WriteString("\n" + scoreFormula(c, r) + "\n")
	}
	for _, bid := range r.Bids {
		fmt.Fprintf(&b, "\n## %s\n\n`%s`\n\n", c.T("tender.bid_heading", "bid", markdownText(bid.ID), "verdict", bidVerdictWord(c, bid.Verdict)),
			strings.ReplaceAll(markdownText(bid.Path), "`", "'"))
		for _, e := range bid.Errors {
			fmt.Fprintf(&b, "- %s\n", c.T("tender.markdown_error", "where", markdownText(errorPlace(e)), "message", markdownText(e.Summary+": "+e.Detail)))
		}
		if len(bid.Findings) == 0 && len(bid.Errors) == 0 {
			b.WriteString(markdownText(c.T("findings.empty")) + "\n")
		}
		writeMarkdownTenderFindings(&b, bid.Findings, nil, c)
	}
	fmt.Fprintf(&b, "\n## %s\n\n%s\n\n", markdownText(c.T("tender.city_actions")), markdownText(c.T("tender.city_actions_intro")))
	if len(r.CityActions) == 0 {
		b.WriteString(markdownText(c.T("tender.none")) + "\n")
	}
	var fs []finding.Finding
	bids := map[string][]string{}
	for _, a := range r.CityActions {
		fs = append(fs, a.Finding)
		bids[a.Fingerprint] = a.Bids
	}
	writeMarkdownTenderFindings(&b, fs, bids, c)
	if errs := tenderErrors(r); len(errs) > 0 {
		fmt.Fprintf(&b, "\n## %s\n\n", markdownText(c.T("tender.errors")))
		for _, e := range errs {
			fmt.Fprintf(&b, "- %s\n", c.T("tender.markdown_error", "where", markdownText(errorPlace(e)), "message", markdownText(e.Summary+": "+e.Detail)))
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}

func writeMarkdownTenderFindings(b *strings.Builder, fs []finding.Finding, bids map[string][]string, c *i18n.Catalog) {
	if len(fs) == 0 {
		return
	}
	fmt.Fprintf(b, "| %s | %s | %s | %s |\n|---|---|---|---|\n", markdownText(c.T("column.severity")), markdownText(c.T("evidence.rule")),
		markdownText(c.T("finding.where")), markdownText(c.T("column.finding")))
	for _, f := range bidFindingsBySeverity(fs) {
		sev := markdownText(severityWord(c, f.Severity))
		if f.Suppressed != nil {
			sev += " (" + markdownText(c.T("suppression.waiver")) + ")"
		}
		msg := markdownText(c.Message(&f))
		if ids, ok := bids[f.Fingerprint]; ok {
			msg += " " + c.T("tender.bids_markdown", "bids", markdownText(strings.Join(ids, ", ")))
		}
		title := c.RuleTitle(finding.Rule{ID: f.RuleID, Title: f.Title})
		fmt.Fprintf(b, "| %s | %s %s | %s:%d | %s |\n", sev, f.RuleID, markdownText(title),
			markdownText(f.Location.File), f.Location.Start.Line, msg)
	}
}
