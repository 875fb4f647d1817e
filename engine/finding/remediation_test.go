package finding

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

var remediationParams = map[string]any{
	"pia_max_age_months": 24.0,
	"minimum_tls":        "1.2",
	"retention_max_days": map[string]any{"video": 14.0, "location": 3.0},
	"open_licenses":      []any{"CC0", "CC-BY-4.0"},
	"strict":             true,
}

// TestRenderRemediation: placeholders are parameter paths, filled as
// messages fill theirs (integers without decimals, lists joined); other
// braces stay as written.
func TestRenderRemediation(t *testing.T) {
	text, args, err := RenderRemediation("keep video {params.retention_max_days.video} days; PIA every {params.pia_max_age_months} months; "+
		"TLS {params.minimum_tls}; licences {params.open_licenses}; strict {params.strict}; { party = \"x\" } stays", remediationParams)
	require.NoError(t, err)
	assert.Equal(t, "keep video 14 days; PIA every 24 months; TLS 1.2; licences CC0, CC-BY-4.0; strict true; { party = \"x\" } stays", text)
	assert.Equal(t, map[string]any{
		"params.retention_max_days.video": 14.0, "params.pia_max_age_months": 24.0, "params.minimum_tls": "1.2",
		"params.open_licenses": "CC0, CC-BY-4.0", "params.strict": true,
	}, args)

	text, args, err = RenderRemediation("no placeholder", remediationParams)
	require.NoError(t, err)
	assert.Equal(t, "no placeholder", text)
	assert.Nil(t, args)
}

func TestRenderRemediationErrors(t *testing.T) {
	for text, want := range map[string]string{
		"{kind}":                             "remediation placeholder {kind} names no parameter: write {params.NAME}, e.g. {params.pia_max_age_months}",
		"{params.pia_max_age_monhts}":        "remediation placeholder {params.pia_max_age_monhts} names no parameter: params has no pia_max_age_monhts",
		"{params.retention_max_days.audio}":  "remediation placeholder {params.retention_max_days.audio} names no parameter: params.retention_max_days has no audio",
		"{params.retention_max_days}":        "remediation placeholder {params.retention_max_days} is a map of parameters: name one of its keys, e.g. {params.retention_max_days.location}",
		"{params.pia_max_age_months.x}":      "remediation placeholder {params.pia_max_age_months.x}: params.pia_max_age_months is not a map of parameters",
		"ok {params.minimum_tls}, not {x.y}": "remediation placeholder {x.y} names no parameter: write {params.NAME}, e.g. {params.pia_max_age_months}",
	} {
		_, _, err := RenderRemediation(text, remediationParams)
		assert.EqualError(t, err, want, text)
	}
}

// TestDottedPlaceholderNames: a dotted path is one placeholder name; an
// empty part or a leading digit is not a name.
func TestDottedPlaceholderNames(t *testing.T) {
	for s, want := range map[string]bool{
		"id": true, "params.x": true, "params.retention_max_days.video": true,
		"": false, ".x": false, "x.": false, "a..b": false, "a.1b": false, "a b": false,
	} {
		assert.Equal(t, want, IsPlaceholderName(s), s)
	}
}
