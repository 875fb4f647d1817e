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

// twoCameras has the same SEC-005 finding (universal default password) on
// two systems, at lines 2 and 6.
const twoCameras = `system "cam-a" {
  auth { default_credentials = "universal" }
}

system "cam-b" {
  auth { default_credentials = "universal" }
}
`

func checkFS(t *testing.T, files map[string]string, opts ...engine.Option) *finding.Result {
	t.Helper()
	return checkFSRules(t, nil, files, opts...)
}

// checkFSRules checks the inventory "inv" of an in-memory file system with
// only the given built-in rules (all when nil).
func checkFSRules(t *testing.T, rules []string, files map[string]string, opts ...engine.Option) *finding.Result {
	t.Helper()
	mfs := fstest.MapFS{}
	for name, body := range files {
		mfs[name] = &fstest.MapFile{Data: []byte(body)}
	}
	lib, errs := policy.Load([]policy.Source{policy.Builtin()}, policy.Options{Rules: rules})
	require.Empty(t, errs, "%v", errs)
	eng, err := engine.New(context.Background(), lib, append([]engine.Option{engine.WithAsOf(policy.TestAsOf), engine.WithFS(mfs)}, opts...)...)
	require.NoError(t, err)
	return mustCheck(t, eng, "inv")
}

// open returns the unsuppressed findings of one rule as "resource@line".
func open(res *finding.Result, rule string) []string {
	var out []string
	for _, f := range res.Findings {
		if f.RuleID == rule && f.Suppressed == nil {
			out = append(out, f.Resource.String()+"@"+itoa(f.Location.Start.Line))
		}
	}
	return out
}

func itoa(i int) string {
	b := []byte{}
	for ; i > 0; i /= 10 {
		b = append([]byte{byte('0' + i%10)}, b...)
	}
	return string(b)
}

func TestWaiverSuppressesOnlyItsResource(t *testing.T) {
	res := checkFS(t, map[string]string{
		"inv/systems.hcl": twoCameras,
		"inv/waivers.hcl": `waiver "SEC-005" {
  resources   = ["system.cam-a"]
  reason      = "replaced in the 2026 refresh"
  approved_by = "CISO"
  approved_on = "2025-12-01"
  expires     = "2026-06-30"
}
`,
	})
	require.Empty(t, res.Errors)
	assert.Equal(t, []string{"system.cam-b@6"}, open(res, "SEC-005"))
	var waived *finding.Finding
	for i, f := range res.Findings {
		if f.RuleID == "SEC-005" && f.Suppressed != nil {
			waived = &res.Findings[i]
		}
	}
	require.NotNil(t, waived)
	assert.Equal(t, "system.cam-a", waived.Resource.String())
	assert.Equal(t, &finding.Suppression{Kind: "waiver", Reason: "replaced in the 2026 refresh", ApprovedBy: "CISO", Expires: "2026-06-30"}, waived.Suppressed)
	assert.Empty(t, open(res, "WAIVER-UNUSED"))
	assert.Equal(t, 1, res.Summary.Suppressed)
}

func TestWaiverFieldsNarrowTheMatch(t *testing.T) {
	res := checkFS(t, map[string]string{
		"inv/systems.hcl": twoCameras,
		"inv/waivers.hcl": `waiver "SEC-005" {
  resources   = ["system.cam-a", "system.cam-b"]
  fields      = ["auth.mfa_privileged"]
  reason      = "wrong field on purpose"
  approved_by = "CISO"
  expires     = "2026-06-30"
}
`,
	})
	assert.Equal(t, []string{"system.cam-a@2", "system.cam-b@6"}, open(res, "SEC-005"))
	assert.Equal(t, []string{"waiver.SEC-005@1"}, open(res, "WAIVER-UNUSED"))
}

func TestExpiredWaiverFailsTheGate(t *testing.T) {
	res := checkFS(t, map[string]string{
		"inv/systems.hcl": twoCameras,
		"inv/waivers.hcl": `waiver "SEC-005" {
  resources   = ["system.cam-a"]
  reason      = "replaced in the 2025 refresh"
  approved_by = "CISO"
  expires     = "2025-12-31"
}
`,
	}, engine.WithFailOn("critical"))
	require.Empty(t, res.Errors)
	assert.Equal(t, []string{"system.cam-a@2", "system.cam-b@6"}, open(res, "SEC-005"), "an expired waiver suppresses nothing")
	assert.Equal(t, []string{"waiver.SEC-005@5"}, open(res, "WAIVER-EXPIRED"), "reported at its expires attribute")
	assert.True(t, res.Summary.Failed)
	assert.Equal(t, 1, res.ExitCode())
}

