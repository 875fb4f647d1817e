package report

import (
	"sort"
	"strings"

	"github.com/citygate/citygate/engine/finding"
	"github.com/citygate/citygate/engine/i18n"
)

// htmlView is everything the HTML template shows, already translated and
// ordered: the template only lays it out. Building it in one function is
// the seam between the engine's Result and the page.
type htmlView struct {
	Lang, Dir   string
	Title       string
	City        string
	Tender      string
	VendorLabel string
	Vendors     []string
	Overrides   []string
	Inventories []string
	AsOf        string
	Version     string
	Rules       string
	FailOn      string
	PageHeader  string

	Verdict   htmlVerdict
	Scorecard []htmlScore
	Legend    []htmlStatus
	Groups    []htmlPrincipleGroup
	Waivers   []htmlWaiver
	Evidence  []htmlEvidence
	Errors    []htmlError
}

type htmlVerdict struct {
	Key      string // pass, fail, incomplete
	Label    string
	Detail   string
	Counts   string
	Blockers []htmlBlocker
	More     string
}

type htmlBlocker struct {
	RuleID, Title, Severity, SeverityKey, Resources string
}

// htmlStatus is one of the five evidence statuses with its count.
type htmlStatus struct {
	Key, Label string
	Count      string
	N          int
	// X and Width place its segment in a 100-unit-wide bar.
	X, Width float64
}

type htmlScore struct {
	Key, Name string
	Total     string
	Statuses  []htmlStatus
	BarLabel  string
}

type htmlPrincipleGroup struct {
	ID, Name   string
	Severities []htmlSeverityGroup
}

type htmlSeverityGroup struct {
	Key, Heading string
	Findings     []htmlFinding
}

type htmlFinding struct {
	ID string
	// TitleLang, ProblemLang, FixLang and AboutLang are "en" where the
	// catalog has no translation yet and the English text stands in, so
	// browsers and screen readers read it as English.
	TitleLang, ProblemLang, FixLang, AboutLang string
	RuleID, Title, Severity                    string
	SeverityKey                                string
	StatusKey, StatusLabel                     string
	Where, Problem, Fix                        string
	// About is the rule's description: what it asks and why, on which
	// texts. Folded under each finding, since a committee member reads a
	// finding on its own and the first screen must still show it.
	About   string
	Sources []string
	HelpURI string
	Snippet []htmlLine
	// Bids are the bids a city action of a tender was found in;
	// Fingerprint matches the finding back to them.
	Bids        []string
	Fingerprint string
}

type htmlLine struct {
	Number int
	Text   string
}

type htmlWaiver struct {
	RuleID, Title, Resource, Reason, Approver, Expires string
}

type htmlEvidence struct {
	RuleID, Title, Principle, Resources string
}

type htmlError struct {
	Location, Summary, Detail string
}

// maxBlockers keeps the verdict short enough that the scorecard and the
// first finding stay in the first screen; the rest are in the findings.
const maxBlockers = 6

func buildHTMLView(r *finding.Result, c *i18n.Catalog) htmlView {
	v := htmlView{
		Lang: c.Lang(), Dir: c.Dir(),
		AsOf:    c.Date(r.AsOf),
		Version: r.Tool.Version,
		Rules:   c.Number(r.Summary.Rules),
		FailOn:  failOn(r),
	}
	h := headerOf(r, c)
	v.City, v.Tender, v.Vendors, v.Overrides = strings.Join(h.Cities, ", "), h.Tender, h.Vendors, h.Overrides
	v.VendorLabel = c.T("header.vendor")
	if len(v.Vendors) > 1 {
		v.VendorLabel = c.T("header.vendors")
	}
	for _, inv := range r.Inventories {
		if inv.Loaded {
			v.Inventories = append(v.Inventories, inv.Path)
		} else {
			v.Inventories = append(v.Inventories, c.T("header.not_loaded", "path", inv.Path))
		}
	}
	v.Title = h.Title
	v.PageHeader = v.Title
	if v.AsOf != "" {
		v.PageHeader += " · " + v.AsOf
	}

	rules := catalog(r)
	ruleByID := make(map[string]finding.Rule, len(rules))
	for _, rule := range rules {
		ruleByID[rule.ID] = rule
	}
	v.Verdict = htmlVerdictOf(r, c, ruleByID)
	statuses := ruleStatusesOf(r, rules)
	v.Scorecard, v.Legend = htmlScorecard(statuses, ruleByID, c)
	v.Groups = htmlFindingGroups(r, c, ruleByID)
	v.Waivers = htmlWaivers(r, c, ruleByID)
	v.Evidence = htmlEvidenceRows(r, statuses, ruleByID, c)
	for _, e := range r.Errors {
		loc := locationString(e.File, e.Line, e.Column)
		if loc == "" {
			loc = e.Inventory
		}
		v.Errors = append(v.Errors, htmlError{Location: loc, Summary: e.Summary, Detail: e.Detail})
	}
	return v
}

