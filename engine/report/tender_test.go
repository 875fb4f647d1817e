package report

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"testing/fstest"

	"github.com/santhosh-tekuri/jsonschema/v6"
	"github.com/stretchr/testify/require"

	"github.com/citygate/citygate/engine/finding"
	"github.com/citygate/citygate/engine/inventory"
	"github.com/citygate/citygate/engine/policy"
	"github.com/citygate/citygate/engine/tender"
)

var (
	tenderOnce sync.Once
	tenderRep  *tender.Report
)

// fixtureTender is the tender check of fixtures/tender, run once.
func fixtureTender(t *testing.T) *tender.Report {
	t.Helper()
	tenderOnce.Do(func() {
		lib, errs := policy.Load([]policy.Source{policy.Builtin()}, policy.Options{})
		require.Empty(t, errs)
		dir := filepath.Join("..", "..", "fixtures", "tender")
		tn, diags := tender.Load(inventory.OS{}, filepath.Join(dir, "tender.hcl"), inventory.Limits{})
		require.Empty(t, diags)
		var bids []string
		for _, b := range []string{"adversarial", "mediocre", "strong", "weak"} {
			bids = append(bids, filepath.Join(dir, "bids", b))
		}
		rep, err := tender.Check(context.Background(), lib, tn, bids, tender.Options{})
		require.NoError(t, err)
		tenderRep = rep
	})
	return tenderRep
}

func renderTender(t *testing.T, format string, r *tender.Report) []byte {
	t.Helper()
	var buf bytes.Buffer
	require.NoError(t, WriteTender(&buf, format, r))
	return buf.Bytes()
}

// Every tender format, byte for byte (regenerate with -update).
func TestTenderGolden(t *testing.T) {
	for format, name := range map[string]string{"text": "tender.txt", "json": "tender.json", "markdown": "tender.md", "csv": "tender.csv", "html": "tender.html"} {
		t.Run(format, func(t *testing.T) {
			golden(t, name, renderTender(t, format, fixtureTender(t)))
		})
	}
}

// The JSON document is described by schemas/tender-report.schema.json,
// whose findings and errors are those of findings.schema.json.
func TestTenderJSONSchema(t *testing.T) {
	c := jsonschema.NewCompiler()
	c.AssertFormat()
	for _, name := range []string{"findings.schema.json", "tender-report.schema.json"} {
		b, err := os.ReadFile(filepath.Join("..", "..", "schemas", name))
		require.NoError(t, err)
		doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(b))
		require.NoError(t, err)
		require.NoError(t, c.AddResource("https://citygate.dev/schemas/"+name, doc))
	}
	sch, err := c.Compile("https://citygate.dev/schemas/tender-report.schema.json")
	require.NoError(t, err)
	require.NoError(t, validateJSON(t, sch, renderTender(t, "json", fixtureTender(t))))
}

func TestTenderUnknownFormat(t *testing.T) {
	require.EqualError(t, WriteTender(&bytes.Buffer{}, "sarif", &tender.Report{}),
		`unknown format "sarif" for a tender report: want text, json, markdown, csv or html`)
}

// A bid's strings are untrusted in every format: no terminal escapes, no
// markdown or HTML, no spreadsheet formulas.
func TestTenderHostileStrings(t *testing.T) {
	lib, errs := policy.Load([]policy.Source{policy.Builtin()}, policy.Options{})
	require.Empty(t, errs)
	fsys := fstest.MapFS{
		"tender.hcl": {Data: []byte("tender \"t\" {\n  title = \"T\"\n  city = \"city\"\n  lot \"l\" {\n    category = \"it\"\n    criticality = \"low\"\n  }\n}\n")},
		"city/c.hcl": {Data: []byte("city \"c\" {\n  jurisdictions = [\"VN\"]\n}\n")},
		"bid/b.hcl":  {Data: []byte("system \"s\" {\n  vendor = \"=HYPERLINK(\\\"x\\\")\\u001b[31m<b>|::error::\"\n  lot = \"l\"\n}\n")},
	}
	tn, diags := tender.Load(fsys, "tender.hcl", inventory.Limits{})
	require.Empty(t, diags)
	rep, err := tender.Check(context.Background(), lib, tn, []string{"bid"}, tender.Options{FS: fsys})
	require.NoError(t, err)
	for _, format := range []string{"text", "markdown", "csv", "json"} {
		out := string(renderTender(t, format, rep))
		require.NotContains(t, out, "\x1b", format)
		if format == "markdown" {
			require.NotContains(t, out, "<b>", format)
		}
		if format == "csv" {
			require.NotContains(t, out, "\n=HYPERLINK", format)
			require.NotContains(t, out, ",=HYPERLINK", format)
		}
		if format != "json" {
			for _, line := range strings.Split(out, "\n") {
				require.False(t, strings.HasPrefix(line, "::"), "%s: %q", format, line)
			}
		}
	}
}

