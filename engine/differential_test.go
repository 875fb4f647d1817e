package engine_test

import (
	"context"
	"fmt"
	"testing"
	"testing/fstest"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/citygate/citygate/engine"
	"github.com/citygate/citygate/engine/inventory"
	"github.com/citygate/citygate/engine/policy"
	"github.com/citygate/citygate/engine/tender"
	"github.com/citygate/citygate/fixtures/gen/corpus"
)

// TestEvaluatorsAgree is the differential test of the evaluators: topdown
// and Wasm give the same result, byte for byte once serialised (findings,
// messages, locations, evidence, verdicts, errors), on every example
// inventory, the tender fixtures and generated corpora of several seeds,
// violation rates and evaluation dates. The Wasm engine must compile every
// built-in rule: a fallback would compare topdown with itself.
func TestEvaluatorsAgree(t *testing.T) {
	lib, errs := policy.Load([]policy.Source{policy.Builtin()}, policy.Options{})
	require.Empty(t, errs, "%v", errs)
	pair := func(t *testing.T, opts ...engine.Option) (td, wasm *engine.Engine) {
		t.Helper()
		td, err := engine.New(context.Background(), lib, opts...)
		require.NoError(t, err)
		wasm, err = engine.New(context.Background(), lib, append(opts, engine.WithEvaluator(engine.Wasm))...)
		require.NoError(t, err)
		require.Empty(t, wasm.Fallbacks(), "the built-in rules must all compile to Wasm")
		return td, wasm
	}

	t.Run("fixtures", func(t *testing.T) {
		td, wasm := pair(t, engine.WithAsOf(fixtureAsOf))
		for _, dir := range []string{"../fixtures/city", "../fixtures/bid", "../fixtures/us-city", "../fixtures/compliant"} {
			want, got := mustCheck(t, td, dir), mustCheck(t, wasm, dir)
			require.NotEmpty(t, want.Evidence, dir)
			require.Equal(t, want, got, dir)
		}
	})

	t.Run("custom pack", func(t *testing.T) {
		custom, errs := policy.Load([]policy.Source{policy.Builtin(), policy.Dir("../fixtures/custom-policy")}, policy.Options{})
		require.Empty(t, errs, "%v", errs)
		td, err := engine.New(context.Background(), custom, engine.WithAsOf(fixtureAsOf))
		require.NoError(t, err)
		wasm, err := engine.New(context.Background(), custom, engine.WithAsOf(fixtureAsOf), engine.WithEvaluator(engine.Wasm))
		require.NoError(t, err)
		require.Empty(t, wasm.Fallbacks())
		dirs := []string{"../fixtures/custom-policy/fixtures/police-sharing", "../fixtures/custom-policy/fixtures/compliant", "../fixtures/city"}
		require.Equal(t, mustCheck(t, td, dirs...), mustCheck(t, wasm, dirs...))
	})

	t.Run("tender", func(t *testing.T) {
		tn, diags := tender.Load(inventory.OS{}, "../fixtures/tender/tender.hcl", inventory.Limits{})
		require.False(t, diags.HasErrors(), "%v", diags)
		bids := []string{"../fixtures/tender/bids/strong", "../fixtures/tender/bids/mediocre", "../fixtures/tender/bids/weak", "../fixtures/tender/bids/adversarial"}
		run := func(ev engine.Evaluator) *tender.Report {
			rep, err := tender.Check(context.Background(), lib, tn, bids, tender.Options{Engine: []engine.Option{engine.WithEvaluator(ev)}})
			require.NoError(t, err)
			return rep
		}
		require.Equal(t, run(engine.Topdown), run(engine.Wasm))
	})

	if raceEnabled {
		return // the fixtures above already run two workers on one engine
	}
	// Generated corpora: compliant, some and all resources in violation;
	// evaluation dates at a month end, a leap day and a year end, so the
	// date helpers meet month overflow.
	for _, c := range []struct {
		seed       uint64
		violations float64
		asOf       string
	}{
		{1, 0.3, "2026-01-01"},
		{2, 1, "2024-02-29"},
		{3, 0, "2025-03-31"},
		{4, 0.6, "2026-05-31"},
	} {
		t.Run(fmt.Sprintf("gen-%d-%g-%s", c.seed, c.violations, c.asOf), func(t *testing.T) {
			asOf, err := time.Parse(time.DateOnly, c.asOf)
			require.NoError(t, err)
			mfs := fstest.MapFS{}
			var names []string
			for i := range 12 {
				inv := corpus.Generate(c.seed, i, corpus.Options{Violations: c.violations, AsOf: asOf})
				mfs[inv.Name] = &fstest.MapFile{Data: inv.Src}
				names = append(names, inv.Name)
			}
			// One worker: each Wasm worker compiles its own module.
			td, wasm := pair(t, engine.WithAsOf(c.asOf), engine.WithFS(mfs), engine.WithParallel(1))
			want, got := mustCheck(t, td, names...), mustCheck(t, wasm, names...)
			require.Empty(t, want.Errors)
			if c.violations > 0 {
				require.NotEmpty(t, want.Findings)
			}
			require.Equal(t, want, got)
		})
	}
}