func htmlVerdictOf(r *finding.Result, c *i18n.Catalog, rules map[string]finding.Rule) htmlVerdict {
	t := countFindings(r)
	key := runVerdictKey(r)
	v := htmlVerdict{Key: key, Label: c.T("verdict." + key)}
	threshold := r.Summary.FailOn
	type agg struct {
		b         htmlBlocker
		rank      int
		resources map[string]bool
		order     int
	}
	byRule := map[string]*agg{}
	blocking := 0
	for i := range r.Findings {
		f := &r.Findings[i]
		if f.Suppressed != nil || !threshold.Fails(f.Severity) {
			continue
		}
		blocking++
		a := byRule[f.RuleID]
		if a == nil {
			a = &agg{
				b: htmlBlocker{
					RuleID: f.RuleID, Title: c.RuleTitle(ruleOrFinding(rules, f)),
					Severity: c.T("severity." + string(f.Severity)), SeverityKey: string(f.Severity),
				},
				rank: f.Severity.Rank(), resources: map[string]bool{}, order: len(byRule),
			}
			byRule[f.RuleID] = a
		}
		a.resources[f.Resource.String()] = true
	}
	list := make([]*agg, 0, len(byRule))
	for _, a := range byRule {
		a.b.Resources = c.T("verdict.blocker_resources", "count", len(a.resources))
		list = append(list, a)
	}
	sort.Slice(list, func(i, j int) bool {
		if list[i].rank != list[j].rank {
			return list[i].rank > list[j].rank
		}
		return list[i].b.RuleID < list[j].b.RuleID
	})
	for i, a := range list {
		if i == maxBlockers {
			v.More = c.T("verdict.more", "count", len(list)-maxBlockers)
			break
		}
		v.Blockers = append(v.Blockers, a.b)
	}
	switch key {
	case "fail":
		v.Detail = c.T("verdict.fail_detail", "fail_on", c.T("severity."+failOn(r)), "count", blocking)
	case "incomplete":
		v.Detail = c.T("verdict.incomplete_detail", "count", len(r.Errors))
	default:
		v.Detail = c.T("verdict.pass_detail", "fail_on", c.T("severity."+failOn(r)))
	}
	v.Counts = c.T("verdict.counts", "open", t.open, "suppressed", t.suppressed)
	return v
}

// ruleOrFinding is the rule a finding names, or one built from the
// finding's own copy of its metadata.
func ruleOrFinding(rules map[string]finding.Rule, f *finding.Finding) finding.Rule {
	if rule, ok := rules[f.RuleID]; ok {
		return rule
	}
	return finding.Rule{ID: f.RuleID, Title: f.Title, Remediation: f.Remediation, Principle: f.Principle}
}

// htmlStatusKeys are the five evidence statuses in scorecard order.
var htmlStatusKeys = []string{"pass", "fail", "not_stated", "waived", "not_applicable"}

func htmlScorecard(statuses []ruleStatus, rules map[string]finding.Rule, c *i18n.Catalog) ([]htmlScore, []htmlStatus) {
	counts := map[string]map[string]int{}
	for _, p := range finding.Principles {
		counts[p.Key] = map[string]int{}
	}
	for _, s := range statuses {
		p := rules[s.RuleID].Principle
		if counts[p] == nil {
			counts[p] = map[string]int{}
		}
		counts[p][s.Status]++
	}
	keys := make([]string, 0, len(counts))
	for k := range counts {
		keys = append(keys, k)
	}
	finding.SortPrinciples(keys)
	var out []htmlScore
	for _, k := range keys {
		total := 0
		for _, s := range htmlStatusKeys {
			total += counts[k][s]
		}
		score := htmlScore{Key: k, Name: c.PrincipleName(k), Total: c.Number(total)}
		x := 0.0
		args := []any{"principle", score.Name}
		for _, s := range htmlStatusKeys {
			n := counts[k][s]
			w := 0.0
			if total > 0 {
				w = 100 * float64(n) / float64(total)
			}
			score.Statuses = append(score.Statuses, htmlStatus{Key: s, Label: c.T("status." + s), Count: c.Number(n), N: n, X: x, Width: w})
			x += w
			args = append(args, s, n)
		}
		score.BarLabel = c.T("scorecard.bar_label", args...)
		out = append(out, score)
	}
	legend := make([]htmlStatus, len(htmlStatusKeys))
	for i, s := range htmlStatusKeys {
		legend[i] = htmlStatus{Key: s, Label: c.T("status." + s)}
	}
	return out, legend
}

