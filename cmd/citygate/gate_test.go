package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Every way a run could pass without having checked what it was given
// is a test here, each failing the gate with its exit code.

const cityLisbon = "city \"lisbon\" {\n  jurisdictions = [\"PT\"]\n}\n"

func TestNoSilentPass(t *testing.T) {
	dir := t.TempDir()
	cam := write(t, dir, "cam.hcl", universalCam)
	empty := write(t, dir, "empty.hcl", "")
	comments := write(t, dir, "comments.hcl", "# nothing here yet\n")
	a := write(t, dir, "cities/a/city.hcl", cityLisbon)
	b := write(t, dir, "cities/b/city.hcl", cityLisbon)
	for _, tc := range []struct {
		name string
		args []string
		want string
	}{
		{"empty .hcl", []string{"check", empty}, "Empty inventory"},
		{"only comments", []string{"check", comments}, "Empty inventory"},
		{"empty inventory beside a good one", []string{"check", cam, empty, "--rule", "SEC-005"}, "Empty inventory"},
		{"validate an empty .hcl", []string{"validate", empty}, "Empty inventory"},
		{"no builtin, no policy", []string{"check", cam, "--no-builtin"}, "no rules to evaluate"},
		{"every rule skipped", []string{"check", cam, "--rule", "SEC-005", "--skip-rule", "SEC-005"}, "no rules to evaluate"},
		{"copied city folder", []string{"check", filepath.Dir(a), filepath.Dir(b)}, "Duplicate city id"},
		{"two bids with one name", []string{"check", cam, write(t, dir, "other/cam.hcl", universalCam), "--rule", "SEC-005"}, "Duplicate inventory name"},
		{"named a non-inventory file", []string{"check", write(t, dir, "README.md", "# cities\n")}, "Not an inventory file"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			out, stderr, code := citygate(t, append(tc.args, "-q")...)
			assert.Equal(t, 2, code, "%s%s", out, stderr)
			assert.Contains(t, out+stderr, tc.want)
		})
	}
}

// TestDuplicateCityIDIsLocated: the error points at the second city block
// and names the inventory that declared the id first.
func TestDuplicateCityIDIsLocated(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, "a/city.hcl", cityLisbon)
	b := write(t, dir, "b/city.hcl", "\n"+cityLisbon)
	out, _, code := citygate(t, "check", "-q", "-f", "json", filepath.Join(dir, "a"), filepath.Join(dir, "b"))
	require.Equal(t, 2, code)
	var doc struct {
		Errors []struct {
			File    string `json:"file"`
			Line    int    `json:"line"`
			Summary string `json:"summary"`
			Detail  string `json:"detail"`
		} `json:"errors"`
	}
	require.NoError(t, json.Unmarshal([]byte(out), &doc))
	require.Len(t, doc.Errors, 1)
	e := doc.Errors[0]
	assert.Equal(t, "Duplicate city id", e.Summary)
	assert.Equal(t, b, e.File)
	assert.Equal(t, 2, e.Line)
	assert.Contains(t, e.Detail, filepath.Join(dir, "a"))
}

const waivedCam = universalCam + `
waiver "SEC-005" {
  resources   = ["system.cam"]
  reason      = "replacement ordered"
  approved_by = "ciso"
  expires     = "2026-03-31"
}
`

// TestBaselineNeverKeepsWaivedFindings: a finding waived when the baseline
// was written fails the gate again once the waiver expires, whether the
// baseline came from citygate baseline or from check -f json.
func TestBaselineNeverKeepsWaivedFindings(t *testing.T) {
	dir := t.TempDir()
	inv := write(t, dir, "cam.hcl", waivedCam)
	fromBaseline := filepath.Join(dir, "baseline.json")
	_, stderr, code := citygate(t, "baseline", inv, "--rule", "SEC-005", "--as-of", "2026-01-01", "-o", fromBaseline)
	require.Equal(t, 0, code, stderr)
	assert.Contains(t, stderr, "1 waived findings not recorded")
	b, err := os.ReadFile(fromBaseline)
	require.NoError(t, err)
	assert.NotContains(t, string(b), `"kind": "waiver"`, "the baseline records no waived finding")

	fromCheck := filepath.Join(dir, "check.json")
	_, stderr, code = citygate(t, "check", inv, "--rule", "SEC-005", "--as-of", "2026-01-01", "-q", "-f", "json", "-o", fromCheck)
	require.Equal(t, 0, code, "waived while the waiver holds: %s", stderr)

	for _, baseline := range []string{fromBaseline, fromCheck} {
		out, stderr, code := citygate(t, "check", inv, "--rule", "SEC-005", "--as-of", "2026-06-01", "-q", "--baseline", baseline, "--compact", "--fail-on", "critical")
		assert.Equal(t, 1, code, "after expiry the finding fails the gate (%s): %s%s", baseline, out, stderr)
		assert.Contains(t, out, "critical SEC-005")
	}
}

