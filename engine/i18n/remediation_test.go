package i18n

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/citygate/citygate/engine/finding"
	"github.com/citygate/citygate/engine/policy"
)

// TestRemediationFollowsParams: with a city's params, the fix text says
// the city's numbers in every language, never the defaults and never a
// bare placeholder.
func TestRemediationFollowsParams(t *testing.T) {
	lib, errs := policy.Load([]policy.Source{policy.Builtin()}, policy.Options{Params: map[string]any{
		"retention_max_days":  map[string]any{"video": 14},
		"patch_critical_days": 7,
	}})
	require.Empty(t, errs, "%v", errs)
	rules := map[string]finding.Rule{}
	for _, r := range lib.Rules() {
		rules[r.ID] = r
	}
	want := map[string][2]string{
		"en": {"(video 14, location 3, biometric 1 days;", "at most patch_critical_days (7)"},
		"fr": {"(vidéo 14, localisation 3, biométrie 1 jours ;", "à au plus patch_critical_days (7)"},
		"es": {"(vídeo 14, ubicación 3, biometría 1 días;", "como máximo en patch_critical_days (7)"},
		"ru": {"(видео 14, местоположение 3, биометрия 1 дн.;", "не выше patch_critical_days (7)"},
		"vi": {"(video 14, vị trí 3, sinh trắc học 1 ngày;", "không quá patch_critical_days (7)"},
		"ar": {"(الفيديو ١٤، الموقع ٣، البيومترية ١ أيام؛", "لا تتجاوز patch_critical_days (٧)"}, // the language's digits, as in messages
	}
	for _, l := range Languages {
		c, err := Load(l.Code)
		require.NoError(t, err)
		assert.Contains(t, c.RuleRemediation(rules["PRIV-005"]), want[l.Code][0], l.Code)
		assert.Contains(t, c.RuleRemediation(rules["SEC-009"]), want[l.Code][1], l.Code)
		for _, r := range rules {
			assert.NotContains(t, c.RuleRemediation(r), "{params.", "%s %s", l.Code, r.ID)
		}

		// A finding's fix text follows its rule's params too; a finding
		// whose rule the result does not list keeps its English text.
		res := &finding.Result{
			Rules: []finding.Rule{rules["PRIV-005"]},
			Findings: []finding.Finding{
				{RuleID: "PRIV-005", Remediation: rules["PRIV-005"].Remediation},
				{RuleID: "SEC-009", Remediation: rules["SEC-009"].Remediation},
			},
		}
		out := c.Localize(res)
		assert.Contains(t, out.Findings[0].Remediation, want[l.Code][0], l.Code)
		assert.Equal(t, c.RuleRemediation(rules["PRIV-005"]), out.Findings[0].Remediation, l.Code)
		if l.Code != Default {
			assert.Equal(t, rules["SEC-009"].Remediation, out.Findings[1].Remediation, "%s: no args, English", l.Code)
		}
		assert.False(t, strings.Contains(out.Rules[0].Remediation, "{"), l.Code)
	}
}
