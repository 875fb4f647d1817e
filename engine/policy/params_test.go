package policy_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/citygate/citygate/engine/policy"
)

// TestEveryParamsErrorSorted: three typos, two of them nested, give the
// same three errors in path order on every run (map order used to pick
// one at random).
func TestEveryParamsErrorSorted(t *testing.T) {
	overrides := map[string]any{
		"max_waiver_dayz": 30,
		"retention_max_days": map[string]any{
			"zzz_unknown": 1,
			"aaa_unknown": 2,
		},
		"pia_max_age_months": "soon",
	}
	var first []string
	for run := range 10 {
		_, errs := policy.Load([]policy.Source{policy.Builtin()}, policy.Options{Params: overrides})
		var got []string
		for _, e := range errs {
			got = append(got, e.Message)
		}
		if run == 0 {
			first = got
			continue
		}
		require.Equal(t, first, got, "run %d", run)
	}
	assert.Equal(t, []string{
		"unknown parameter params.max_waiver_dayz",
		"parameter params.pia_max_age_months must be a number, got the string \"soon\"",
		"unknown parameter params.retention_max_days.aaa_unknown",
		"unknown parameter params.retention_max_days.zzz_unknown",
	}, first)
}

// TestNestedOverrideKeepsTheOtherDefaults: overriding one key of a nested
// parameter leaves its siblings at their defaults.
func TestNestedOverrideKeepsTheOtherDefaults(t *testing.T) {
	defaults, err := policy.DefaultParams()
	require.NoError(t, err)
	nested := defaults["retention_max_days"].(map[string]any)
	var key string
	for k := range nested {
		key = k
		break
	}
	lib, errs := policy.Load([]policy.Source{policy.Builtin()}, policy.Options{Params: map[string]any{
		"retention_max_days": map[string]any{key: 1},
	}})
	require.Empty(t, errs)
	got := lib.Params()["retention_max_days"].(map[string]any)
	assert.Equal(t, 1.0, got[key])
	assert.Len(t, got, len(nested))
}

// TestParamTypeErrorsNameTheType: a number written as a string reads as a
// string in the message, not as the number it looks like.
func TestParamTypeErrorsNameTheType(t *testing.T) {
	for _, c := range []struct {
		value any
		want  string
	}{
		{"36", `parameter params.pia_max_age_months must be a number, got the string "36"`},
		{true, `parameter params.pia_max_age_months must be a number, got true`},
		{[]any{"36"}, `parameter params.pia_max_age_months must be a number, got the list ["36"]`},
		{nil, `parameter params.pia_max_age_months must be a number, got nothing (null)`},
	} {
		_, errs := policy.Load([]policy.Source{policy.Builtin()}, policy.Options{Params: map[string]any{"pia_max_age_months": c.value}})
		require.Len(t, errs, 1, "%v", c.value)
		assert.Equal(t, c.want, errs[0].Message)
	}
	_, errs := policy.Load([]policy.Source{policy.Builtin()}, policy.Options{Params: map[string]any{"minimum_tls": 1.2}})
	require.Len(t, errs, 1)
	assert.Equal(t, `parameter params.minimum_tls must be a string, got the number 1.2`, errs[0].Message)
	_, errs = policy.Load([]policy.Source{policy.Builtin()}, policy.Options{Params: map[string]any{"retention_max_days": 30}})
	require.Len(t, errs, 1)
	assert.Equal(t, `parameter params.retention_max_days must be a map, got the number 30`, errs[0].Message)
}
