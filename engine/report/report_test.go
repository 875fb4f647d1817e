package report

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/citygate/citygate/engine/finding"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/golden")

// pos builds a position; Byte is not used by reporters, so it stays 0.
func pos(line, col int) finding.Position { return finding.Position{Line: line, Column: col} }

func loc(file string, sl, sc, el, ec int) finding.Location {
	return finding.Location{File: file, Start: pos(sl, sc), End: pos(el, ec)}
}

// sampleRules are seven rules over six principles, two of them without
// findings in sampleResult.
func sampleRules() []finding.Rule {
	return []finding.Rule{
		{ID: "ACC-002", Title: "Public channels meet WCAG 2.1 AA", Description: "Citizen-facing channels conform to WCAG 2.1 level AA in every official language.",
			Severity: finding.Medium, Principle: "equity_inclusion_societal_impact", Area: "accessibility", Controls: []string{"EN 301 549 9", "WCAG 2.1 AA"},
			Remediation: "Publish an accessibility statement and fix the failing success criteria.", HelpURI: "https://citygate.dev/rules/ACC-002"},
		{ID: "BRD-001", Title: "Excavations coordinate duct sharing", Description: "Public works that open the street offer duct space (Dig Once).",
			Severity: finding.Low, Principle: "operational_financial_sustainability", Area: "broadband", Controls: []string{"EU Gigabit Infrastructure Act Art. 5"},
			Remediation: "Register the excavation with the duct coordinator.", HelpURI: "https://citygate.dev/rules/BRD-001"},
		{ID: "OPN-001", Title: "Open data licence declared", Description: "Datasets published by a system declare an open licence and format.",
			Severity: finding.Low, Principle: "interoperability_openness", Area: "openness", Controls: []string{"Open Data Charter 3"},
			Remediation: "Declare an open licence (CC-BY-4.0 or similar)\nand a machine-readable format.", HelpURI: "https://citygate.dev/rules/OPN-001"},
		{ID: "PRV-003", Title: "Retention period is bounded", Description: "Personal data is kept no longer than the documented maximum.",
			Severity: finding.High, Principle: "transparency_privacy", Area: "privacy", Profiles: []string{"eu"}, Controls: []string{"GDPR Art. 5(1)(e)"},
			Remediation: "Set retention_days to at most 30 for video.", HelpURI: "https://citygate.dev/rules/PRV-003"},
		{ID: "SEC-005", Title: "No universal default passwords", Description: "Devices ship without universal default passwords.",
			Severity: finding.Critical, Principle: "safety_security_resiliency", Area: "security", Controls: []string{"ETSI EN 303 645 5.1-1"},
			Remediation: "Require unique per-device credentials set at commissioning.", HelpURI: "https://citygate.dev/rules/SEC-005"},
		{ID: "SEC-006", Title: "Vulnerability disclosure policy published", Description: "The city publishes how to report vulnerabilities.",
			Severity: finding.High, Principle: "safety_security_resiliency", Area: "security", Controls: []string{"ETSI EN 303 645 5.2-1", "ISO/IEC 29147"},
			Remediation: "Publish a vulnerability disclosure policy and a security.txt.", HelpURI: "https://citygate.dev/rules/SEC-006"},
		{ID: "SUS-004", Title: "Total cost of ownership covers ten years", Description: "Bids state a ten-year total cost of ownership.",
			Severity: finding.Medium, Principle: "operational_financial_sustainability", Area: "sustainability", Controls: []string{"G20 GSCA Operational Sustainability 2"},
			Remediation: "Add a tco block covering ten years.", HelpURI: "https://citygate.dev/rules/SUS-004"},
	}
}

