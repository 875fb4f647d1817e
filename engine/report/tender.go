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

// WriteTenderLang is WriteTender in a language (a catalog code): html,
// text and markdown are translated throughout (the findings' rule texts
// in html); json and csv stay English.
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

// principleShort is a principle's short name, the text comparison's
// column head (catalog keys principle_short.*).
func principleShort(c *i18n.Catalog, key string) string {
	return c.T("principle_short." + key)
}

// cell is one bid's counts for one principle: passed/applicable, then
// failed, not stated and waived, with the letters of the language's
// legend (tender.cell_legend).
func cell(c *i18n.Catalog, pc tender.PrincipleCounts) string {
	return c.T("tender.cell_text", "pass", c.Count(pc.Pass), "applicable", c.Count(pc.Applicable), "fail", c.Count(pc.Fail),
		"not_stated", c.Count(pc.NotStated), "waived", c.Count(pc.Waived))
}

func scoreText(c *i18n.Catalog, s *float64) string {
	if s == nil {
		return "-"
	}
	return c.Decimal(*s)
}

// scoreFormula is the tender's score formula in the catalog's language:
// the catalog's text when the report's formula is the one it translates.
func scoreFormula(c *i18n.Catalog, r *tender.Report) string {
	if r.Tender.ScoreFormula == tender.ScoreFormula {
		return c.T("tender.score_formula")
	}
	return r.Tender.ScoreFormula
}

// bidFindingsBySeverity orders a bid's findings most severe first, then as reported.
func bidFindingsBySeverity(fs []finding.Finding) []finding.Finding {
	out := append([]finding.Finding(nil), fs...)
	sort.SliceStable(out, func(i, j int) bool { return out[i].Severity.Rank() > out[j].Severity.Rank() })
	return out
}

func failOnWords(c *i18n.Catalog, t finding.Threshold) string {
	if t == finding.ThresholdNone {
		return c.T("tender.fail_on_none")
	}
	return c.T("tender.fail_on", "level", severityWord(c, finding.Severity(t)))
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
