package report

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/citygate/citygate/engine/finding"
)

func decodeSARIF(t *testing.T, out []byte) sarifLog {
	t.Helper()
	var log sarifLog
	require.NoError(t, json.Unmarshal(out, &log))
	require.Len(t, log.Runs, 1)
	return log
}

func TestSARIFMatchesOfficialSchema(t *testing.T) {
	sch := sarifSchema(t)
	goldens, err := filepath.Glob(filepath.Join("testdata", "golden", "*.sarif"))
	require.NoError(t, err)
	require.NotEmpty(t, goldens)
	for _, path := range goldens {
		doc, err := os.ReadFile(path)
		require.NoError(t, err)
		assert.NoError(t, validateJSON(t, sch, doc), path)
	}
	capped := render(t, "sarif", Options{SARIFMaxResults: 2}, sampleResult())
	assert.NoError(t, validateJSON(t, sch, capped), "capped output")
	assert.NoError(t, validateJSON(t, sch, render(t, "sarif", Options{}, hostileResult())), "hostile strings")
	assert.NoError(t, validateJSON(t, sch, render(t, "sarif", Options{}, &finding.Result{})), "zero Result")

	// The validator is not vacuous: a level SARIF does not define fails.
	bad := strings.Replace(string(render(t, "sarif", Options{}, sampleResult())), `"level": "note"`, `"level": "fatal"`, 1)
	assert.Error(t, validateJSON(t, sch, []byte(bad)))
}