// TestWaiverExpiryWinsOverBaseline: a finding recorded open in a baseline
// and later waived fails once the waiver expires; the baseline must not
// keep suppressing it (engine/suppress.go).
func TestWaiverExpiryWinsOverBaseline(t *testing.T) {
	dir := t.TempDir()
	inv := write(t, dir, "cam.hcl", universalCam)
	baseline := filepath.Join(dir, "baseline.json")
	_, stderr, code := citygate(t, "baseline", inv, "--rule", "SEC-005", "--as-of", "2026-01-01", "-o", baseline, "-q")
	require.Equal(t, 0, code, stderr)
	require.NoError(t, os.WriteFile(inv, []byte(waivedCam), 0o644))
	// --fail-on critical: the expired waiver's own (high) finding must not
	// be what fails the run; the critical finding itself must.
	out, _, code := citygate(t, "check", inv, "--rule", "SEC-005", "--as-of", "2026-06-01", "-q", "--baseline", baseline,
		"--compact", "--show-suppressed", "--fail-on", "critical")
	assert.Equal(t, 1, code, out)
	assert.NotContains(t, out, "(baselined)")
	assert.Contains(t, out, "critical SEC-005")
}

// TestExitCodeAgreesWithJSON: over the fixtures and the failure cases, the
// exit code and the JSON summary tell the same story.
func TestExitCodeAgreesWithJSON(t *testing.T) {
	dir := t.TempDir()
	empty := write(t, dir, "empty.hcl", "")
	for _, tc := range []struct {
		args []string
		code int
	}{
		{[]string{"../../fixtures/city"}, 1},
		{[]string{"../../fixtures/bid"}, 1},
		{[]string{"../../fixtures/city", "--fail-on", "none"}, 0},
		{[]string{"../../fixtures/compliant"}, 0},
		{[]string{"../../fixtures/invalid/unknown_attribute.hcl"}, 2},
		{[]string{"../../fixtures/invalid/unknown_attribute.hcl", "../../fixtures/city"}, 2},
		{[]string{empty}, 2},
	} {
		out, stderr, code := citygate(t, append([]string{"check", "-q", "-f", "json", "--as-of", "2026-11-23"}, tc.args...)...)
		require.Equal(t, tc.code, code, "%v: %s", tc.args, stderr)
		var doc struct {
			Summary map[string]any `json:"summary"`
			Errors  []any          `json:"errors"`
		}
		require.NoError(t, json.Unmarshal([]byte(out), &doc), tc.args)
		switch tc.code {
		case 0, 1:
			assert.Empty(t, doc.Errors, tc.args)
		case 2:
			assert.NotEmpty(t, doc.Errors, tc.args)
		}
		assert.Equal(t, map[int]string{0: "pass", 1: "fail", 2: "error"}[tc.code], doc.Summary["status"], tc.args)
		assert.NotContains(t, doc.Summary, "failed", "no \"failed\": false beside errors")
	}
}

// TestQuietAndVersionEverywhere: -q is accepted by every command, and
// --version prints what version does.
func TestQuietAndVersionEverywhere(t *testing.T) {
	root := newRootCmd(&strings.Builder{}, &strings.Builder{})
	for _, c := range root.Commands() {
		if c.Name() == "help" || c.Name() == "completion" {
			continue
		}
		_, stderr, code := citygate(t, c.Name(), "-q", "--help")
		assert.Equal(t, 0, code, "%s -q: %s", c.Name(), stderr)
	}
	version, _, code := citygate(t, "version")
	require.Equal(t, 0, code)
	flag, _, code := citygate(t, "--version")
	require.Equal(t, 0, code)
	assert.Equal(t, version, flag)
	assert.True(t, strings.HasPrefix(flag, "citygate "), flag)
}

// TestEnvironmentErrorsNameTheVariable: a bad CITYGATE_* value is blamed
// on the variable, not on a config file that does not exist; parameters
// from CITYGATE_PARAMS_* are checked like the file's.
func TestEnvironmentErrorsNameTheVariable(t *testing.T) {
	t.Chdir(t.TempDir())
	inv := write(t, ".", "cam.hcl", universalCam)
	t.Setenv("CITYGATE_PARALLEL", "abc")
	_, stderr, code := citygate(t, "check", inv, "-q")
	assert.Equal(t, 2, code)
	assert.Contains(t, stderr, `environment variable CITYGATE_PARALLEL="abc"`)
	assert.NotContains(t, stderr, ".citygate.yaml")
	t.Setenv("CITYGATE_PARALLEL", "2")

	t.Setenv("CITYGATE_PARAMS_NO_SUCH_PARAM", "3")
	_, stderr, code = citygate(t, "check", inv, "-q")
	assert.Equal(t, 2, code)
	assert.Contains(t, stderr, "params.no_such_param")
}
