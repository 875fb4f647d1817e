package report

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/citygate/citygate/engine/finding"
)

func TestTextFinding(t *testing.T) {
	out := string(render(t, "text", Options{}, sampleResult()))
	assert.Contains(t, out, strings.Join([]string{
		"fixtures/city/transport.hcl:14:5: critical SEC-005 No universal default passwords",
		"  system traffic-signal-control ships with a vendor default password",
		"   14 |     default_credentials = \"vendor_default\"",
		"      |     ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^",
		"  fix: Require unique per-device credentials set at commissioning.",
	}, "\n"))
	assert.True(t, strings.HasPrefix(out, "citygate compliance report: lisbon\nCity: lisbon\nAs of: 22 November 2026\ncitygate version: 0.1.0-test\nVerdict: FAIL\n\n"+
		"Error: Unsupported argument\n\n  on bids/broken.hcl line 7:\n\n"), "the header and verdict, then errors first")
	assert.True(t, strings.HasSuffix(out,
		"6 findings (2 critical, 1 high, 1 medium, 2 low), 2 suppressed, in 3 inventories, 7 rules; fail-on: high; 1 error\n"))
	assert.NotContains(t, out, "\x1b[1", "no colour unless asked")
	assert.NotContains(t, out, "SEC-006", "suppressed findings are hidden by default")
}

// TestTextUnderline: carets sit under the characters hcl's columns count,
// even after non-ASCII text; a range over several lines is underlined to
// the end of its first line.
func TestTextUnderline(t *testing.T) {
	out := string(render(t, "text", Options{}, sampleResult()))
	assert.Contains(t, out, "    6 |   plaza     = { site = \"Praça do Comércio — 𝔸\", retention_days = 3650 }\n"+
		"      |                                                 ^^^^^^^^^^^^^^^^^^^^^\n")
	assert.Contains(t, out, "    3 |   languages = [\n      |   ^^^^^^^^^^^^^\n")
	assert.Contains(t, out, "   17 | \tlicence = \"proprietary\"\n      | \t^^^^^^^^^^^^^^^^^^^^^^^\n", "tabs are copied into the underline")
	// An escaped control character is four columns wide on screen.
	assert.Contains(t, out, "    3 |   default_credentials = \"admin\\x1b[2J\"\n      |   "+strings.Repeat("^", 36)+"\n")
}

// TestCountsComeFromFindings: the formats people read count open and
// suppressed findings themselves, so they add up even if a caller counts
// suppressed findings in Summary.Findings.
func TestCountsComeFromFindings(t *testing.T) {
	r := sampleResult()
	r.Summary.Findings = len(r.Findings)
	for _, f := range []string{"text", "markdown"} {
		assert.Contains(t, string(render(t, f, Options{}, r)), "6 findings (2 critical, 1 high, 1 medium, 2 low), 2 suppressed", f)
	}
}

func TestTextShowSuppressed(t *testing.T) {
	out := string(render(t, "text", Options{ShowSuppressed: true}, sampleResult()))
	assert.Contains(t, out, "fixtures/city/city.hcl:1:1: high SEC-006 Vulnerability disclosure policy published (waived: Policy drafted, publication due Q1 | see CITY-42)\n")
	assert.Contains(t, out, "bids/acme.hcl:5:3: medium ACC-002 Public channels meet WCAG 2.1 AA (baselined)\n")
}

func TestTextColor(t *testing.T) {
	out := string(render(t, "text", Options{Color: true}, sampleResult()))
	assert.Contains(t, out, "\x1b[1;35mcritical\x1b[0m \x1b[1mSEC-005\x1b[0m No universal default passwords")
	assert.Contains(t, out, "\x1b[1;31mError:\x1b[0m")
	assert.Equal(t, stripOurColors(out), string(render(t, "text", Options{}, sampleResult())), "colour adds nothing but colour")
}

func TestTextSummaryLine(t *testing.T) {
	r := emptyResult()
	assert.Equal(t, "citygate compliance report\nAs of: 22 November 2026\ncitygate version: 0.1.0-test\nVerdict: PASS\n\nno findings, 0 suppressed, in 1 inventory, 60 rules; fail-on: high\n", string(render(t, "text", Options{}, r)))

	r.Findings = []finding.Finding{{RuleID: "SEC-005", Severity: finding.Critical, Message: "m", Title: "t"}}
	r.Summary = summarize(r, 1, "")
	r.Summary.Inventories, r.Summary.Rules = 2, 1
	assert.Equal(t, "citygate compliance report\nAs of: 22 November 2026\ncitygate version: 0.1.0-test\nVerdict: PASS\n\ncritical SEC-005 t\n  m\n\n1 finding (1 critical, 0 high, 0 medium, 0 low), 0 suppressed, in 2 inventories, 1 rule; fail-on: none\n",
		string(render(t, "text", Options{}, r)), "a finding without location has no file prefix")
}

func TestTextNoTrailingSpaces(t *testing.T) {
	paths, err := filepath.Glob(filepath.Join("testdata", "golden", "text*.txt"))
	require.NoError(t, err)
	require.NotEmpty(t, paths)
	for _, p := range paths {
		b, err := os.ReadFile(p)
		require.NoError(t, err)
		for i, line := range strings.Split(string(b), "\n") {
			assert.Equal(t, strings.TrimRight(line, " \t"), line, "%s:%d has trailing blanks", p, i+1)
		}
	}
	r := sampleResult()
	r.Findings[0].Message = "ends in spaces   "
	r.Findings[0].SourceLines[0] = "  trailing = 1   "
	for _, line := range strings.Split(string(render(t, "text", Options{}, r)), "\n") {
		assert.Equal(t, strings.TrimRight(line, " \t"), line)
	}
}
