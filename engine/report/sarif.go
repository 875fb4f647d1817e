package report

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"path/filepath"
	"slices"
	"strings"

	"github.com/citygate/citygate/engine/finding"
)

func init() {
	register("sarif", func(o Options) Reporter { return sarifReporter{opts: o} })
}

const (
	sarifSchemaURI         = "https://json.schemastore.org/sarif-2.1.0.json"
	sarifInformationURI    = "https://github.com/citygate/citygate"
	sarifFingerprintKey    = "citygate/v1"
	sarifDefaultMaxResults = 25000 // GitHub code scanning's limit per run
)

// sarifReporter writes SARIF 2.1.0 as GitHub code scanning reads it: rule
// metadata with security-severity, relative URIs under %SRCROOT%, UTF-16
// columns, our own fingerprint instead of GitHub's line hash (which moves
// with the line), suppressions only when some result is suppressed.
type sarifReporter struct{ opts Options }

var sarifLevel = map[finding.Severity]string{
	finding.Critical: "error", finding.High: "error", finding.Medium: "warning", finding.Low: "note",
}

// GitHub maps security-severity to its labels: over 9.0 critical, 7.0 to
// 8.9 high, 4.0 to 6.9 medium, below that low.
var sarifSecuritySeverity = map[finding.Severity]string{
	finding.Critical: "9.5", finding.High: "8.0", finding.Medium: "5.5", finding.Low: "2.0",
}

func (s sarifReporter) Report(w io.Writer, r *finding.Result) error {
	return s.ReportStream(w, Whole(r))
}

// ReportStream writes the log from a stream: the cap is decided from the
// tally's counts, then the results are encoded one at a time into the
// gap the envelope leaves for them.
func (s sarifReporter) ReportStream(w io.Writer, st Stream) error {
	r, tl := st.Head(), st.Tally()
	rules := tl.Rules
	ruleIndex := make(map[string]int, len(rules))
	sarifRules := make([]sarifRule, len(rules))
	for i, rule := range rules {
		ruleIndex[rule.ID] = i
		sarifRules[i] = sarifRuleFor(rule)
	}

	limit := s.maxResults()
	keep := capOf(tl, limit, s.opts.SARIFOmitSuppressed)

	inv := sarifInvocation{ExecutionSuccessful: len(r.Errors) == 0}
	for _, e := range r.Errors {
		inv.ToolExecutionNotifications = append(inv.ToolExecutionNotifications, sarifErrorNotification(e))
	}
	if keep.dropped > 0 {
		inv.ToolExecutionNotifications = append(inv.ToolExecutionNotifications, sarifNotification{
			Level: "warning",
			Message: sarifMessage{Text: fmt.Sprintf(
				"%s left out: the SARIF output is capped at %d results and keeps the most severe; the JSON output has them all",
				plural(keep.dropped, "result was", "results were"), limit)},
		})
	}

	log := sarifLog{
		Schema:  sarifSchemaURI,
		Version: "2.1.0",
		Runs: []sarifRun{{
			Tool: sarifTool{Driver: sarifDriver{
				Name:           "citygate",
				Version:        r.Tool.Version,
				InformationURI: sarifInformationURI,
				Rules:          sarifRules,
			}},
			Invocations: []sarifInvocation{inv},
			Results:     []sarifResult{},
			ColumnKind:  "utf16CodeUnits",
			Properties:  sarifRunPropertiesFor(r, tl),
		}},
	}
	var head bytes.Buffer
	enc := json.NewEncoder(&head)
	enc.SetIndent("", "  ")
	if err := enc.Encode(log); err != nil {
		return err
	}
	before, after, _ := bytes.Cut(head.Bytes(), []byte(`"results": []`))
	if _, err := w.Write(neutralizeJSON(append(before, `"results": `...))); err != nil {
		return err
	}
	anySuppressed := keep.anySuppressed()
	results := func(fn func(*sarifResult) error) error {
		return st.Findings(func(f *finding.Finding) error {
			if !keep.keeps(f) {
				return nil
			}
			res := sarifResultFor(f, ruleIndex[f.RuleID], anySuppressed)
			return fn(&res)
		})
	}
	if err := streamArray(w, 3, results, marshalIndented[sarifResult]); err != nil {
		return err
	}
	_, err := w.Write(neutralizeJSON(after))
	return err
}

