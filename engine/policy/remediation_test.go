package policy_test

import (
	"regexp"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/citygate/citygate/engine/policy"
)

// TestRemediationRendersParams: the fix text of PRIV-005 says the
// configured video limit; the template keeps its placeholders.
func TestRemediationRendersParams(t *testing.T) {
	lib, errs := policy.Load([]policy.Source{policy.Builtin()}, policy.Options{Rules: []string{"PRIV-005"},
		Params: map[string]any{"retention_max_days": map[string]any{"video": 14}}})
	require.Empty(t, errs, "%v", errs)
	r := lib.Rules()[0]
	assert.Contains(t, r.Remediation, "(video 14, location 3, biometric 1 days; params retention_max_days)")
	assert.Contains(t, r.RemediationTemplate, "(video {params.retention_max_days.video}, location {params.retention_max_days.location}, biometric {params.retention_max_days.biometric} days;")
	assert.Equal(t, map[string]any{"params.retention_max_days.video": 14.0, "params.retention_max_days.location": 3.0, "params.retention_max_days.biometric": 1.0},
		r.RemediationArgs)
}

// TestBuiltinRemediationsNameNoFixedThreshold: a built-in fix text that
// names a parameter shows its value through a placeholder, never a
// hard-coded default ("default 12") that a city's override would
// contradict.
func TestBuiltinRemediationsNameNoFixedThreshold(t *testing.T) {
	defaults, err := policy.DefaultParams()
	require.NoError(t, err)
	lib, errs := policy.Load([]policy.Source{policy.Builtin()}, policy.Options{})
	require.Empty(t, errs, "%v", errs)
	templated := 0
	for _, r := range lib.Rules() {
		text := r.RemediationTemplate
		assert.NotRegexp(t, `(?i)default \d|\d+ by default`, text, r.ID)
		for name, v := range defaults {
			if _, isMap := v.(map[string]any); isMap || !regexp.MustCompile(`\b`+name+`\b`).MatchString(text) {
				continue
			}
			assert.Contains(t, text, "{params."+name, "%s names %s without showing its value", r.ID, name)
		}
		if strings.Contains(text, "{params.") {
			templated++
		}
	}
	assert.Equal(t, 17, templated)
}

// TestRemediationPlaceholderErrors: a user rule whose remediation names a
// parameter that does not exist fails to load, at its METADATA.
func TestRemediationPlaceholderErrors(t *testing.T) {
	rule := strings.Replace(deny("true"), "#   principle: privacy\n",
		"#   principle: privacy\n#   remediation: Keep footage at most {params.retention_max_days.vidoe} days.\n", 1)
	mfs := fstest.MapFS{"rule.rego": {Data: []byte(rule)}}
	_, errs := policy.Load([]policy.Source{policy.Builtin(), {FS: mfs, Prefix: "user"}}, policy.Options{NoBuiltinRules: true})
	require.Len(t, errs, 1, "%v", errs)
	assert.Equal(t, "user/rule.rego:1:1: METADATA of citygate.rules.privacy.camera_register: custom.remediation: "+
		"remediation placeholder {params.retention_max_days.vidoe} names no parameter: params.retention_max_days has no vidoe "+
		"(hint: remediation placeholders name parameters of data.citygate.params, e.g. {params.pia_max_age_months})", errs[0].Error())

	rule = strings.Replace(deny("true"), "#   principle: privacy\n",
		"#   principle: privacy\n#   remediation: Keep footage at most {params.retention_max_days.video} days.\n", 1)
	lib, errs := policy.Load([]policy.Source{policy.Builtin(), {FS: fstest.MapFS{"rule.rego": {Data: []byte(rule)}}, Prefix: "user"}},
		policy.Options{NoBuiltinRules: true, Params: map[string]any{"retention_max_days": map[string]any{"video": 14}}})
	require.Empty(t, errs, "%v", errs)
	assert.Equal(t, "Keep footage at most 14 days.", lib.Rules()[0].Remediation)
}
