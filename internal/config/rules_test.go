package config

import (
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestRulesShape: every mistake in rules: is reported at its line and
// column with the config key that holds it.
func TestRulesShape(t *testing.T) {
	src := `rules:
  SEC-016: {severity: medium}
  PRIV-002: {enabled: false, paths: ["cities/hanoi/**"]}
  SEC-005: {severity: urgent}
  SEC-006: {enabled: "no"}
  SEC-007: {sevrity: low}
  SEC-008: {paths: ["cities/[a"]}
  SEC-009: high
  SEC-010: {enabled: true}
  SEC-011: {paths: "cities/*", enabled: false}
`
	err := Check("c.yaml", []byte(src))
	require.Error(t, err)
	assert.Equal(t, `c.yaml:4:23: rules.SEC-005.severity must be one of critical, high, medium, low, got "urgent"
c.yaml:5:22: rules.SEC-006.enabled must be true or false, got "no"
c.yaml:6:13: unknown setting "rules.SEC-007.sevrity"; did you mean "rules.SEC-007.severity"?
c.yaml:7:3: rules.SEC-008 changes nothing: set severity, or enabled: false
c.yaml:7:21: rules.SEC-008.paths: glob "cities/[a": unclosed [ at byte 8
c.yaml:8:12: rules.SEC-009 must be a map with severity, enabled or paths
c.yaml:9:3: rules.SEC-010 changes nothing: set severity, or enabled: false
c.yaml:10:20: rules.SEC-011.paths must be a list of path globs`, err.Error())

	assert.EqualError(t, Check("c.yaml", []byte("rules: [SEC-016]\n")),
		"c.yaml:1:8: rules must be a map of rule ids to settings, such as rules: {SEC-016: {severity: medium}}")
	assert.NoError(t, Check("c.yaml", []byte("rules:\n  SEC-016: {severity: medium}\n  PRIV-002: {enabled: false, paths: [\"cities/hanoi/**\"]}\n")))
}

func TestReadRulesKeepsCaseAndPlace(t *testing.T) {
	path := filepath.Join(t.TempDir(), "c.yaml")
	require.NoError(t, os.WriteFile(path, []byte("quiet: true\nrules:\n  SEC-016: {severity: medium}\n  PRIV-002:\n    enabled: false\n    paths: [\"cities/hanoi/**\"]\n"), 0o600))
	rules, err := ReadRules(path)
	require.NoError(t, err)
	off := false
	assert.Equal(t, map[string]RuleOverride{
		"SEC-016":  {Severity: "medium", Line: 3, Column: 3},
		"PRIV-002": {Enabled: &off, Paths: []string{"cities/hanoi/**"}, Line: 4, Column: 3},
	}, rules)

	ids := []string{"PRIV-002", "SEC-016", "SEC-005"}
	known := func(id string) bool { return slices.Contains(ids, id) }
	assert.NoError(t, CheckRuleIDs(path, rules, known, ids))
	rules["SEC-0166"] = RuleOverride{Severity: "low", Line: 7, Column: 3}
	rules["ZZZ-1"] = RuleOverride{Severity: "low", Line: 8, Column: 3}
	assert.EqualError(t, CheckRuleIDs(path, rules, known, ids),
		path+`:7:3: rules.SEC-0166: no loaded rule has this id; did you mean "SEC-016"?`+"\n"+
			path+":8:3: rules.ZZZ-1: no loaded rule has this id; run `citygate rules` to list rule ids")
}
