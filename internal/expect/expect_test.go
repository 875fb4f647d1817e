package expect

import (
	"testing"
	"testing/fstest"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/citygate/citygate/engine/finding"
)

func TestMarkers(t *testing.T) {
	fsys := fstest.MapFS{
		"a.hcl": {Data: []byte("system \"x\" { # expect: SEC-003, SEC-004\n  auth {} // expect: SEC-006 (waived)\n}\n")},
		"b.hcl": {Data: []byte("# expect: not a rule\n")},
	}
	got, err := Markers(fsys, []string{"a.hcl"})
	require.NoError(t, err)
	assert.Equal(t, []Expectation{
		{File: "a.hcl", Line: 1, RuleID: "SEC-003"},
		{File: "a.hcl", Line: 1, RuleID: "SEC-004"},
		{File: "a.hcl", Line: 2, RuleID: "SEC-006", Suppressed: "waived"},
	}, got)
	_, err = Markers(fsys, []string{"b.hcl"})
	assert.EqualError(t, err, `b.hcl:1: cannot read expectation "not a rule": write # expect: RULE-ID[, RULE-ID (waived)]`)
}

func TestCompareIsAMultiset(t *testing.T) {
	at := func(line int, rule string, sup *finding.Suppression) finding.Finding {
		return finding.Finding{RuleID: rule, Location: finding.Location{File: "a.hcl", Start: finding.Position{Line: line}}, Suppressed: sup}
	}
	want := []Expectation{
		{File: "a.hcl", Line: 1, RuleID: "SEC-003"},
		{File: "a.hcl", Line: 1, RuleID: "SEC-003"},
		{File: "a.hcl", Line: 2, RuleID: "SEC-006", Suppressed: "waived"},
	}
	d := Compare(want, []finding.Finding{
		at(1, "SEC-003", nil),
		at(2, "SEC-006", nil), // open, but expected waived
		at(3, "SEC-009", &finding.Suppression{Kind: "baseline"}),
	})
	assert.False(t, d.OK())
	assert.Equal(t, []Expectation{want[1], want[2]}, d.Missing)
	require.Len(t, d.Unexpected, 2)
	assert.Equal(t, "SEC-006", d.Unexpected[0].RuleID)
	assert.Equal(t, "baselined", Suppression(d.Unexpected[1]))
}

// TestCompareRightRuleWrongLine: the rule alone is not enough; a finding
// one line away from its marker is both missing and unexpected.
func TestCompareRightRuleWrongLine(t *testing.T) {
	want := []Expectation{{File: "a.hcl", Line: 4, RuleID: "SEC-005"}}
	got := []finding.Finding{{RuleID: "SEC-005", Location: finding.Location{File: "a.hcl", Start: finding.Position{Line: 5}}}}
	d := Compare(want, got)
	assert.False(t, d.OK())
	assert.Equal(t, want, d.Missing)
	assert.Equal(t, got, d.Unexpected)

	got[0].Location.Start.Line = 4
	assert.True(t, Compare(want, got).OK())
	got[0].Location.File = "b.hcl"
	assert.False(t, Compare(want, got).OK(), "nor the right line of another file")
}
