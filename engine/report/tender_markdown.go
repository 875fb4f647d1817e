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
	fmt.Fprintf(&b, "City inventory %s; %s.\n\n", markdownText(t.City), failOnWords(t.FailOn))
	b.WriteString("## Comparison\n\n| Bid | Verdict | Compliance score |")
	for _, p := range finding.Principles {
		b.WriteString(" " + p.Name + " |")
	}
	b.WriteString("\n|---|---|---:|" + strings.Repeat("---|", len(finding.Principles)) + "\n")
	for _, bid := range r.Bids {
		fmt.Fprintf(&b, "| %s | **%s** | %s |", markdownText(bid.ID), bidVerdictWord(c, bid.Verdict), scoreText(bid.Score))
		for i := range finding.Principles {
			if i < len(bid.Principles) {
				b.WriteString(" " + cell(bid.Principles[i]) + " |")
			} else {
				b.WriteString(" - |")
			}
		}
		b.WriteString("\n")
	}
	b.WriteString("\n" + cellLegend + "\n")
	if t.ScoreFormula != "" {
		b.WriteString("\n" + t.ScoreFormula + "\n")
	}
	for _, bid := range r.Bids {
		fmt.Fprintf(&b, "\n## Bid %s: %s\n\n`%s`\n\n", markdownText(bid.ID), bidVerdictWord(c, bid.Verdict), strings.ReplaceAll(markdownText(bid.Path), "`", "'"))
		for _, e := range bid.Errors {
			fmt.Fprintf(&b, "- error at %s: %s\n", markdownText(errorPlace(e)), markdownText(e.Summary+": "+e.Detail))
		}
		if len(bid.Findings) == 0 && len(bid.Errors) == 0 {
			b.WriteString("No findings.\n")
		}
		writeMarkdownTenderFindings(&b, bid.Findings, nil)
	}
	b.WriteString("\n## City actions before award\n\nFindings only the city can close: about its own resources, or on fields the city sets. They are part of no bid's verdict.\n\n")
	if len(r.CityActions) == 0 {
		b.WriteString("None.\n")
	}
	var fs []finding.Finding
	bids := map[string][]string{}
	for _, a := range r.CityActions {
		fs = append(fs, a.Finding)
		bids[a.Fingerprint] = a.Bids
	}
	writeMarkdownTenderFindings(&b, fs, bids)
	if errs := tenderErrors(r); len(errs) > 0 {
		b.WriteString("\n## Errors in the tender\n\n")
		for _, e := range errs {
			fmt.Fprintf(&b, "- error at %s: %s\n", markdownText(errorPlace(e)), markdownText(e.Summary+": "+e.Detail))
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}

func writeMarkdownTenderFindings(b *strings.Builder, fs []finding.Finding, bids map[string][]string) {
	if len(fs) == 0 {
		return
	}
	b.WriteString("| Severity | Rule | Where | Finding |\n|---|---|---|---|\n")
	for _, f := range bidFindingsBySeverity(fs) {
		sev := string(f.Severity)
		if f.Suppressed != nil {
			sev += " (waived)"
		}
		msg := markdownText(f.Message)
		if ids, ok := bids[f.Fingerprint]; ok {
			msg += " (bids: " + markdownText(strings.Join(ids, ", ")) + ")"
		}
		fmt.Fprintf(b, "| %s | %s %s | %s:%d | %s |\n", sev, f.RuleID, markdownText(f.Title),
			markdownText(f.Location.File), f.Location.Start.Line, msg)
	}
}