// sampleResult covers what the reporters must handle: findings in several
// files of two inventories, all four severities, a waived and a baselined
// finding, a multi-line range, a tab-indented line, a non-ASCII line whose
// UTF-16 columns differ from its character columns, a message and a source
// line with control characters and workflow commands, and a located load
// error of a third inventory.
func sampleResult() *finding.Result {
	rules := sampleRules()
	byID := map[string]finding.Rule{}
	for _, r := range rules {
		byID[r.ID] = r
	}
	mk := func(inv, scope, id string, res finding.Resource, field, msg string, l finding.Location, lines ...string) finding.Finding {
		r := byID[id]
		return finding.Finding{
			RuleID: id, Title: r.Title, Severity: r.Severity, Principle: r.Principle, Area: r.Area, Controls: r.Controls, Status: finding.StatusFail,
			Message: msg, Resource: res, Field: field, Location: l, Remediation: r.Remediation, HelpURI: r.HelpURI,
			Fingerprint: finding.Fingerprint(scope, id, res, field), Inventory: inv, SourceLines: lines,
		}
	}
	acme := finding.Resource{Kind: "system", ID: "acme-parking"}
	lisbon := finding.Resource{Kind: "city", ID: "lisbon"}
	signals := finding.Resource{Kind: "system", ID: "traffic-signal-control"}

	fs := []finding.Finding{
		mk("bids/acme.hcl", "bids/acme.hcl", "SEC-005", acme, "auth.default_credentials",
			"system acme-parking ships with the default password \x1b[31madmin\x1b[0m\x07\x02\n::error::pwned\r\n::set-output name=x::y",
			loc("bids/acme.hcl", 3, 3, 3, 36), "  default_credentials = \"admin\x1b[2J\""),
		mk("bids/acme.hcl", "bids/acme.hcl", "ACC-002", acme, "accessibility.wcag_level",
			"system acme-parking targets WCAG level A, below AA",
			loc("bids/acme.hcl", 5, 3, 5, 19), "  wcag_level = \"A\""),
		mk("fixtures/city", "lisbon", "SEC-006", lisbon, "vulnerability_disclosure",
			"city lisbon has no vulnerability disclosure policy",
			loc("fixtures/city/city.hcl", 1, 1, 1, 16), "city \"lisbon\" {"),
		mk("fixtures/city", "lisbon", "ACC-002", lisbon, "languages",
			"city lisbon offers channel `kiosk` | <b>only</b> in 1 language [see](javascript:alert(1)) $x$",
			loc("fixtures/city/city.hcl", 3, 3, 5, 4), "  languages = [", "    \"pt\",", "  ]"),
		mk("fixtures/city", "lisbon", "PRV-003", lisbon, "plaza.retention_days",
			"city lisbon keeps plaza video for 3650 days, more than 30",
			loc("fixtures/city/city.hcl", 6, 49, 6, 70), "  plaza     = { site = \"Praça do Comércio — 𝔸\", retention_days = 3650 }"),
		mk("fixtures/city", "lisbon", "SEC-005", signals, "auth.default_credentials",
			"system traffic-signal-control ships with a vendor default password",
			loc("fixtures/city/transport.hcl", 14, 5, 14, 43), "    default_credentials = \"vendor_default\""),
		mk("fixtures/city", "lisbon", "OPN-001", signals, "data.licence",
			"system traffic-signal-control publishes data under licence \"proprietary\"",
			loc("fixtures/city/transport.hcl", 17, 2, 17, 25), "\tlicence = \"proprietary\""),
		mk("fixtures/city", "lisbon", "OPN-001", signals, "data.format",
			"system traffic-signal-control publishes data as \"xls\", not a machine-readable open format",
			loc("fixtures/city/transport.hcl", 18, 2, 18, 16), "\tformat = \"xls\""),
	}
	fs[1].Suppressed = &finding.Suppression{Kind: "baseline", Reason: "in baseline citygate-baseline.json"}
	fs[4].Profile = "eu"
	fs[4].Template, fs[4].Args = "too_long", map[string]any{"id": "lisbon", "days": 3650, "limit": 30}
	fs[1].Status, fs[1].Message = finding.StatusNotStated, "system acme-parking does not state accessibility.wcag_level, which this rule needs to decide"
	fs[2].Suppressed = &finding.Suppression{Kind: "waiver", Reason: "Policy drafted, publication due Q1 | see CITY-42",
		ApprovedBy: "ciso@lisboa.example", Expires: "2027-03-31"}

	res := &finding.Result{
		SchemaVersion: finding.SchemaVersion,
		Tool:          finding.Tool{Name: "citygate", Version: "0.1.0-test"},
		AsOf:          "2026-11-22",
		Findings:      fs,
		Errors: []finding.Error{{
			Inventory: "bids/broken.hcl", File: "bids/broken.hcl", Line: 7, Column: 3, EndLine: 7, EndColumn: 9,
			Summary: "Unsupported argument",
			Detail:  "An argument named \"colour\" is not expected here. Did you mean \"color\"?",
		}},
		Rules: rules,
		Inventories: []finding.InventoryResult{
			{Path: "fixtures/city", Scope: "lisbon", Loaded: true, Profiles: []string{"eu"}, Resources: []finding.ResourceLocation{
				{Resource: lisbon, Location: loc("fixtures/city/city.hcl", 1, 1, 1, 16)},
				{Resource: signals, Location: loc("fixtures/city/transport.hcl", 10, 1, 10, 34)},
			}},
			{Path: "bids/acme.hcl", Scope: "acme.hcl", Loaded: true, Profiles: []string{}, Resources: []finding.ResourceLocation{
				{Resource: acme, Location: loc("bids/acme.hcl", 1, 1, 1, 25)},
			}},
			{Path: "bids/broken.hcl", Scope: "broken.hcl", Loaded: false},
		},
		Evidence: sampleEvidence(),
	}
	res.Summary = summarize(res, 3, "high")
	return res
}