func sarifRunPropertiesFor(r *finding.Result, tl *Tally) sarifRunProperties {
	doc := jsonDocument(r)
	invs := doc.Inventories
	for i := range invs {
		invs[i].Path = escapeControls(invs[i].Path, false)
		invs[i].Scope = escapeControls(invs[i].Scope, false)
	}
	clean := func(gs []finding.GroupCounts) []finding.GroupCounts {
		for i := range gs {
			gs[i].Key, gs[i].Name = escapeControls(gs[i].Key, false), escapeControls(gs[i].Name, false)
		}
		return gs
	}
	return sarifRunProperties{
		Status:      doc.Summary.Status,
		Principles:  clean(grouping{}.countsOf(tl)),
		Areas:       clean(grouping{area: true}.countsOf(tl)),
		Inventories: invs,
	}
}

// sarifCap decides which findings a capped log keeps, from counts alone:
// the most severe, unsuppressed before suppressed at equal severity (a
// dropped open finding costs more than a dropped waived one), earlier
// before later, as capBySeverity does on a list. Classes are (rank,
// suppressed); those before the boundary class are kept whole, the
// boundary class up to quota findings in report order.
type sarifCap struct {
	omitSuppressed bool
	all            bool
	boundary       sarifClass
	quota, taken   int
	dropped        int
	suppressedKept bool
}

type sarifClass struct {
	rank       int
	suppressed bool
}

// before reports whether class a is kept in preference to b.
func (a sarifClass) before(b sarifClass) bool {
	if a.rank != b.rank {
		return a.rank > b.rank
	}
	return !a.suppressed && b.suppressed
}

func capOf(t *Tally, limit int, omitSuppressed bool) *sarifCap {
	c := &sarifCap{omitSuppressed: omitSuppressed}
	counts := map[sarifClass]int{}
	total := 0
	for sev, n := range t.Open {
		counts[sarifClass{rank: sev.Rank()}] += n
		total += n
	}
	if !omitSuppressed {
		for sev, n := range t.Suppressed {
			counts[sarifClass{rank: sev.Rank(), suppressed: true}] += n
			total += n
		}
	}
	classes := make([]sarifClass, 0, len(counts))
	for k, n := range counts {
		if n > 0 {
			classes = append(classes, k)
		}
	}
	slices.SortFunc(classes, func(a, b sarifClass) int {
		if a.before(b) {
			return -1
		}
		if b.before(a) {
			return 1
		}
		return 0
	})
	if total <= limit {
		c.all = true
		c.suppressedKept = slices.ContainsFunc(classes, func(k sarifClass) bool { return k.suppressed })
		return c
	}
	c.dropped = total - limit
	left := limit
	for _, k := range classes {
		n := counts[k]
		if n > left || left == 0 {
			c.boundary, c.quota = k, left
			if k.suppressed && left > 0 {
				c.suppressedKept = true
			}
			break
		}
		left -= n
		if k.suppressed {
			c.suppressedKept = true
		}
	}
	return c
}

// keeps decides for the next finding in report order.
func (c *sarifCap) keeps(f *finding.Finding) bool {
	if f.Suppressed != nil && c.omitSuppressed {
		return false
	}
	if c.all {
		return true
	}
	k := sarifClass{rank: f.Severity.Rank(), suppressed: f.Suppressed != nil}
	switch {
	case k.before(c.boundary):
		return true
	case k == c.boundary && c.taken < c.quota:
		c.taken++
		return true
	}
	return false
}

// anySuppressed is whether a kept result is suppressed.
func (c *sarifCap) anySuppressed() bool { return c.suppressedKept }

func (s sarifReporter) maxResults() int {
	if s.opts.SARIFMaxResults <= 0 {
		return sarifDefaultMaxResults
	}
	return s.opts.SARIFMaxResults
}

