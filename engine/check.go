package engine

import (
	"context"
	"sync"

	"github.com/citygate/citygate/engine/finding"
	"github.com/citygate/citygate/internal/workpool"
)

// Check loads and evaluates every inventory path on a bounded worker pool
// and returns the findings of all of them in report order. No path means
// the current directory.
func (e *Engine) Check(ctx context.Context, paths []string) *finding.Result {
	return e.CheckWithProgress(ctx, paths, nil)
}

// Progress is told after each inventory: how many are done and how many
// findings were made so far. It is called from one goroutine at a time.
type Progress func(done, total, findings int)

// CheckWithProgress is Check, reporting progress as inventories finish.
func (e *Engine) CheckWithProgress(ctx context.Context, paths []string, progress Progress) *finding.Result {
	if len(paths) == 0 {
		paths = []string{"."}
	}
	outcomes := make([]outcome, len(paths))
	var mu sync.Mutex
	done, nfound := 0, 0
	workpool.ForEach(len(paths), e.parallel, func(i int) {
		outcomes[i] = e.checkOneSafely(ctx, paths[i])
		if progress != nil {
			mu.Lock()
			done++
			nfound += len(outcomes[i].findings)
			progress(done, len(paths), nfound)
			mu.Unlock()
		}
	})
	return e.assemble(outcomes)
}