// sampleEvidence is what the engine derives for sampleResult: every status,
// rule-level entries, and nothing for the inventory that did not load.
func sampleEvidence() []finding.Evidence {
	res := func(kind, id string) *finding.Resource { return &finding.Resource{Kind: kind, ID: id} }
	city, acme := "fixtures/city", "bids/acme.hcl"
	e := func(inv, rule string, r *finding.Resource, st finding.Status, fields ...string) finding.Evidence {
		if fields == nil {
			fields = []string{}
		}
		return finding.Evidence{Inventory: inv, RuleID: rule, Resource: r, Status: st, Fields: fields}
	}
	return []finding.Evidence{
		e(city, "ACC-002", res("city", "lisbon"), finding.StatusFail, "languages"),
		e(city, "BRD-001", nil, finding.StatusNotApplicable),
		e(city, "OPN-001", res("system", "traffic-signal-control"), finding.StatusFail, "data.format", "data.licence"),
		e(city, "PRV-003", res("city", "lisbon"), finding.StatusFail, "plaza.retention_days"),
		e(city, "SEC-005", res("system", "traffic-signal-control"), finding.StatusFail, "auth.default_credentials"),
		e(city, "SEC-006", res("city", "lisbon"), finding.StatusWaived, "vulnerability_disclosure"),
		e(city, "SUS-004", res("system", "traffic-signal-control"), finding.StatusPass, "tco"),
		e(acme, "ACC-002", res("system", "acme-parking"), finding.StatusNotStated, "accessibility.wcag_level"),
		e(acme, "BRD-001", nil, finding.StatusNotApplicable),
		e(acme, "OPN-001", res("system", "acme-parking"), finding.StatusPass),
		e(acme, "PRV-003", nil, finding.StatusNotApplicable),
		e(acme, "SEC-005", res("system", "acme-parking"), finding.StatusFail, "auth.default_credentials"),
		e(acme, "SEC-006", nil, finding.StatusNotApplicable),
		e(acme, "SUS-004", res("system", "acme-parking"), finding.StatusPass, "tco"),
	}
}

// summarize counts the way the engine does (finding.Summarize), and gives
// each loaded inventory its rule counts and verdict.
func summarize(r *finding.Result, systems int, failOn finding.Threshold) finding.Summary {
	r.Summary.Systems = systems
	for i := range r.Inventories {
		inv := &r.Inventories[i]
		inv.Counts = finding.StatusCounts{}
		for _, rs := range finding.RuleStatuses(r.Evidence) {
			if rs.Inventory == inv.Path {
				inv.Counts.Add(rs.Status)
			}
		}
		inv.Status = finding.RunPass
		for _, f := range r.Findings {
			if f.Inventory == inv.Path && f.Suppressed == nil && failOn.Fails(f.Severity) {
				inv.Status = finding.RunFail
			}
		}
		for _, e := range r.Errors {
			if e.Inventory == inv.Path {
				inv.Status = finding.RunError
			}
		}
	}
	return finding.Summarize(r, failOn, len(r.Inventories), len(r.Rules))
}

// emptyResult is a clean run: nothing found, nothing wrong, nil slices.
func emptyResult() *finding.Result {
	return &finding.Result{
		SchemaVersion: finding.SchemaVersion,
		Tool:          finding.Tool{Name: "citygate", Version: "0.1.0-test"},
		AsOf:          "2026-11-22",
		Summary:       finding.Summary{Inventories: 1, Systems: 2, Rules: 60, FailOn: "high"},
		Rules:         sampleRules(),
		Inventories:   []finding.InventoryResult{{Path: "fixtures/clean", Loaded: true}},
	}
}