// capBySeverity keeps at most limit findings: the most severe, unsuppressed
// before suppressed at equal severity (a dropped open finding costs more
// than a dropped waived one), earlier before later. The kept findings stay
// in report order.
func capBySeverity(fs []*finding.Finding, limit int) (kept []*finding.Finding, dropped int) {
	if len(fs) <= limit {
		return fs, 0
	}
	order := make([]int, len(fs))
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(a, b int) int {
		if ra, rb := fs[a].Severity.Rank(), fs[b].Severity.Rank(); ra != rb {
			return rb - ra
		}
		sa, sb := fs[a].Suppressed != nil, fs[b].Suppressed != nil
		switch {
		case sa && !sb:
			return 1
		case sb && !sa:
			return -1
		}
		return 0
	})
	keep := order[:limit]
	slices.Sort(keep)
	kept = make([]*finding.Finding, len(keep))
	for i, k := range keep {
		kept[i] = fs[k]
	}
	return kept, len(fs) - limit
}

func sarifRuleFor(rule finding.Rule) sarifRule {
	title := sarifText(rule.Title)
	out := sarifRule{
		ID:                   rule.ID,
		Name:                 escapeControls(rule.Title, false),
		HelpURI:              safeLink(rule.HelpURI),
		DefaultConfiguration: sarifConfiguration{Level: levelOf(rule.Severity)},
		Properties: sarifRuleProperties{
			Tags:             sarifTags(rule),
			SecuritySeverity: sarifSecuritySeverity[rule.Severity],
			Precision:        "very-high",
		},
	}
	if title != "" {
		out.ShortDescription = &sarifMultiformat{Text: title}
	}
	if d := sarifText(rule.Description); d != "" {
		out.FullDescription = &sarifMultiformat{Text: d}
	}
	if help := sarifHelp(rule); help.Text != "" {
		out.Help = &help
	}
	return out
}

func levelOf(s finding.Severity) string {
	if l, ok := sarifLevel[s]; ok {
		return l
	}
	return "warning"
}

// sarifTags are "security" (GitHub code scanning lists only security
// results by that tag), the rule's principle and its area, for filtering.
func sarifTags(rule finding.Rule) []string {
	tags := []string{"security"}
	for _, t := range []string{rule.Principle, rule.Area} {
		if t := oneLine(t); t != "" && !slices.Contains(tags, t) {
			tags = append(tags, t)
		}
	}
	return tags
}

// sarifHelp is the remediation and the sources the rule derives from, in
// plain text and in markdown (which GitHub shows on the alert page).
func sarifHelp(rule finding.Rule) sarifMultiformat {
	var text, md []string
	if rule.Remediation != "" {
		text = append(text, sarifText(rule.Remediation))
		md = append(md, "**Remediation:** "+markdownText(rule.Remediation))
	}
	if len(rule.Controls) > 0 {
		t, m := []string{"Sources:"}, []string{"**Sources:**", ""}
		for _, c := range rule.Controls {
			t = append(t, "- "+sarifText(c))
			m = append(m, "- "+markdownText(c))
		}
		text = append(text, strings.Join(t, "\n"))
		md = append(md, strings.Join(m, "\n"))
	}
	return sarifMultiformat{Text: strings.Join(text, "\n\n"), Markdown: strings.Join(md, "\n\n")}
}

// sarifText is SARIF plain text: controls escaped, and square brackets
// escaped because viewers turn "[text](target)" into links (SARIF §3.11.6).
func sarifText(s string) string {
	s = escapeControls(s, true)
	return strings.NewReplacer("[", `\[`, "]", `\]`).Replace(s)
}

func sarifResultFor(f *finding.Finding, ruleIndex int, anySuppressed bool) sarifResult {
	msg := sarifText(f.Message)
	if msg == "" {
		msg = sarifText(f.Title)
	}
	res := sarifResult{
		RuleID:     f.RuleID,
		RuleIndex:  ruleIndex,
		Level:      levelOf(f.Severity),
		Message:    sarifMessage{Text: msg},
		Locations:  []sarifLocation{sarifFindingLocation(f)},
		Properties: sarifResultProperties{Status: f.Status, Profile: escapeControls(f.Profile, false)},
	}
	if res.Properties.Status == "" {
		res.Properties.Status = finding.StatusFail
	}
	if f.Fingerprint != "" {
		res.PartialFingerprints = map[string]string{sarifFingerprintKey: f.Fingerprint}
	}
	// GitHub treats an absent suppressions array as "not known" and an
	// empty one as "not suppressed"; both are written only when some
	// result is suppressed, so an ordinary run stays minimal.
	if anySuppressed {
		sups := []sarifSuppression{}
		if s := f.Suppressed; s != nil {
			sup := sarifSuppression{Kind: "external", Status: "accepted", Justification: escapeControls(s.Reason, true)}
			if s.ApprovedBy != "" || s.Expires != "" {
				sup.Properties = &sarifSuppressionDetails{ApprovedBy: escapeControls(s.ApprovedBy, false), Expires: escapeControls(s.Expires, false)}
			}
			if sup.Justification == "" {
				sup.Justification = s.Kind
			}
			sups = append(sups, sup)
		}
		res.Suppressions = &sups
	}
	return res
}