func TestSARIFRun(t *testing.T) {
	log := decodeSARIF(t, render(t, "sarif", Options{}, sampleResult()))
	assert.Equal(t, "https://json.schemastore.org/sarif-2.1.0.json", log.Schema)
	assert.Equal(t, "2.1.0", log.Version)
	run := log.Runs[0]
	assert.Equal(t, "utf16CodeUnits", run.ColumnKind)
	assert.Equal(t, "citygate", run.Tool.Driver.Name)
	assert.Equal(t, "0.1.0-test", run.Tool.Driver.Version)
	assert.Equal(t, "https://github.com/citygate/citygate", run.Tool.Driver.InformationURI)

	ids := []string{}
	for _, r := range run.Tool.Driver.Rules {
		ids = append(ids, r.ID)
	}
	assert.Equal(t, []string{"ACC-002", "BRD-001", "OPN-001", "PRV-003", "SEC-005", "SEC-006", "SUS-004"}, ids, "rules in Result.Rules order")

	sec005 := run.Tool.Driver.Rules[4]
	assert.Equal(t, "No universal default passwords", sec005.Name)
	assert.Equal(t, "error", sec005.DefaultConfiguration.Level)
	assert.Equal(t, sarifRuleProperties{Tags: []string{"security", "safety_security_resiliency"}, SecuritySeverity: "9.5", Precision: "very-high"}, sec005.Properties)
	assert.Contains(t, sec005.Help.Text, "Require unique per-device credentials")
	assert.Contains(t, sec005.Help.Text, "ETSI EN 303 645 5.1-1")
	assert.Contains(t, sec005.Help.Markdown, "**Sources:**")
	assert.Equal(t, "https://citygate.dev/rules/SEC-005", sec005.HelpURI)
	assert.Equal(t, []string{"security", "interoperability_openness", "openness"}, run.Tool.Driver.Rules[2].Properties.Tags)

	// Rule counts by status per principle and the inventories' verdicts.
	props := run.Properties
	assert.Equal(t, finding.RunError, props.Status)
	require.Len(t, props.Principles, 5)
	assert.Equal(t, finding.GroupCounts{Key: "operational_financial_sustainability", Name: "Operational & Financial Sustainability",
		StatusCounts: finding.StatusCounts{Pass: 2, NotApplicable: 2}}, props.Principles[3])
	assert.Equal(t, "broadband", props.Areas[3].Key)
	assert.Equal(t, finding.StatusCounts{NotApplicable: 2}, props.Areas[3].StatusCounts)
	require.Len(t, props.Inventories, 3)
	assert.Equal(t, finding.RunError, props.Inventories[2].Status)

	levels := map[string]string{}
	for _, r := range run.Tool.Driver.Rules {
		levels[r.Properties.SecuritySeverity] = r.DefaultConfiguration.Level
	}
	assert.Equal(t, map[string]string{"9.5": "error", "8.0": "error", "5.5": "warning", "2.0": "note"}, levels)

	require.Len(t, run.Results, 8)
	for _, res := range run.Results {
		assert.Equal(t, res.RuleID, run.Tool.Driver.Rules[res.RuleIndex].ID, "ruleIndex points at the rule")
		assert.Len(t, res.PartialFingerprints, 1)
		assert.NotEmpty(t, res.PartialFingerprints["citygate/v1"])
		assert.NotContains(t, res.PartialFingerprints, "primaryLocationLineHash")
		require.Len(t, res.Locations, 1)
		pl := res.Locations[0].PhysicalLocation
		assert.Equal(t, "%SRCROOT%", pl.ArtifactLocation.URIBaseID)
		assert.NotContains(t, pl.ArtifactLocation.URI, `\`)
		assert.Equal(t, "resource", res.Locations[0].LogicalLocations[0].Kind)
	}
	assert.Equal(t, "system.acme-parking", run.Results[0].Locations[0].LogicalLocations[0].FullyQualifiedName)

	inv := run.Invocations[0]
	assert.False(t, inv.ExecutionSuccessful, "a load error makes the run unsuccessful")
	require.Len(t, inv.ToolExecutionNotifications, 1)
	n := inv.ToolExecutionNotifications[0]
	assert.Equal(t, "error", n.Level)
	assert.Contains(t, n.Message.Text, "Unsupported argument")
	assert.Equal(t, "bids/broken.hcl", n.Locations[0].PhysicalLocation.ArtifactLocation.URI)
	assert.Equal(t, 7, n.Locations[0].PhysicalLocation.Region.StartLine)
}

// TestSARIFColumnsAreUTF16 uses the line with "ç", "é", "—" (one UTF-16
// unit each) and "𝔸" (two): hcl's character column 49 is UTF-16 column 50.
func TestSARIFColumnsAreUTF16(t *testing.T) {
	run := decodeSARIF(t, render(t, "sarif", Options{}, sampleResult())).Runs[0]
	var region *sarifRegion
	for _, res := range run.Results {
		if res.RuleID == "PRV-003" {
			region = res.Locations[0].PhysicalLocation.Region
		}
	}
	require.NotNil(t, region)
	assert.Equal(t, sarifRegion{StartLine: 6, StartColumn: 50, EndLine: 6, EndColumn: 71}, *region)

	// A multi-line range converts the end column on the last line.
	f := finding.Finding{RuleID: "X", Severity: finding.Low, Location: loc("a.hcl", 1, 3, 2, 3),
		SourceLines: []string{"a𝔸b", "𝔸𝔸c"}}
	assert.Equal(t, sarifRegion{StartLine: 1, StartColumn: 4, EndLine: 2, EndColumn: 5}, *sarifFindingRegion(&f))
	// Without source lines the character column is kept.
	f.SourceLines = nil
	assert.Equal(t, sarifRegion{StartLine: 1, StartColumn: 3, EndLine: 2, EndColumn: 3}, *sarifFindingRegion(&f))
}

func TestUTF16Column(t *testing.T) {
	cases := []struct {
		line string
		col  int
		want int
	}{
		{"abc", 1, 1},
		{"abc", 4, 4},
		{"abc", 6, 6},      // past the end: one unit per column
		{"𝔸x", 2, 3},       // astral plane: two units
		{"e\u0301x", 2, 3}, // e + combining acute is one column, two units
		{"👨‍👩‍👧x", 2, 9},   // ZWJ family: one column, eight units
		{"\xffx", 2, 2},    // an invalid byte is one column, one unit
		{"Praça", 5, 5},    // BMP: one unit each
		{"", 0, 1},         // unknown column
	}
	for _, c := range cases {
		assert.Equal(t, c.want, utf16Column(c.line, c.col), "%q col %d", c.line, c.col)
	}
}

func TestSARIFSuppressions(t *testing.T) {
	run := decodeSARIF(t, render(t, "sarif", Options{}, sampleResult())).Runs[0]
	for _, res := range run.Results {
		require.NotNil(t, res.Suppressions, "%s: with any suppressed result, every result says", res.RuleID)
	}
	assert.Empty(t, *run.Results[0].Suppressions)
	assert.Equal(t, []sarifSuppression{{Kind: "external", Status: "accepted", Justification: "in baseline citygate-baseline.json"}},
		*run.Results[1].Suppressions)
	assert.Equal(t, []sarifSuppression{{Kind: "external", Status: "accepted", Justification: "Policy drafted, publication due Q1 | see CITY-42",
		Properties: &sarifSuppressionDetails{ApprovedBy: "ciso@lisboa.example", Expires: "2027-03-31"}}},
		*run.Results[2].Suppressions)

	omitted := render(t, "sarif", Options{SARIFOmitSuppressed: true}, sampleResult())
	run = decodeSARIF(t, omitted).Runs[0]
	assert.Len(t, run.Results, 6)
	assert.NotContains(t, string(omitted), `"suppressions"`, "no suppressed result, no suppressions key")
}

func TestSARIFCapKeepsTheMostSevere(t *testing.T) {
	r := sampleResult()
	out := render(t, "sarif", Options{SARIFMaxResults: 3}, r)
	run := decodeSARIF(t, out).Runs[0]
	var got []string
	for _, res := range run.Results {
		got = append(got, res.RuleID+"@"+res.Locations[0].PhysicalLocation.ArtifactLocation.URI)
	}
	// Two criticals, then the open high (PRV-003) before the waived high
	// (SEC-006); kept results stay in report order.
	assert.Equal(t, []string{"SEC-005@bids/acme.hcl", "PRV-003@fixtures/city/city.hcl", "SEC-005@fixtures/city/transport.hcl"}, got)
	notes := run.Invocations[0].ToolExecutionNotifications
	require.Len(t, notes, 2)
	assert.Equal(t, "warning", notes[1].Level)
	assert.Contains(t, notes[1].Message.Text, "5 results were left out")
	assert.Contains(t, notes[1].Message.Text, "capped at 3")
	assert.False(t, run.Invocations[0].ExecutionSuccessful)

	// Equal severities keep report order.
	fs := []*finding.Finding{{Message: "a", Severity: finding.Low}, {Message: "b", Severity: finding.High},
		{Message: "c", Severity: finding.Low}, {Message: "d", Severity: finding.Low}}
	kept, dropped := capBySeverity(fs, 3)
	assert.Equal(t, 1, dropped)
	assert.Equal(t, []*finding.Finding{fs[0], fs[1], fs[2]}, kept)
}

func TestSARIFDefaultCap(t *testing.T) {
	assert.Equal(t, 25000, sarifReporter{}.maxResults(), "GitHub's limit per run")
	assert.Equal(t, 25000, sarifReporter{opts: Options{SARIFMaxResults: -1}}.maxResults())
	assert.Equal(t, 7, sarifReporter{opts: Options{SARIFMaxResults: 7}}.maxResults())
	if testing.Short() {
		t.Skip("renders 25,002 results")
	}
	r := &finding.Result{Tool: finding.Tool{Name: "citygate", Version: "t"}}
	for i := range sarifDefaultMaxResults + 2 {
		sev := finding.Low
		if i == sarifDefaultMaxResults+1 {
			sev = finding.Critical // the last one must survive the cap
		}
		r.Findings = append(r.Findings, finding.Finding{RuleID: "X-1", Severity: sev, Message: fmt.Sprint(i),
			Location: loc("a.hcl", i+1, 1, i+1, 2)})
	}
	run := decodeSARIF(t, render(t, "sarif", Options{}, r)).Runs[0]
	assert.Len(t, run.Results, 25000)
	assert.Equal(t, "error", run.Results[len(run.Results)-1].Level)
	assert.Contains(t, run.Invocations[0].ToolExecutionNotifications[0].Message.Text, "2 results were left out")
}

func TestSARIFArtifactURI(t *testing.T) {
	cases := map[string]sarifArtifactLocation{
		"fixtures/city/transport.hcl":  {URI: "fixtures/city/transport.hcl", URIBaseID: "%SRCROOT%"},
		"./bids/acme.hcl":              {URI: "bids/acme.hcl", URIBaseID: "%SRCROOT%"},
		`bids\win\acme.hcl`:            {URI: "bids/win/acme.hcl", URIBaseID: "%SRCROOT%"},
		"cities/Praça do Comércio.hcl": {URI: "cities/Pra%C3%A7a%20do%20Com%C3%A9rcio.hcl", URIBaseID: "%SRCROOT%"},
		"c:colon.hcl":                  {URI: "c%3Acolon.hcl", URIBaseID: "%SRCROOT%"},
		"50%#?.hcl":                    {URI: "50%25%23%3F.hcl", URIBaseID: "%SRCROOT%"},
		"/srv/city/a b.hcl":            {URI: "file:///srv/city/a%20b.hcl"},
		`C:\city\a.hcl`:                {URI: "file:///C:/city/a.hcl"},
	}
	for in, want := range cases {
		assert.Equal(t, want, sarifArtifact(in), in)
	}
}

// TestSARIFUnknownRule: a finding whose rule is missing from Result.Rules
// still gets a rule entry, so ruleIndex is always valid.
func TestSARIFUnknownRule(t *testing.T) {
	r := sampleResult()
	r.Rules = r.Rules[:1]
	run := decodeSARIF(t, render(t, "sarif", Options{}, r)).Runs[0]
	for _, res := range run.Results {
		assert.Equal(t, res.RuleID, run.Tool.Driver.Rules[res.RuleIndex].ID)
	}
	assert.Equal(t, "ACC-002", run.Tool.Driver.Rules[0].ID)
	assert.Equal(t, "SEC-005", run.Tool.Driver.Rules[1].ID, "then in order of first appearance")
}

func TestSARIFMessagesAreInert(t *testing.T) {
	out := string(render(t, "sarif", Options{}, hostileResult()))
	assert.NotContains(t, out, `\u001b`, "ESC is shown as text, not encoded")
	assert.NotContains(t, out, "](javascript:", "no embedded links")
	assert.True(t, strings.Contains(out, `\\x1b`))
}
