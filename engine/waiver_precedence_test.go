package engine_test

import (
	"context"
	"testing"
	"testing/fstest"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/citygate/citygate/engine"
	"github.com/citygate/citygate/engine/finding"
	"github.com/citygate/citygate/engine/policy"
)

// oneCamera has one SEC-005 finding, on system.cam-a at line 2.
const oneCamera = "system \"cam-a\" {\n  auth { default_credentials = \"universal\" }\n}\n"

func waiverUntil(expires string) string {
	return `waiver "SEC-005" {
  resources   = ["system.cam-a"]
  reason      = "replaced in the refresh"
  approved_by = "CISO"
  approved_on = "2026-01-01"
  expires     = "` + expires + `"
}
`
}

// baselineOf is the fingerprints of every finding of a check.
func baselineOf(res *finding.Result) map[string]bool {
	fps := map[string]bool{}
	for _, f := range res.Findings {
		fps[f.Fingerprint] = true
	}
	return fps
}

// TestWaiverExpiryAtTheBoundary: a waiver suppresses on its expires day
// and is reported expired the day after (docs/waivers.md: active while
// the evaluation date is on or before expires).
func TestWaiverExpiryAtTheBoundary(t *testing.T) {
	files := map[string]string{"inv/systems.hcl": oneCamera, "inv/waivers.hcl": waiverUntil("2026-06-30")}
	on := checkFSRules(t, sec005, files, engine.WithAsOf("2026-06-30"))
	require.Empty(t, on.Errors)
	assert.Empty(t, open(on, "SEC-005"))
	assert.Empty(t, open(on, "WAIVER-EXPIRED"))

	after := checkFSRules(t, sec005, files, engine.WithAsOf("2026-07-01"))
	require.Empty(t, after.Errors)
	assert.Equal(t, []string{"system.cam-a@2"}, open(after, "SEC-005"))
	assert.Equal(t, []string{"waiver.SEC-005@6"}, open(after, "WAIVER-EXPIRED"), "reported once")
}

// TestWaivedAndBaselinedKeepsTheWaiver: a finding both waived and in the
// baseline is suppressed by the waiver, whose reason and expiry a
// reviewer needs.
func TestWaivedAndBaselinedKeepsTheWaiver(t *testing.T) {
	before := checkFSRules(t, sec005, map[string]string{"inv/systems.hcl": oneCamera})
	files := map[string]string{"inv/systems.hcl": oneCamera, "inv/waivers.hcl": waiverUntil("2026-06-30")}
	res := checkFSRules(t, sec005, files, engine.WithAsOf("2026-03-01"), engine.WithBaseline(baselineOf(before)))
	require.Empty(t, res.Errors)
	require.Len(t, res.Findings, 1)
	assert.Equal(t, "waiver", res.Findings[0].Suppressed.Kind)
	assert.Equal(t, "replaced in the refresh", res.Findings[0].Suppressed.Reason)
}

// TestExpiredWaiverWinsOverTheBaseline: once the waiver has expired,
// neither its finding nor the WAIVER-EXPIRED finding is hidden by a
// baseline that holds both, so the expiry fails the gate.
func TestExpiredWaiverWinsOverTheBaseline(t *testing.T) {
	files := map[string]string{"inv/systems.hcl": oneCamera, "inv/waivers.hcl": waiverUntil("2026-06-30")}
	first := checkFSRules(t, sec005, files, engine.WithAsOf("2026-07-01"))
	require.Len(t, first.Findings, 2)
	res := checkFSRules(t, sec005, files, engine.WithAsOf("2026-07-01"), engine.WithBaseline(baselineOf(first)))
	assert.Equal(t, []string{"system.cam-a@2"}, open(res, "SEC-005"))
	assert.Equal(t, []string{"waiver.SEC-005@6"}, open(res, "WAIVER-EXPIRED"))
	assert.Zero(t, res.Summary.Suppressed)
	assert.True(t, res.Summary.Failed)
}

// TestWaiverLengthLimit: 365 days from approved_on is allowed and 366 is
// not, by default; params.max_waiver_days moves the limit.
func TestWaiverLengthLimit(t *testing.T) {
	tooLate := func(res *finding.Result) bool {
		for _, e := range res.Errors {
			if e.Summary == "Waiver expires too late" {
				return true
			}
		}
		return false
	}
	at := engine.WithAsOf("2026-03-01")
	files := func(expires string) map[string]string {
		return map[string]string{"inv/systems.hcl": oneCamera, "inv/waivers.hcl": waiverUntil(expires)}
	}
	assert.False(t, tooLate(checkFSRules(t, sec005, files("2027-01-01"), at)), "365 days")
	assert.True(t, tooLate(checkFSRules(t, sec005, files("2027-01-02"), at)), "366 days")

	withMax := func(days int, expires string) *finding.Result {
		mfs := fstest.MapFS{}
		for name, body := range files(expires) {
			mfs[name] = &fstest.MapFile{Data: []byte(body)}
		}
		lib, errs := policy.Load([]policy.Source{policy.Builtin()}, policy.Options{Rules: sec005, Params: map[string]any{"max_waiver_days": days}})
		require.Empty(t, errs, "%v", errs)
		eng, err := engine.New(context.Background(), lib, at, engine.WithFS(mfs))
		require.NoError(t, err)
		return mustCheck(t, eng, "inv")
	}
	assert.False(t, tooLate(withMax(30, "2026-01-31")), "30 days under max_waiver_days 30")
	assert.True(t, tooLate(withMax(30, "2026-02-01")), "31 days under max_waiver_days 30")
	assert.False(t, tooLate(withMax(400, "2027-02-01")), "396 days under max_waiver_days 400")
}
