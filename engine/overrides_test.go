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

// twoCities are two inventories with the same two SEC-005 findings
// (critical: universal default passwords).
var twoCities = fstest.MapFS{
	"cities/hanoi/systems.hcl":  {Data: []byte(twoCameras)},
	"cities/lisboa/systems.hcl": {Data: []byte(twoCameras)},
}

func checkCities(t *testing.T, opts ...engine.Option) *finding.Result {
	t.Helper()
	lib, errs := policy.Load([]policy.Source{policy.Builtin()}, policy.Options{Rules: []string{"SEC-005", "SEC-016"}})
	require.Empty(t, errs, "%v", errs)
	eng, err := engine.New(context.Background(), lib, append([]engine.Option{
		engine.WithAsOf(policy.TestAsOf), engine.WithFS(twoCities), engine.WithFailOn("high")}, opts...)...)
	require.NoError(t, err)
	return mustCheck(t, eng, "cities/hanoi", "cities/lisboa")
}

// findingsOf lists a result's findings as "inventory rule severity resource@line".
func findingsOf(res *finding.Result) []string {
	var out []string
	for _, f := range res.Findings {
		out = append(out, f.Inventory+" "+f.RuleID+" "+string(f.Severity)+" "+f.Resource.String()+"@"+itoa(f.Location.Start.Line))
	}
	return out
}

// fingerprints are a result's fingerprints by rule, resource and line.
func fingerprints(res *finding.Result) map[string]string {
	out := map[string]string{}
	for _, f := range res.Findings {
		out[f.Inventory+" "+f.RuleID+" "+f.Resource.String()+"@"+itoa(f.Location.Start.Line)+" "+f.Field] = f.Fingerprint
	}
	return out
}

// cityFindings are the findings of twoCameras in one city at a SEC-005 severity.
func cityFindings(city, sec005 string) []string {
	return []string{
		city + " SEC-016 medium system.cam-a@1",
		city + " SEC-016 medium system.cam-a@1",
		city + " SEC-005 " + sec005 + " system.cam-a@2",
		city + " SEC-016 medium system.cam-b@5",
		city + " SEC-016 medium system.cam-b@5",
		city + " SEC-005 " + sec005 + " system.cam-b@6",
	}
}

func cat(lists ...[]string) []string {
	var out []string
	for _, l := range lists {
		out = append(out, l...)
	}
	return out
}

// ruleEvidence lists one rule's evidence as "inventory resource status".
func ruleEvidence(res *finding.Result, rule string) []string {
	var out []string
	for _, e := range res.Evidence {
		if e.RuleID == rule {
			r := "-"
			if e.Resource != nil {
				r = e.Resource.String()
			}
			out = append(out, e.Inventory+" "+r+" "+string(e.Status))
		}
	}
	return out
}

