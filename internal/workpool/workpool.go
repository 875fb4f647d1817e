// Package workpool runs independent jobs on a bounded number of
// goroutines: inventories in a check, policy files at start-up.
package workpool

import (
	"context"
	"sync"
	"sync/atomic"
)

// ForEach runs fn(i) for every i in [0, n) on at most parallel goroutines
// (at least one) and returns when all have finished. Jobs are handed out
// in index order.
func ForEach(n, parallel int, fn func(i int)) {
	_ = ForEachContext(context.Background(), n, parallel, fn)
}

// ForEachContext is ForEach that stops handing out jobs once ctx ends:
// jobs already running finish (fn sees ctx and should stop early), the
// rest never start, and ctx's error is returned when any job did not
// start. A job that started is never abandoned, so fn's writes are
// complete on return.
func ForEachContext(ctx context.Context, n, parallel int, fn func(i int)) error {
	var next atomic.Int64
	var wg sync.WaitGroup
	for range min(max(parallel, 1), n) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for ctx.Err() == nil {
				i := int(next.Add(1)) - 1
				if i >= n {
					return
				}
				fn(i)
			}
		}()
	}
	wg.Wait()
	if int(next.Load()) < n {
		return ctx.Err()
	}
	return nil
}