func htmlFindingGroups(r *finding.Result, c *i18n.Catalog, rules map[string]finding.Rule) []htmlPrincipleGroup {
	byPrinciple := map[string][]*finding.Finding{}
	for i := range r.Findings {
		f := &r.Findings[i]
		if f.Suppressed != nil {
			continue
		}
		byPrinciple[f.Principle] = append(byPrinciple[f.Principle], f)
	}
	keys := make([]string, 0, len(byPrinciple))
	for k := range byPrinciple {
		keys = append(keys, k)
	}
	finding.SortPrinciples(keys)
	var out []htmlPrincipleGroup
	n := 0
	for _, k := range keys {
		fs := byPrinciple[k]
		g := htmlPrincipleGroup{ID: "principle-" + htmlID(k), Name: c.PrincipleName(k)}
		for _, sev := range severityOrder(fs) {
			sg := htmlSeverityGroup{Key: string(sev)}
			for _, f := range fs {
				if f.Severity != sev {
					continue
				}
				n++
				sg.Findings = append(sg.Findings, htmlFindingOf(f, c, ruleOrFinding(rules, f), n))
			}
			sg.Heading = c.T("findings.group_count", "severity", c.T("severity."+string(sev)), "count", len(sg.Findings))
			g.Severities = append(g.Severities, sg)
		}
		out = append(out, g)
	}
	return out
}

func htmlFindingOf(f *finding.Finding, c *i18n.Catalog, rule finding.Rule, n int) htmlFinding {
	status := findingStatus(f)
	hf := htmlFinding{
		ID:     "finding-" + c.Value(n),
		RuleID: f.RuleID, Title: c.RuleTitle(rule),
		Severity: c.T("severity." + string(f.Severity)), SeverityKey: string(f.Severity),
		StatusKey: status, StatusLabel: c.T("status." + status),
		Problem:     c.Message(f),
		Fix:         c.RuleRemediation(rule),
		About:       c.RuleDescription(rule),
		HelpURI:     safeLink(f.HelpURI),
		Fingerprint: f.Fingerprint,
	}
	if hf.Fix == "" {
		hf.Fix = f.Remediation
	}
	if c.Lang() != i18n.Default {
		hf.TitleLang = englishIf(hf.Title == rule.Title)
		hf.ProblemLang = englishIf(hf.Problem == f.Message)
		hf.FixLang = englishIf(hf.Fix == rule.Remediation || hf.Fix == f.Remediation)
		hf.AboutLang = englishIf(hf.About == strings.Join(strings.Fields(rule.Description), " "))
	}
	where := []string{c.T("finding.resource", "kind", f.Resource.Kind, "id", f.Resource.ID)}
	if f.Field != "" {
		where = append(where, c.T("finding.field", "field", f.Field))
	}
	if l := f.Location; l.File != "" {
		where = append(where, c.T("finding.line", "file", l.File, "line", l.Start.Line))
	}
	hf.Where = strings.Join(where, " · ")
	hf.Sources = f.Controls
	if len(hf.Sources) == 0 {
		hf.Sources = rule.Controls
	}
	for i, line := range f.SourceLines {
		hf.Snippet = append(hf.Snippet, htmlLine{Number: f.Location.Start.Line + i, Text: line})
	}
	return hf
}

func htmlWaivers(r *finding.Result, c *i18n.Catalog, rules map[string]finding.Rule) []htmlWaiver {
	var out []htmlWaiver
	for i := range r.Findings {
		f := &r.Findings[i]
		s := f.Suppressed
		if s == nil {
			continue
		}
		w := htmlWaiver{
			RuleID: f.RuleID, Title: c.RuleTitle(ruleOrFinding(rules, f)),
			Resource: f.Resource.String(), Reason: s.Reason, Approver: s.ApprovedBy, Expires: c.Date(s.Expires),
		}
		if s.Kind == "baseline" {
			w.Reason = c.T("waivers.baseline")
		}
		out = append(out, w)
	}
	return out
}

func htmlEvidenceRows(r *finding.Result, statuses []ruleStatus, rules map[string]finding.Rule, c *i18n.Catalog) []htmlEvidence {
	resources := passedResources(r)
	seen := map[string]bool{}
	var out []htmlEvidence
	for _, s := range statuses {
		if s.Status != "pass" || seen[s.RuleID] {
			continue
		}
		seen[s.RuleID] = true
		rule := rules[s.RuleID]
		out = append(out, htmlEvidence{
			RuleID: s.RuleID, Title: c.RuleTitle(rule), Principle: c.PrincipleName(rule.Principle),
			Resources: strings.Join(resources[s.RuleID], ", "),
		})
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].RuleID < out[j].RuleID })
	return out
}

func englishIf(untranslated bool) string {
	if untranslated {
		return i18n.Default
	}
	return ""
}

// htmlID makes a key safe as an HTML id (keys are rule metadata, but a
// custom rule may use anything).
func htmlID(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch {
		case r >= 'a' && r <= 'z', r >= 'A' && r <= 'Z', r >= '0' && r <= '9', r == '-', r == '_':
			b.WriteRune(r)
		default:
			b.WriteByte('-')
		}
	}
	return b.String()
}
