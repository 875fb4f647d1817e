// Package workpool runs independent jobs on a bounded number of
// goroutines: inventories in a check, policy files at start-up.
package workpool

import (
	"sync"
	"sync/atomic"
)

// ForEach runs fn(i) for every i in [0, n) on at most parallel goroutines
// (at least one) and returns when all have finished. Jobs are handed out
// in index order.
func ForEach(n, parallel int, fn func(i int)) {
	var next atomic.Int64
	var wg sync.WaitGroup
	for range min(max(parallel, 1), n) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := int(next.Add(1)) - 1; i < n; i = int(next.Add(1)) - 1 {
				fn(i)
			}
		}()
	}
	wg.Wait()
}