func render(t *testing.T, format string, opts Options, r *finding.Result) []byte {
	t.Helper()
	rep, err := New(format, opts)
	require.NoError(t, err)
	var buf bytes.Buffer
	require.NoError(t, rep.Report(&buf, r))
	return buf.Bytes()
}

// golden compares got with testdata/golden/name byte for byte, or rewrites
// the file under -update.
func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", "golden", name)
	if *update {
		require.NoError(t, os.MkdirAll(filepath.Dir(path), 0o755))
		require.NoError(t, os.WriteFile(path, got, 0o644))
		return
	}
	want, err := os.ReadFile(path)
	require.NoError(t, err, "missing golden file; run go test ./engine/report -update")
	assert.Equal(t, string(want), string(got), "output differs from %s; if intended, run go test ./engine/report -update", path)
}

type goldenCase struct {
	file   string
	format string
	opts   Options
	result func() *finding.Result
}

func goldenCases() []goldenCase {
	return []goldenCase{
		{"text.txt", "text", Options{}, sampleResult},
		{"text-show-suppressed.txt", "text", Options{ShowSuppressed: true}, sampleResult},
		{"text-color.txt", "text", Options{Color: true}, sampleResult},
		{"text-empty.txt", "text", Options{}, emptyResult},
		{"json.json", "json", Options{}, sampleResult},
		{"json-empty.json", "json", Options{}, emptyResult},
		{"sarif.sarif", "sarif", Options{}, sampleResult},
		{"sarif-omit-suppressed.sarif", "sarif", Options{SARIFOmitSuppressed: true}, sampleResult},
		{"sarif-empty.sarif", "sarif", Options{}, emptyResult},
		{"junit.xml", "junit", Options{}, sampleResult},
		{"github.txt", "github", Options{}, sampleResult},
		{"markdown.md", "markdown", Options{}, sampleResult},
		{"markdown-empty.md", "markdown", Options{}, emptyResult},
	}
}

func TestGolden(t *testing.T) {
	for _, c := range goldenCases() {
		t.Run(c.file, func(t *testing.T) {
			golden(t, c.file, render(t, c.format, c.opts, c.result()))
		})
	}
	t.Run("github-step-summary.md", func(t *testing.T) {
		var summary bytes.Buffer
		render(t, "github", Options{StepSummary: &summary}, sampleResult())
		golden(t, "github-step-summary.md", summary.Bytes())
	})
}

func TestEveryFormatHasAGoldenFile(t *testing.T) {
	covered := map[string]bool{}
	for _, c := range goldenCases() {
		covered[c.format] = true
	}
	for _, f := range Formats() {
		assert.True(t, covered[f], "format %s has no golden file", f)
	}
	assert.Equal(t, []string{"github", "json", "junit", "markdown", "sarif", "text"}, Formats())
}

func TestSameResultSameBytes(t *testing.T) {
	for _, f := range Formats() {
		t.Run(f, func(t *testing.T) {
			var s1, s2 bytes.Buffer
			r := sampleResult()
			first := render(t, f, Options{StepSummary: &s1, ShowSuppressed: true}, r)
			second := render(t, f, Options{StepSummary: &s2, ShowSuppressed: true}, r)
			assert.Equal(t, first, second)
			assert.Equal(t, s1.Bytes(), s2.Bytes())
			assert.Equal(t, sampleResult(), r, "the reporter changed its input")
		})
	}
}

func TestUnknownFormat(t *testing.T) {
	_, err := New("yaml", Options{})
	require.ErrorContains(t, err, `unknown output format "yaml"`)
}

func TestReportsSurviveAnEmptyResult(t *testing.T) {
	for _, f := range Formats() {
		t.Run(f, func(t *testing.T) {
			out := render(t, f, Options{StepSummary: &bytes.Buffer{}}, &finding.Result{})
			if f != "github" { // nothing to annotate is no output
				assert.NotEmpty(t, out)
			}
		})
	}
}