func TestRuleOverrides(t *testing.T) {
	plain := checkCities(t)
	require.Empty(t, plain.Errors)
	assert.Equal(t, cat(cityFindings("cities/hanoi", "critical"), cityFindings("cities/lisboa", "critical")), findingsOf(plain))
	assert.Nil(t, plain.Overrides, "no override, nothing to show")
	assert.Equal(t, 1, plain.ExitCode())

	t.Run("severity everywhere", func(t *testing.T) {
		res := checkCities(t, engine.WithRuleOverrides([]engine.RuleOverride{{RuleID: "SEC-005", Severity: finding.Medium}}))
		assert.Equal(t, cat(cityFindings("cities/hanoi", "medium"), cityFindings("cities/lisboa", "medium")), findingsOf(res),
			"the same findings at the new severity")
		assert.Equal(t, fingerprints(plain), fingerprints(res), "and the same fingerprints")
		assert.Equal(t, 0, res.ExitCode(), "medium is below --fail-on high")
		assert.Equal(t, finding.RunPass, res.Summary.Status)
		assert.Equal(t, map[finding.Severity]int{"critical": 0, "high": 0, "medium": 12, "low": 0}, res.Summary.BySeverity)
		assert.Equal(t, []finding.Override{{RuleID: "SEC-005", Severity: finding.Medium, From: finding.Critical,
			Inventories: []string{"cities/hanoi", "cities/lisboa"}}}, res.Overrides)
		assert.Equal(t, ruleEvidence(plain, "SEC-005"), ruleEvidence(res, "SEC-005"), "a severity changes no status")
	})

	t.Run("disabled for one city of two", func(t *testing.T) {
		res := checkCities(t, engine.WithRuleOverrides([]engine.RuleOverride{{RuleID: "SEC-005", Disabled: true, Paths: []string{"cities/hanoi/**"}}}))
		hanoi := cityFindings("cities/hanoi", "")
		hanoi = []string{hanoi[0], hanoi[1], hanoi[3], hanoi[4]}
		assert.Equal(t, cat(hanoi, cityFindings("cities/lisboa", "critical")), findingsOf(res), "hanoi skips the rule, lisboa keeps it")
		assert.Equal(t, []string{
			"cities/lisboa system.cam-a fail",
			"cities/lisboa system.cam-b fail",
		}, ruleEvidence(res, "SEC-005"), "not evaluated in hanoi: no evidence, never a pass")
		assert.Equal(t, ruleEvidence(plain, "SEC-016"), ruleEvidence(res, "SEC-016"), "other rules untouched")
		assert.Equal(t, finding.RunPass, res.Inventories[0].Status, "SEC-016's findings are medium, below --fail-on high")
		assert.Equal(t, plain.Inventories[0].Counts.Total()-1, res.Inventories[0].Counts.Total(), "hanoi counts one rule fewer")
		assert.Equal(t, 0, res.Inventories[0].Counts.Of(finding.StatusPass), "and none of them as passed")
		assert.Equal(t, finding.RunFail, res.Inventories[1].Status)
		assert.Equal(t, []finding.Override{{RuleID: "SEC-005", Disabled: true, Paths: []string{"cities/hanoi/**"},
			Inventories: []string{"cities/hanoi"}}}, res.Overrides)
		assert.Equal(t, 1, res.ExitCode())
	})

	t.Run("a baseline still matches", func(t *testing.T) {
		fps := map[string]bool{}
		for _, f := range plain.Findings {
			fps[f.Fingerprint] = true
		}
		res := checkCities(t, engine.WithBaseline(fps), engine.WithRuleOverrides([]engine.RuleOverride{{RuleID: "SEC-005", Severity: finding.Low}}))
		for _, f := range res.Findings {
			require.NotNil(t, f.Suppressed, "%s", f.Fingerprint)
			assert.Equal(t, "baseline", f.Suppressed.Kind)
		}
	})
}

func TestRuleOverrideErrors(t *testing.T) {
	lib, errs := policy.Load([]policy.Source{policy.Builtin()}, policy.Options{Rules: []string{"SEC-005"}})
	require.Empty(t, errs, "%v", errs)
	for want, o := range map[string]engine.RuleOverride{
		`rule override: no loaded rule has id "SEC-0005"`:                                              {RuleID: "SEC-0005", Disabled: true},
		`rule override of SEC-005: invalid severity "urgent": want one of critical, high, medium, low`: {RuleID: "SEC-005", Severity: "urgent"},
		`rule override of SEC-005: changes nothing (set severity, or enabled: false)`:                  {RuleID: "SEC-005"},
		`rule override of SEC-005: glob "cities/[h": unclosed [ at byte 8`:                             {RuleID: "SEC-005", Disabled: true, Paths: []string{"cities/[h"}},
	} {
		_, err := engine.New(context.Background(), lib, engine.WithRuleOverrides([]engine.RuleOverride{o}))
		assert.EqualError(t, err, want)
	}
	// A rule left out by --skip-rule or --rule: nothing to override, not an error.
	eng, err := engine.New(context.Background(), lib, engine.WithRuleOverrides([]engine.RuleOverride{{RuleID: "PRIV-002", Disabled: true}}))
	require.NoError(t, err)
	require.NotNil(t, eng)
}
