package engine_test

import (
	"context"
	"errors"
	"sort"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/citygate/citygate/engine"
	"github.com/citygate/citygate/engine/finding"
)

// TestCheckStreamAddsUpToCheck: the parts CheckStream hands over, in
// input order, hold exactly Check's findings, evidence, inventories and
// errors, and its head carries Check's summary; merged by file, the
// findings are in Check's order. Paths are given out of sorted order and
// with an inventory that fails to load, and one worker or several.
func TestCheckStreamAddsUpToCheck(t *testing.T) {
	paths := []string{"../fixtures/city", "../fixtures/bid", "../fixtures/invalid", "../fixtures/us-city", "../fixtures/compliant"}
	for _, parallel := range []int{1, 3} {
		eng := builtinEngine(t, engine.WithParallel(parallel))
		want := mustCheck(t, eng, paths...)
		var got []string
		var fs []finding.Finding
		var ev []finding.Evidence
		head, err := eng.CheckStream(context.Background(), paths, nil, func(p *finding.Part) error {
			got = append(got, p.Inventory.Path)
			for i := 1; i < len(p.Findings); i++ {
				require.False(t, finding.Less(&p.Findings[i], &p.Findings[i-1]), "findings of a part are in report order")
			}
			fs = append(fs, p.Findings...)
			ev = append(ev, p.Evidence...)
			return nil
		})
		require.NoError(t, err)
		require.Equal(t, paths, got, "parts come in input order")
		require.Nil(t, head.Findings)
		require.Nil(t, head.Evidence)
		require.Equal(t, want.Summary, head.Summary)
		require.Equal(t, want.Errors, head.Errors)
		require.Equal(t, want.Inventories, head.Inventories)
		require.Equal(t, want.Rules, head.Rules)
		require.Equal(t, want.Evidence, ev, "evidence is in input order already")
		sort.SliceStable(fs, func(i, j int) bool { return finding.Less(&fs[i], &fs[j]) })
		require.Equal(t, want.Findings, fs)
	}
}

// TestCheckStreamStopsOnEmitError: an error from emit ends the run with
// that error, and no later part is handed over.
func TestCheckStreamStopsOnEmitError(t *testing.T) {
	eng := builtinEngine(t, engine.WithParallel(2))
	stop := errors.New("disk full")
	n := 0
	_, err := eng.CheckStream(context.Background(), []string{"../fixtures/city", "../fixtures/bid", "../fixtures/us-city"}, nil, func(*finding.Part) error {
		n++
		return stop
	})
	require.ErrorIs(t, err, stop)
	require.Equal(t, 1, n)
}
