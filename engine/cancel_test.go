package engine_test

import (
	"context"
	"fmt"
	"testing"
	"testing/fstest"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/citygate/citygate/engine"
	"github.com/citygate/citygate/engine/finding"
)

// fiftyInventories are 50 small bids, each with findings.
func fiftyInventories() (fstest.MapFS, []string) {
	mfs := fstest.MapFS{}
	var paths []string
	for i := range 50 {
		name := fmt.Sprintf("bid%02d.hcl", i)
		mfs[name] = &fstest.MapFile{Data: []byte(fmt.Sprintf("system \"cam-%d\" {\n  category = \"iot\"\n  vendor   = \"x\"\n  auth {\n    default_credentials = \"universal\"\n  }\n}\n", i))}
		paths = append(paths, name)
	}
	return mfs, paths
}

// TestCancelledCheckIsInterrupted: cancelling the context of a 50-path
// Check stops it after the inventories in flight, with an interrupted
// error (not "took longer than") and no result at all.
func TestCancelledCheckIsInterrupted(t *testing.T) {
	mfs, paths := fiftyInventories()
	eng := builtinEngine(t, engine.WithFS(mfs), engine.WithParallel(2))
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	started := 0
	begin := time.Now()
	res, err := eng.CheckWithProgress(ctx, paths, func(done, total, findings int) {
		started = done
		if done == 1 {
			cancel()
		}
	})
	elapsed := time.Since(begin)
	require.Error(t, err)
	assert.Nil(t, res, "no partial result")
	assert.ErrorIs(t, err, context.Canceled)
	assert.ErrorIs(t, err, engine.ErrInterrupted)
	assert.Contains(t, err.Error(), "interrupted")
	assert.NotContains(t, err.Error(), "took longer than")
	assert.LessOrEqual(t, started, 3, "only the inventories in flight finish")
	assert.Less(t, elapsed, 5*time.Second)
	t.Logf("cancelled after the first of 50 inventories: %d finished, returned in %s", started, elapsed)

	// Cancelled before it starts: nothing is loaded.
	started = 0
	res, err = eng.CheckWithProgress(ctx, paths, func(done, _, _ int) { started = done })
	assert.Nil(t, res)
	assert.ErrorIs(t, err, context.Canceled)
	assert.Zero(t, started)

	// The same engine still checks under a live context.
	full := mustCheck(t, eng, paths...)
	assert.Len(t, full.Inventories, 50)
	assert.Empty(t, full.Errors)
}

// TestCancelledValidateIsInterrupted: Validate honours its context too.
func TestCancelledValidateIsInterrupted(t *testing.T) {
	mfs, paths := fiftyInventories()
	eng, err := engine.New(context.Background(), nil, engine.WithFS(mfs))
	require.NoError(t, err)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	v, err := eng.Validate(ctx, paths)
	assert.Nil(t, v)
	assert.ErrorIs(t, err, context.Canceled)

	v, err = eng.Validate(context.Background(), paths)
	require.NoError(t, err)
	require.Len(t, v, 50)
	assert.True(t, v[0].Valid())
	assert.Equal(t, 1, v[0].Systems)

	_, err = eng.Check(context.Background(), paths)
	assert.ErrorContains(t, err, "no policy library", "an engine without policies cannot check")
}

// TestTimeoutMustBePositive: a zero or negative deadline would fail every
// evaluation as "took longer than 0s".
func TestTimeoutMustBePositive(t *testing.T) {
	for _, d := range []time.Duration{0, -5 * time.Second} {
		_, err := engine.New(context.Background(), nil, engine.WithTimeout(d))
		assert.ErrorContains(t, err, "must be positive", "%s", d)
	}
}

// TestRulesAreCopies: editing what Rules returns leaves the engine as it was.
func TestRulesAreCopies(t *testing.T) {
	eng := builtinEngine(t)
	rules := eng.Rules()
	require.NotEmpty(t, rules)
	want := rules[0].Severity
	rules[0].Severity = finding.Severity("none")
	rules[0].Controls = append(rules[0].Controls[:0], "edited")
	again := eng.Rules()
	assert.Equal(t, want, again[0].Severity)
	assert.NotContains(t, again[0].Controls, "edited")
}
