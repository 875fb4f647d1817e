package report

import (
	_ "embed"
	"fmt"
	"html/template"
	"io"
	"strings"

	"github.com/citygate/citygate/engine/finding"
	"github.com/citygate/citygate/engine/i18n"
	"github.com/citygate/citygate/engine/tender"
)

//go:embed html/tender.html.tmpl
var htmlTenderTemplateText string

//go:embed html/tender.css
var htmlTenderCSS string

// htmlTenderTemplate shares the single-inventory report's CSS and findings
// layout; html/template escapes every bid string for its context.
var htmlTenderTemplate = parseHTML("tender", htmlTenderTemplateText)

// htmlTenderView is the committee's page: the comparison first, then
// each bid's findings, then what the city must do before award.
type htmlTenderView struct {
	Lang, Dir             string
	Title, PageHeader     string
	TenderID, TenderTitle string
	City, AsOf, Version   string
	FailOn                string
	// Facts are the header's lines (tender, city, vendors, as of,
	// version), as text and markdown print them.
	Facts        []fact
	Principles   []string
	Rows         []htmlTenderRow
	ScoreFormula string
	Bids         []htmlTenderBid
	CityActions  []htmlPrincipleGroup
	Errors       []htmlError
	T            func(key string, args ...any) string
}

type htmlTenderRow struct {
	Bid, Anchor         string
	VerdictKey, Verdict string
	Score               string
	Cells               []htmlTenderCell
}

// htmlTenderCell is one bid's counts for one principle.
type htmlTenderCell struct {
	Passed                  string // "3/5 passed"
	Fail, NotStated, Waived string
}

type htmlTenderBid struct {
	ID, Anchor, Path    string
	VerdictKey, Heading string
	Groups              []htmlPrincipleGroup
	Waivers             []htmlWaiver
	Errors              []htmlError
}

// GroupsView lets a bid's or the city's findings use the shared template.
func (v htmlTenderView) GroupsView(g []htmlPrincipleGroup) htmlGroupsView {
	return htmlGroupsView{Groups: g, T: v.T}
}

func (v htmlTenderView) PageHeaderCSS() template.CSS { return cssString(v.PageHeader) }

// verdictKey maps a bid's verdict to the page's verdict styles.
func verdictKey(v tender.Verdict) string {
	switch v {
	case tender.Eligible:
		return "pass"
	case tender.NotEligible:
		return "fail"
	}
	return "incomplete"
}

func writeTenderHTML(w io.Writer, r *tender.Report, lang string) error {
	c, err := i18n.Load(lang)
	if err != nil {
		return err
	}
	v := buildTenderHTMLView(r, c)
	var b strings.Builder
	if err := htmlTenderTemplate.Execute(&b, v); err != nil {
		return fmt.Errorf("html tender report: %w", err)
	}
	_, err = io.WriteString(w, htmlNeutralize(b.String()))
	return err
}

func buildTenderHTMLView(r *tender.Report, c *i18n.Catalog) htmlTenderView {
	t := r.Tender
	v := htmlTenderView{
		Lang: c.Lang(), Dir: c.Dir(), T: c.T,
		TenderID: t.ID, TenderTitle: t.Title, City: t.City,
		AsOf: c.Date(t.AsOf), Version: r.Tool.Version,
		FailOn: c.T("severity." + string(t.FailOn)),
	}
	switch t.FailOn {
	case finding.ThresholdNone:
		v.FailOn = c.T("tender.fail_on_none")
	case "":
		v.FailOn = "–"
	}
	v.Title, v.Facts = tenderHeader(r, c)
	v.PageHeader = v.Title
	if v.AsOf != "" {
		v.PageHeader += " · " + v.AsOf
	}
	for _, p := range finding.Principles {
		v.Principles = append(v.Principles, c.PrincipleName(p.Key))
	}
	if t.ScoreFormula != "" {
		v.ScoreFormula = c.T("tender.score_formula")
	}
	rules := make(map[string]finding.Rule, len(r.Rules))
	for _, rule := range r.Rules {
		rules[rule.ID] = rule
	}
	for i, bid := range r.Bids {
		anchor := fmt.Sprintf("bid-%d", i+1)
		key := verdictKey(bid.Verdict)
		verdictWord := c.T("tender.verdict." + string(bid.Verdict))
		row := htmlTenderRow{Bid: bid.ID, Anchor: anchor, VerdictKey: key, Verdict: verdictWord, Score: "–"}
		if bid.Score != nil {
			row.Score = c.Value(*bid.Score)
		}
		for j := range finding.Principles {
			if j >= len(bid.Principles) {
				row.Cells = append(row.Cells, htmlTenderCell{Passed: "–"})
				continue
			}
			pc := bid.Principles[j]
			row.Cells = append(row.Cells, htmlTenderCell{
				Passed:    c.T("tender.cell_passed", "pass", pc.Pass, "applicable", pc.Applicable),
				Fail:      c.T("tender.cell_count", "status", c.T("status.fail"), "count", pc.Fail),
				NotStated: c.T("tender.cell_count", "status", c.T("status.not_stated"), "count", pc.NotStated),
				Waived:    c.T("tender.cell_count", "status", c.T("status.waived"), "count", pc.Waived),
			})
		}
		v.Rows = append(v.Rows, row)

		res := &finding.Result{Findings: bid.Findings}
		hb := htmlTenderBid{
			ID: bid.ID, Anchor: anchor, Path: bid.Path, VerdictKey: key,
			Heading: c.T("tender.bid_heading", "bid", bid.ID, "verdict", verdictWord),
			Groups:  prefixIDs(htmlFindingGroups(res, c, rules), anchor),
			Waivers: htmlWaivers(res, c, rules),
		}
		hb.Errors = htmlErrors(bid.Errors)
		v.Bids = append(v.Bids, hb)
	}
	var fs []finding.Finding
	bidsOf := map[string][]string{}
	for _, a := range r.CityActions {
		fs = append(fs, a.Finding)
		bidsOf[a.Fingerprint] = a.Bids
	}
	groups := prefixIDs(htmlFindingGroups(&finding.Result{Findings: fs}, c, rules), "city")
	for gi := range groups {
		for si := range groups[gi].Severities {
			for fi := range groups[gi].Severities[si].Findings {
				f := &groups[gi].Severities[si].Findings[fi]
				f.Bids = bidsOf[f.Fingerprint]
			}
		}
	}
	v.CityActions = groups
	v.Errors = htmlErrors(tenderErrors(r))
	return v
}

// prefixIDs makes the shared template's ids unique on a page that holds
// several sets of findings.
func prefixIDs(groups []htmlPrincipleGroup, prefix string) []htmlPrincipleGroup {
	for gi := range groups {
		groups[gi].ID = prefix + "-" + groups[gi].ID
		for si := range groups[gi].Severities {
			for fi := range groups[gi].Severities[si].Findings {
				f := &groups[gi].Severities[si].Findings[fi]
				f.ID = prefix + "-" + f.ID
			}
		}
	}
	return groups
}

func htmlErrors(errs []finding.Error) []htmlError {
	var out []htmlError
	for _, e := range errs {
		loc := locationString(e.File, e.Line, e.Column)
		if loc == "" {
			loc = e.Inventory
		}
		out = append(out, htmlError{Location: loc, Summary: e.Summary, Detail: e.Detail})
	}
	return out
}
