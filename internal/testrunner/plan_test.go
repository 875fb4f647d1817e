package testrunner

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/citygate/citygate/engine/inventory"
	"github.com/citygate/citygate/engine/policy"
	"github.com/citygate/citygate/internal/config"
)

const customPolicy = "../../fixtures/custom-policy"

func testConfig() config.Config {
	return config.Config{Timeout: 30 * time.Second, Limits: inventory.DefaultLimits}
}

// fixtureOutcomes are the inventories of a run with their status and
// counts of missing and unexpected findings.
func fixtureOutcomes(r *Run) map[string]string {
	out := map[string]string{}
	for _, f := range r.Fixtures {
		out[f.Inventory] = fmt.Sprintf("%s, %d missing, %d unexpected", f.Status, len(f.Missing), len(f.Unexpected))
	}
	return out
}

// TestFixturesFromTheirOwnDirectory: run from inside the policy
// directory (`citygate test .`), the fixtures are checked against the
// directory's rules exactly as from the repository root; they used to be
// checked against no rule at all.
func TestFixturesFromTheirOwnDirectory(t *testing.T) {
	set := Settings{AsOf: policy.TestAsOf}
	fromRoot, err := Execute(context.Background(), []string{customPolicy}, testConfig(), set)
	require.NoError(t, err)
	abs, err := filepath.Abs(customPolicy)
	require.NoError(t, err)

	t.Chdir(abs)
	fromDir, err := Execute(context.Background(), []string{"."}, testConfig(), set)
	require.NoError(t, err)
	want := map[string]string{
		"fixtures/compliant":          "pass, 0 missing, 0 unexpected",
		"fixtures/police-sharing":     "pass, 0 missing, 0 unexpected",
		"fixtures/unregistered-video": "pass, 0 missing, 0 unexpected",
	}
	assert.Equal(t, want, fixtureOutcomes(fromDir))
	rooted := map[string]string{}
	for k, v := range want {
		rooted["../../fixtures/custom-policy/"+k] = v
	}
	assert.Equal(t, rooted, fixtureOutcomes(fromRoot))
	assert.Equal(t, Counts{Passed: 16}, fromDir.Counts())
	assert.Equal(t, fromRoot.Counts(), fromDir.Counts())
	for _, r := range fromDir.Tests {
		assert.NotContains(t, r.File, "/", "named relative to the directory: %s", r.File)
	}

	// --fixtures inside "." is scoped to the directory's rules too.
	scoped, err := Execute(context.Background(), []string{"."}, testConfig(),
		Settings{AsOf: policy.TestAsOf, Fixtures: []string{"fixtures/police-sharing"}, Builtin: true})
	require.NoError(t, err)
	assert.Equal(t, map[string]string{"fixtures/police-sharing/video.hcl": "pass, 0 missing, 0 unexpected"}, fixtureOutcomes(scoped))
}

// TestPlanKeepsBuiltinByOrigin: a user directory named policies is never
// taken for the built-in library: the plan marks the user's files and,
// with --builtin, the embedded ones under their <builtin> names.
func TestPlanKeepsBuiltinByOrigin(t *testing.T) {
	dir := t.TempDir()
	require.NoError(t, os.MkdirAll(filepath.Join(dir, "policies", "fixtures", "a"), 0o755))
	require.NoError(t, os.WriteFile(filepath.Join(dir, "policies", "rule.rego"), []byte("package x\n"), 0o644))
	t.Chdir(dir)

	p, err := newPlan([]string{"policies"}, testConfig(), Settings{})
	require.NoError(t, err)
	assert.True(t, p.noBuiltinRules)
	assert.Equal(t, map[string]bool{"policies/rule.rego": true}, p.tested)
	require.Len(t, p.fixtures, 1)
	assert.Equal(t, map[string]bool{"policies/rule.rego": true}, p.fixtures[0].scope)

	p, err = newPlan([]string{"policies"}, testConfig(), Settings{Builtin: true})
	require.NoError(t, err)
	assert.False(t, p.noBuiltinRules)
	assert.True(t, p.tested["<builtin>/policies/lib/lib.rego"])
	assert.True(t, p.tested["policies/rule.rego"])
	assert.Equal(t, map[string]bool{"policies/rule.rego": true}, p.fixtures[0].scope)
}