func sarifFindingLocation(f *finding.Finding) sarifLocation {
	loc := sarifLocation{}
	if f.Location.File != "" {
		loc.PhysicalLocation = &sarifPhysicalLocation{
			ArtifactLocation: sarifArtifact(f.Location.File),
			Region:           sarifFindingRegion(f),
		}
	}
	if f.Resource.Kind != "" || f.Resource.ID != "" {
		loc.LogicalLocations = []sarifLogicalLocation{{
			Name:               escapeControls(f.Resource.ID, false),
			FullyQualifiedName: escapeControls(f.Resource.String(), false),
			Kind:               "resource",
		}}
	}
	return loc
}

// sarifFindingRegion converts hcl's character columns to UTF-16 code units
// using the source lines the finding carries; without them the character
// column is the best guess there is.
func sarifFindingRegion(f *finding.Finding) *sarifRegion {
	start, end := f.Location.Start, f.Location.End
	if start.Line <= 0 {
		return nil
	}
	if end.Line < start.Line {
		end = start
	}
	column := func(p finding.Position, lineIdx int) int {
		if p.Column <= 0 {
			return 0
		}
		if lineIdx >= 0 && lineIdx < len(f.SourceLines) {
			return utf16Column(f.SourceLines[lineIdx], p.Column)
		}
		return p.Column
	}
	return &sarifRegion{
		StartLine:   start.Line,
		StartColumn: column(start, 0),
		EndLine:     end.Line,
		EndColumn:   column(end, end.Line-start.Line),
	}
}

func sarifErrorNotification(e finding.Error) sarifNotification {
	text := sarifText(e.Summary)
	if e.Detail != "" {
		text += ": " + sarifText(e.Detail)
	}
	n := sarifNotification{Level: "error", Message: sarifMessage{Text: text}}
	if e.File != "" {
		pl := &sarifPhysicalLocation{ArtifactLocation: sarifArtifact(e.File)}
		if e.Line > 0 {
			// Errors carry no source lines, so columns are characters; they
			// are left out rather than reported in the wrong unit.
			pl.Region = &sarifRegion{StartLine: e.Line, EndLine: max(e.EndLine, e.Line)}
		}
		n.Locations = []sarifLocation{{PhysicalLocation: pl}}
	}
	return n
}

// sarifArtifact turns a path as the user named it into a URI reference:
// relative paths stay relative to %SRCROOT% (the repository root for
// GitHub), absolute ones become file URIs; everything outside the URI
// unreserved set is percent-encoded, so spaces, non-ASCII names and a ":"
// that would read as a scheme are all safe.
func sarifArtifact(path string) sarifArtifactLocation {
	p := filepath.ToSlash(path)
	p = strings.ReplaceAll(p, `\`, "/") // Windows paths reported on another OS
	switch {
	case strings.HasPrefix(p, "/"):
		return sarifArtifactLocation{URI: "file://" + escapePath(p)}
	case len(p) >= 3 && p[1] == ':' && p[2] == '/' && isASCIILetter(p[0]):
		return sarifArtifactLocation{URI: "file:///" + p[:2] + escapePath(p[2:])}
	}
	for strings.HasPrefix(p, "./") {
		p = p[2:]
	}
	return sarifArtifactLocation{URI: escapePath(p), URIBaseID: "%SRCROOT%"}
}

func isASCIILetter(c byte) bool { return (c|0x20) >= 'a' && (c|0x20) <= 'z' }

func escapePath(p string) string {
	var b strings.Builder
	for i := 0; i < len(p); i++ {
		c := p[i]
		if c == '/' || c == '-' || c == '.' || c == '_' || c == '~' ||
			(c >= '0' && c <= '9') || isASCIILetter(c) {
			b.WriteByte(c)
			continue
		}
		fmt.Fprintf(&b, "%%%02X", c)
	}
	return b.String()
}