func TestInvalidWaivers(t *testing.T) {
	res := checkFS(t, map[string]string{
		"inv/systems.hcl": twoCameras,
		"inv/waivers.hcl": `waiver "SEC-999" {
  resources   = ["system.cam-a"]
  reason      = "no such rule"
  approved_by = "CISO"
  expires     = "2026-06-30"
}

waiver "SEC-005" {
  resources   = ["system.cam-a", "system.cam-z"]
  reason      = "cam-z is not declared"
  approved_by = "CISO"
  approved_on = "2025-01-01"
  expires     = "2027-01-01"
}
`,
	})
	var got []string
	for _, e := range res.Errors {
		got = append(got, e.Summary+"@"+itoa(e.Line)+":"+itoa(e.Column))
	}
	assert.Equal(t, []string{
		"Waiver for an unknown rule@1:8",
		"Waiver for an unknown resource@9:34",
		"Waiver expires too late@13:3",
	}, got)
	assert.Equal(t, 2, res.ExitCode())
	assert.Equal(t, []string{"system.cam-b@6"}, open(res, "SEC-005"), "findings are still reported")
}

var sec005 = []string{"SEC-005"}

func TestBaselineLetsOnlyNewFindingsFail(t *testing.T) {
	before := checkFSRules(t, sec005, map[string]string{"inv/systems.hcl": `system "cam-a" {
  auth { default_credentials = "universal" }
}
`})
	require.Len(t, before.Findings, 1)
	baseline := map[string]bool{before.Findings[0].Fingerprint: true}

	// Lines move and a second camera with the same problem appears.
	after := checkFSRules(t, sec005, map[string]string{"inv/systems.hcl": "# moved down\n\n" + twoCameras},
		engine.WithBaseline(baseline))
	assert.Equal(t, []string{"system.cam-b@8"}, open(after, "SEC-005"))
	require.Len(t, after.Findings, 2)
	assert.Equal(t, 1, after.Summary.Suppressed)
	assert.Equal(t, "baseline", after.Findings[0].Suppressed.Kind)
}

func TestFingerprints(t *testing.T) {
	a := finding.Fingerprint("lisboa", "SEC-005", finding.Resource{Kind: "system", ID: "cam"}, "auth.default_credentials")
	assert.Len(t, a, 32)
	assert.Equal(t, a, finding.Fingerprint("lisboa", "SEC-005", finding.Resource{Kind: "system", ID: "cam"}, "auth.default_credentials"))
	for _, other := range []string{
		finding.Fingerprint("lisboa", "SEC-006", finding.Resource{Kind: "system", ID: "cam"}, "auth.default_credentials"),
		finding.Fingerprint("lisboa", "SEC-005", finding.Resource{Kind: "system", ID: "cam2"}, "auth.default_credentials"),
		finding.Fingerprint("lisboa", "SEC-005", finding.Resource{Kind: "system", ID: "cam"}, "auth.mfa_privileged"),
		finding.Fingerprint("porto", "SEC-005", finding.Resource{Kind: "system", ID: "cam"}, "auth.default_credentials"),
		finding.Fingerprint("lisboa", "SEC-005", finding.Resource{Kind: "zone", ID: "cam"}, "auth.default_credentials"),
	} {
		assert.NotEqual(t, a, other)
	}
}

// TestFingerprintsSurviveReorderingFiles: the same inventory split over
// files in another order gives the same fingerprints.
func TestFingerprintsSurviveReorderingFiles(t *testing.T) {
	one := checkFSRules(t, sec005, map[string]string{"inv/a.hcl": twoCameras})
	two := checkFSRules(t, sec005, map[string]string{
		"inv/a.hcl": "system \"cam-b\" {\n  auth { default_credentials = \"universal\" }\n}\n",
		"inv/b.hcl": "system \"cam-a\" {\n  auth { default_credentials = \"universal\" }\n}\n",
	})
	fps := func(r *finding.Result) map[string]string {
		m := map[string]string{}
		for _, f := range r.Findings {
			m[f.Resource.ID] = f.Fingerprint
		}
		return m
	}
	assert.Equal(t, fps(one), fps(two))
}