// Errors of the tender itself are printed in every human format.
func TestTenderErrorsPrinted(t *testing.T) {
	r := &tender.Report{Errors: []finding.Error{{File: "tender.hcl", Line: 20, Column: 18, Summary: "Waiver for an unknown resource", Detail: "system.nope is not declared."}}}
	require.Contains(t, string(renderTender(t, "text", r)), "Errors in the tender (exit 2)\n  error tender.hcl:20:18: Waiver for an unknown resource: system.nope is not declared.\n")
	require.Contains(t, string(renderTender(t, "markdown", r)), "## Errors in the tender\n\n- error at tender.hcl:20:18: Waiver for an unknown resource: system.nope is not declared.\n")
}

// The check formats carry a tender check as a findings document: the bids'
// own findings (no city action), valid SARIF.
func TestTenderAsResult(t *testing.T) {
	rep := fixtureTender(t)
	res := rep.AsResult()
	n := 0
	for _, b := range rep.Bids {
		n += len(b.Findings)
	}
	require.Len(t, res.Findings, n)
	require.Len(t, res.Inventories, len(rep.Bids))
	require.Equal(t, finding.RunFail, res.Summary.Status)
	require.NoError(t, validateJSON(t, sarifSchema(t), render(t, "sarif", Options{}, res)))
	require.NoError(t, validateJSON(t, findingsSchema(t), render(t, "json", Options{}, res)))
	require.Contains(t, string(render(t, "junit", Options{}, res)), `<testsuite name="../../fixtures/tender/bids/adversarial"`)
}

// The tender page in every catalog language, byte for byte: the
// comparison first, then each bid, then the city's actions.
func TestTenderHTMLGolden(t *testing.T) {
	for _, lang := range []string{"fr", "ar"} {
		t.Run(lang, func(t *testing.T) {
			var buf bytes.Buffer
			require.NoError(t, WriteTenderLang(&buf, "html", fixtureTender(t), lang))
			golden(t, "tender-"+lang+".html", buf.Bytes())
		})
	}
}

// The comparison comes before any bid's section, and the city actions
// after the last bid.
func TestTenderHTMLOrder(t *testing.T) {
	out := string(renderTender(t, "html", fixtureTender(t)))
	cmp := strings.Index(out, `id="comparison"`)
	first := strings.Index(out, `id="bid-1"`)
	city := strings.Index(out, `id="city-actions"`)
	require.True(t, cmp > 0 && cmp < first && first < city, "comparison %d, first bid %d, city actions %d", cmp, first, city)
	require.NotContains(t, out, "<script")
	require.Contains(t, out, "compliance score = 100")
	for _, b := range fixtureTender(t).Bids {
		require.Contains(t, out, ">"+b.ID+"</bdi></a></th>")
	}
}

// Tender and bid strings are untrusted: markup, controls and CI workflow
// commands in them stay inert in the page.
func TestTenderHTMLHostileStrings(t *testing.T) {
	rep := &tender.Report{
		Tender: tender.Info{ID: `t"><script>alert(1)</script>`, Title: "\u202eevil\n::error::pwned", AsOf: "2026-11-22"},
		Bids: []tender.BidResult{{ID: `<img src=x onerror=alert(1)>`, Path: "bids/</style>", Verdict: tender.NotEligible,
			Findings: []finding.Finding{{RuleID: "SEC-005", Severity: finding.Critical, Message: "<b>x</b>", Principle: "safety_security_resiliency"}}}},
	}
	out := string(renderTender(t, "html", rep))
	for _, bad := range []string{"<script>", "<img", "bids/</style>", "<b>x", "\u202e", "\n::error"} {
		require.NotContains(t, out, bad)
	}
	require.Contains(t, out, "&lt;img src=x onerror=alert(1)&gt;")
}