// hostileResult puts attacks in every string that comes from an inventory
// or a policy: terminal escapes, BEL, C1 CSI, bidi overrides, line
// separators, invalid UTF-8, and line breaks followed by workflow commands.
func hostileResult() *finding.Result {
	const evil = "a\x1b[31mred\x1b[0m\x07\x02\u009b2J\u202egnp.exe\u2028x\u2029y\xff\n::error::pwned\r\n::set-output name=x::y\n  ::warning::indented\n##[set-output name=z;]w"
	r := sampleResult()
	for i := range r.Findings {
		f := &r.Findings[i]
		f.Message = evil
		f.Title += evil
		f.Resource.ID = evil
		f.Field = evil
		f.Remediation = evil
		f.Principle = evil
		f.Controls = []string{evil}
		f.SourceLines[0] = evil
		f.Location.File = "::error::" + evil
		if f.Suppressed != nil {
			f.Suppressed.Reason = evil
			f.Suppressed.ApprovedBy = evil
		}
	}
	r.Findings = append(r.Findings, r.Findings[0])
	r.Findings[len(r.Findings)-1].Message = "::error::starts the message"
	for i := range r.Rules {
		r.Rules[i].Title += evil
		r.Rules[i].Remediation = evil
		r.Rules[i].Principle = evil
	}
	r.Errors = append(r.Errors,
		finding.Error{Inventory: evil, File: evil, Line: 2, Summary: evil, Detail: evil},
		finding.Error{Inventory: "::error::x", Summary: "::error::summary", Detail: "::error::detail"})
	r.Inventories = append(r.Inventories, finding.InventoryResult{Path: evil, Loaded: true})
	return r
}

// TestUntrustedStringsStayInert checks every format: no control character
// other than tab and newline, no C1 control, no bidi override or line
// separator, and (for what can be printed to a CI log) no line that the
// GitHub runner would take for a workflow command.
func TestUntrustedStringsStayInert(t *testing.T) {
	for _, f := range Formats() {
		for _, color := range []bool{false, true} {
			t.Run(f, func(t *testing.T) {
				var summary bytes.Buffer
				out := render(t, f, Options{Color: color, ShowSuppressed: true, StepSummary: &summary}, hostileResult())
				for name, text := range map[string]string{"output": string(out), "step summary": summary.String()} {
					if f == "text" && color {
						text = stripOurColors(text)
					}
					assertInert(t, name, text)
					assertNoInjectedCommands(t, f, name, text)
				}
			})
		}
	}
}

func stripOurColors(s string) string {
	codes := []string{ansiReset, ansiBold, ansiDim, ansiRed}
	for _, c := range severityColor {
		codes = append(codes, c)
	}
	for _, c := range codes {
		s = strings.ReplaceAll(s, c, "")
	}
	return s
}

func assertInert(t *testing.T, name, s string) {
	t.Helper()
	for i, r := range s {
		if r == '\t' || r == '\n' {
			continue
		}
		if r < 0x20 || r == 0x7f || (r >= 0x80 && r <= 0x9f) || r == 0x2028 || r == 0x2029 ||
			(r >= 0x202a && r <= 0x202e) || (r >= 0x2066 && r <= 0x2069) {
			t.Errorf("%s: raw %U at byte %d: %q", name, r, i, s[max(0, i-40):min(len(s), i+40)])
			return
		}
	}
	assert.NotContains(t, s, "\xff", "%s: invalid UTF-8 reached the output", name)
}

func assertNoInjectedCommands(t *testing.T, format, name, s string) {
	t.Helper()
	ours := 0
	for _, line := range strings.Split(s, "\n") {
		trimmed := strings.TrimLeft(line, " \t\u00a0")
		if format == "github" && name == "output" && (strings.HasPrefix(line, "::error ") ||
			strings.HasPrefix(line, "::warning ") || strings.HasPrefix(line, "::notice ")) {
			ours++
			continue
		}
		assert.False(t, strings.HasPrefix(trimmed, "::"), "%s %s: line starts a workflow command: %q", format, name, line)
		assert.NotContains(t, line, "##[", "%s %s: legacy workflow command: %q", format, name, line)
	}
	if format == "github" && name == "output" {
		r := hostileResult()
		want := len(r.Errors)
		for _, f := range r.Findings {
			if f.Suppressed == nil {
				want++
			}
		}
		assert.Equal(t, want, ours, "one annotation per error and unsuppressed finding, nothing else")
	}
}
