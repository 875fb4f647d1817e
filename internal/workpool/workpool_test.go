package workpool

import (
	"context"
	"sync/atomic"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestForEachRunsEveryJobOnceWithinTheBound(t *testing.T) {
	for _, parallel := range []int{0, 1, 3, 64} {
		var running, peak atomic.Int64
		seen := make([]atomic.Int64, 100)
		ForEach(len(seen), parallel, func(i int) {
			r := running.Add(1)
			for p := peak.Load(); r > p && !peak.CompareAndSwap(p, r); p = peak.Load() {
			}
			seen[i].Add(1)
			running.Add(-1)
		})
		for i := range seen {
			assert.Equal(t, int64(1), seen[i].Load(), "job %d", i)
		}
		assert.LessOrEqual(t, peak.Load(), int64(max(parallel, 1)))
	}
	ForEach(0, 4, func(int) { t.Fatal("no job expected") })
}

func TestForEachContextStopsHandingOutJobs(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	var ran atomic.Int64
	err := ForEachContext(ctx, 1000, 2, func(i int) {
		if ran.Add(1) == 5 {
			cancel()
		}
	})
	require.ErrorIs(t, err, context.Canceled)
	// The two workers each finish the job in hand at most.
	assert.LessOrEqual(t, ran.Load(), int64(6))

	require.NoError(t, ForEachContext(context.Background(), 10, 3, func(int) {}))
	ran.Store(0)
	assert.ErrorIs(t, ForEachContext(ctx, 10, 3, func(int) { ran.Add(1) }), context.Canceled)
	assert.Zero(t, ran.Load(), "no job starts under an ended context")
}
