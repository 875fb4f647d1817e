package workpool

import (
	"sync/atomic"
	"testing"

	"github.com/stretchr/testify/assert"
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
