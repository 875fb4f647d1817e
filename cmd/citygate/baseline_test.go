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

// suppressions runs check -f json and returns, per resource id, how each
// SEC-005 finding is suppressed ("" when open), and the exit code.
func suppressions(t *testing.T, args ...string) (map[string]string, int) {
	t.Helper()
	out, stderr, code := citygate(t, append([]string{"check", "-q", "-f", "json", "--rule", "SEC-005", "--as-of", "2026-03-01"}, args...)...)
	require.NotEqual(t, 2, code, stderr)
	var doc struct {
		Findings []struct {
			RuleID   string `json:"rule_id"`
			Resource struct {
				ID string `json:"id"`
			} `json:"resource"`
			Suppressed *struct {
				Kind string `json:"kind"`
			} `json:"suppressed"`
		} `json:"findings"`
	}
	require.NoError(t, json.Unmarshal([]byte(out), &doc), out)
	got := map[string]string{}
	for _, f := range doc.Findings {
		kind := ""
		if f.Suppressed != nil {
			kind = f.Suppressed.Kind
		}
		got[f.RuleID+" "+f.Resource.ID] = kind
	}
	return got, code
}

const secondCam = `system "cam2" {
  category = "iot"
  auth {
    default_credentials = "universal"
  }
}
`

// TestBaselineCommandAndFlag: citygate baseline records today's findings;
// check --baseline suppresses exactly those, so only a new one fails.
func TestBaselineCommandAndFlag(t *testing.T) {
	dir := t.TempDir()
	inv := filepath.Join(dir, "inv")
	write(t, inv, "cam.hcl", universalCam)
	base := filepath.Join(dir, "base.json")

	_, stderr, code := citygate(t, "baseline", inv, "-q", "--rule", "SEC-005", "--as-of", "2026-03-01", "-o", base)
	require.Equal(t, 0, code, stderr)
	assert.Contains(t, stderr, "baseline of 1 findings written to "+base)
	b, err := os.ReadFile(base)
	require.NoError(t, err)
	assert.Contains(t, string(b), `"fingerprint": "`)

	got, code := suppressions(t, inv)
	assert.Equal(t, map[string]string{"SEC-005 cam": ""}, got)
	assert.Equal(t, 1, code, "without the baseline the finding fails")

	got, code = suppressions(t, inv, "--baseline", base)
	assert.Equal(t, map[string]string{"SEC-005 cam": "baseline"}, got)
	assert.Equal(t, 0, code, "with it nothing is new")

	write(t, inv, "cam2.hcl", secondCam)
	got, code = suppressions(t, inv, "--baseline", base)
	assert.Equal(t, map[string]string{"SEC-005 cam": "baseline", "SEC-005 cam2": ""}, got)
	assert.Equal(t, 1, code, "the new camera fails the gate")
}

// TestWaiverWinsOverBaseline: a finding both waived and baselined shows
// the waiver; once the waiver expires the baseline does not hide it.
func TestWaiverWinsOverBaseline(t *testing.T) {
	dir := t.TempDir()
	inv := filepath.Join(dir, "inv")
	write(t, inv, "cam.hcl", universalCam)
	base := filepath.Join(dir, "base.json")
	_, stderr, code := citygate(t, "baseline", inv, "-q", "--rule", "SEC-005", "--as-of", "2026-03-01", "-o", base)
	require.Equal(t, 0, code, stderr)

	write(t, inv, "waivers.hcl", `waiver "SEC-005" {
  resources   = ["system.cam"]
  reason      = "replaced in the refresh"
  approved_by = "CISO"
  approved_on = "2026-01-01"
  expires     = "2026-06-30"
}
`)
	got, code := suppressions(t, inv, "--baseline", base)
	assert.Equal(t, map[string]string{"SEC-005 cam": "waiver"}, got)
	assert.Equal(t, 0, code)

	got, code = suppressions(t, inv, "--baseline", base, "--as-of", "2026-07-01")
	assert.Equal(t, map[string]string{"SEC-005 cam": "", "WAIVER-EXPIRED SEC-005": ""}, got)
	assert.Equal(t, 1, code, "the expired waiver fails the gate despite the baseline")
}

func TestBadBaseline(t *testing.T) {
	dir := t.TempDir()
	inv := write(t, dir, "cam.hcl", universalCam)
	for body, want := range map[string]string{
		"not json":                "is not a citygate JSON result",
		`{"schema_version": "9"}`: `has schema_version "9"`,
	} {
		base := write(t, dir, "base.json", body)
		_, stderr, code := citygate(t, "check", "-q", inv, "--baseline", base)
		assert.Equal(t, 2, code)
		assert.True(t, strings.Contains(stderr, want), stderr)
	}
	_, stderr, code := citygate(t, "baseline", inv)
	assert.Equal(t, 2, code)
	assert.Contains(t, stderr, "baseline needs -o FILE")
}
