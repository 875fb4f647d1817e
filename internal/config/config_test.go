package config

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestKeysFollowTheStructTags: every field of Config is a key, except
// the flag-only ones, and the limits keys are those of inventory.Limits.
func TestKeysFollowTheStructTags(t *testing.T) {
	assert.Equal(t, []string{
		"format", "output", "fail_on", "policy", "no_builtin", "rule", "skip_rule",
		"as_of", "timeout", "evaluator", "parallel", "baseline", "show_suppressed",
		"sarif_omit_suppressed", "sarif_max_results", "quiet", "lang", "params", "limits",
		"group_by", "profiles", "inventories", "rules", "cache",
	}, Keys, "profile, no_profile and no_cache are flags only")
	assert.Equal(t, []string{"severity", "enabled", "paths"}, ruleKeys, "the keys of one rule's entry, from RuleOverride's tags")
	assert.Equal(t, map[string][]string{
		"limits":   {"max_file_size", "max_files", "max_depth", "max_string_length"},
		"profiles": {"add", "remove"},
	}, nested)
}

// TestEveryProblemInFileOrder: all mistakes are reported, sorted by line,
// whatever the YAML map order.
func TestEveryProblemInFileOrder(t *testing.T) {
	src := "fail_onn: high\nlimits:\n  max_dept: 4\n  max_files: 10\n  max_sise: 1\nparams: 3\ntimeout: 5s\nquite: true\n"
	err := Check("c.yaml", []byte(src))
	require.Error(t, err)
	assert.Equal(t, `c.yaml:1:1: unknown setting "fail_onn"; did you mean "fail_on"?
c.yaml:3:3: unknown setting "limits.max_dept"; did you mean "limits.max_depth"?
c.yaml:5:3: unknown setting "limits.max_sise"; did you mean "limits.max_files"?
c.yaml:6:9: params must be a map of parameter names to values
c.yaml:8:1: unknown setting "quite"; did you mean "quiet"?`, err.Error())
	for range 5 {
		assert.Equal(t, err.Error(), Check("c.yaml", []byte(src)).Error(), "the same every run")
	}
}

func TestCheckShapes(t *testing.T) {
	for src, want := range map[string]string{
		"":                       "",
		"format: [json]\n":       "",
		"- a\n- b\n":             "c.yaml:1:1: the config file must be a map of settings",
		"limits: 3\n":            "c.yaml:1:9: limits must be a map",
		"format: [json\n":        "c.yaml: yaml: line 1: did not find expected ',' or ']'",
		"params:\n  x: 1\n":      "",
		"limits:\n  params: 1\n": `c.yaml:2:3: unknown setting "limits.params"`,
	} {
		err := Check("c.yaml", []byte(src))
		if want == "" {
			assert.NoError(t, err, "%q", src)
			continue
		}
		assert.EqualError(t, err, want, "%q", src)
	}
}

func TestCheckFileReadsTheFile(t *testing.T) {
	path := filepath.Join(t.TempDir(), "c.yaml")
	require.NoError(t, os.WriteFile(path, []byte("quiet: true\n"), 0o600))
	assert.NoError(t, CheckFile(path))
	assert.Error(t, CheckFile(filepath.Join(t.TempDir(), "missing.yaml")))
}
