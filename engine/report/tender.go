package report

import (
	"fmt"
	"io"
	"sort"

	"github.com/citygate/citygate/engine/finding"
	"github.com/citygate/citygate/engine/i18n"
	"github.com/citygate/citygate/engine/tender"
)

// TenderFormats are the formats of citygate tender check.
var TenderFormats = []string{"text", "json", "markdown", "csv", "html"}

// WriteTender renders a tender report in one of TenderFormats. Every
// string from a bid is untrusted and escaped for the format.
func WriteTender(w io.Writer, format string, r *tender.Report) error {
	return WriteTenderLang(w, format, r, i18n.Default)
}

// WriteTenderLang is WriteTender in a language (a catalog code): html is
// translated throughout, text and markdown in their header and verdict
// words; json and csv stay English.
func WriteTenderLang(w io.Writer, format string, r *tender.Report, lang string) error {
	switch format {
	case "html":
		return writeTenderHTML(w, r, lang)
	case "text", "markdown":
		c, err := catalogFor(lang)
		if err != nil {
			return err
		}
		if format == "text" {
			return writeTenderText(w, r, c)
		}
		return writeTenderMarkdown(w, r, c)
	case "json":
		return writeTenderJSON(w, r)
	case "csv":
		return writeTenderCSV(w, r)
	}
	return fmt.Errorf("unknown format %q for a tender report: want text, json, markdown, csv or html", format)
}

// principleShort are the comparison table's column heads in text.
var principleShort = map[string]string{
	"transparency_privacy":                 "Privacy",
	"safety_security_resiliency":           "Security",
	"interoperability_openness":            "Openness",
	"operational_financial_sustainability": "Sustain.",
	"equity_inclusion_societal_impact":     "Equity",
}

// cell is one bid's counts for one principle: passed/applicable, then
// failed, not stated and waived.
func cell(c tender.PrincipleCounts) string {
	return fmt.Sprintf("%d/%d F%d N%d W%d", c.Pass, c.Applicable, c.Fail, c.NotStated, c.Waived)
}

const cellLegend = "Each principle: rules passed/applicable, F failed, N not stated, W waived (not applicable rules are not counted)."

func scoreText(s *float64) string {
	if s == nil {
		return "-"
	}
	return fmt.Sprintf("%.1f", *s)
}

// bidFindingsBySeverity orders a bid's findings most severe first, then as reported.
func bidFindingsBySeverity(fs []finding.Finding) []finding.Finding {
	out := append([]finding.Finding(nil), fs...)
	sort.SliceStable(out, func(i, j int) bool { return out[i].Severity.Rank() > out[j].Severity.Rank() })
	return out
}

func failOnWords(t finding.Threshold) string {
	if t == finding.ThresholdNone {
		return "no finding blocks award"
	}
	return fmt.Sprintf("award blocked by open findings at %s or above", t)
}

// tenderErrors are the report's errors that belong to no bid: problems of
// the tender itself (a waiver that cannot be right).
func tenderErrors(r *tender.Report) []finding.Error {
	var out []finding.Error
	for _, e := range r.Errors {
		if e.Inventory == "" {
			out = append(out, e)
		}
	}
	return out
}
