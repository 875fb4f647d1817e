package main

import (
	"encoding/json"
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

const (
	lisboaPack     = "../../fixtures/packs/lisboa"
	lisboaFixture  = "../../fixtures/packs/lisboa/fixtures/city"
	lisboaFixtureF = "../../fixtures/packs/lisboa/fixtures/city/lisboa.hcl"
)

// packFindings runs check -f json and lists the findings of the pack's
// rules as "RULE line field".
func packFindings(t *testing.T, wantCode int, args ...string) []string {
	t.Helper()
	code, out, errOut := ptRun(t, append([]string{"check", "--as-of", "2026-01-01", "-f", "json"}, args...)...)
	require.Equal(t, wantCode, code, errOut)
	var doc struct {
		Findings []struct {
			RuleID   string `json:"rule_id"`
			Field    string
			Message  string
			Location struct {
				File  string
				Start struct{ Line int }
			}
		}
	}
	require.NoError(t, json.Unmarshal([]byte(out), &doc))
	var got []string
	for _, f := range doc.Findings {
		if strings.HasPrefix(f.RuleID, "CITY-LX-") {
			assert.Equal(t, lisboaFixtureF, f.Location.File)
			got = append(got, fmt.Sprintf("%s %d %s", f.RuleID, f.Location.Start.Line, f.Field))
		}
	}
	return got
}

var lisboaExpected = []string{
	"CITY-LX-001 22 data.retention_days",
	"CITY-LX-003 40 extensions.lisboa_site.parish",
	"CITY-LX-002 41 extensions.lisboa_site.backup_country",
	"CITY-LX-002 47 extensions.lisboa_site.backup_country",
}

// TestPackCheck: the lisboa pack's rules read its params (defaults),
// its data and the extension blocks of the fixture, and their findings
// are located at the extension attributes, alone or beside the built-in
// rules.
func TestPackCheck(t *testing.T) {
	assert.Equal(t, lisboaExpected, packFindings(t, 1, "--no-builtin", "--policy", lisboaPack, lisboaFixture))
	assert.Equal(t, lisboaExpected, packFindings(t, 1, "--policy", lisboaPack, lisboaFixture))

	code, out, _ := ptRun(t, "check", "--as-of", "2026-01-01", "--no-builtin", "--policy", lisboaPack, lisboaFixture)
	require.Equal(t, 1, code)
	assert.Contains(t, out, "system citizen-crm keeps backups of personal data in IE, outside PT")
	assert.Contains(t, out, "system cctv-baixa keeps public-space video for 45 days; Lisbon allows 30")
	assert.Contains(t, out, "system citizen-crm names parish Belem, which is not one of Lisbon's 24 freguesias")
}

// TestPackParams: params.custom.lisboa from the config file or from
// CITYGATE_PARAMS_CUSTOM changes what the pack's rules decide; a typo is
// an error naming the key.
func TestPackParams(t *testing.T) {
	abs, err := filepath.Abs(lisboaPack)
	require.NoError(t, err)
	dir := ptWriteFiles(t, map[string]string{"c.yaml": "policy: [" + abs + "]\nno_builtin: true\nparams:\n  custom:\n    lisboa:\n      video_retention_max_days: 60\n"})
	assert.Equal(t, lisboaExpected[1:], packFindings(t, 1, "--config", filepath.Join(dir, "c.yaml"), lisboaFixture))

	t.Setenv("CITYGATE_PARAMS_CUSTOM", "{lisboa: {video_retention_max_days: 50}}")
	assert.Equal(t, lisboaExpected[1:], packFindings(t, 1, "--no-builtin", "--policy", lisboaPack, lisboaFixture))

	t.Setenv("CITYGATE_PARAMS_CUSTOM", "{lisboa: {video_retention_max_dayz: 50}}")
	code, _, errOut := ptRun(t, "check", "--no-builtin", "--policy", lisboaPack, lisboaFixture)
	assert.Equal(t, 2, code)
	assert.Contains(t, errOut, "Error: unknown parameter params.custom.lisboa.video_retention_max_dayz (hint: did you mean video_retention_max_days?)")

	t.Setenv("CITYGATE_PARAMS_CUSTOM", "{lisbon: {}}")
	code, _, errOut = ptRun(t, "check", "--no-builtin", lisboaFixture)
	assert.Equal(t, 2, code)
	assert.Contains(t, errOut, "Error: params.custom.lisbon: no loaded pack is named lisbon")
}

// TestPackTest: citygate test runs the pack's Rego tests with its params
// and data, and its fixture against its markers.
func TestPackTest(t *testing.T) {
	code, out, errOut := ptRun(t, "test", lisboaPack)
	require.Equal(t, 0, code, "stdout:\n%s\nstderr:\n%s", out, errOut)
	// 14 Rego tests and 1 fixture inventory.
	assert.Equal(t, "15 passed, 0 failed", ptLastLine(out))
	assert.Regexp(t, `(?m)^PASS  \.\./\.\./fixtures/packs/lisboa/fixtures/city: 4 findings, as expected \(`, out)
}

// TestPackValidate: extension blocks are part of the language only with
// the pack that declares them.
func TestPackValidate(t *testing.T) {
	code, out, errOut := ptRun(t, "validate", lisboaFixture)
	assert.Equal(t, 2, code)
	assert.Contains(t, out+errOut, `No loaded policy pack declares an extension "lisboa" in a city block.`)

	code, out, errOut = ptRun(t, "validate", "--policy", lisboaPack, lisboaFixture)
	assert.Equal(t, 0, code, errOut)
	assert.Contains(t, out, "1 inventories valid (4 systems).")
}

// TestPackTender: a tender's city and its bids are read with the packs'
// extension blocks, and the pack's rules judge the bids.
func TestPackTender(t *testing.T) {
	dir := ptWriteFiles(t, map[string]string{
		"tender.hcl":    "tender \"t\" {\n  title = \"x\"\n  city  = \"city\"\n  as_of = \"2027-03-31\"\n\n  lot \"cctv\" {\n    title       = \"c\"\n    category    = \"iot\"\n    criticality = \"high\"\n  }\n}\n",
		"city/city.hcl": "city \"lisboa\" {\n  jurisdictions = [\"PT\"]\n\n  extension \"lisboa\" {\n    home_country = \"PT\"\n  }\n}\n",
		"bid/b.hcl":     "system \"cam\" {\n  vendor   = \"v\"\n  lot      = \"cctv\"\n  stage    = \"procurement\"\n  category = \"iot\"\n\n  data {\n    personal = true\n  }\n\n  extension \"lisboa_site\" {\n    backup_country = \"IE\"\n  }\n}\n",
	})
	tenderFile, bid := filepath.Join(dir, "tender.hcl"), filepath.Join(dir, "bid")
	code, out, errOut := ptRun(t, "tender", "check", "--no-builtin", "--policy", lisboaPack, tenderFile, bid)
	require.Equal(t, 1, code, errOut)
	assert.Regexp(t, `(?m)^  HIGH +CITY-LX-002 +\S*bid/b\.hcl:12:5 system cam keeps backups of personal data in IE, outside PT$`, out)

	code, _, errOut = ptRun(t, "tender", "check", "--no-builtin", tenderFile, bid)
	assert.Equal(t, 2, code)
	assert.Contains(t, errOut, `No loaded policy pack declares an extension "lisboa" in a city block.`)
}
