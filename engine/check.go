package engine

import (
	"context"

	"github.com/citygate/citygate/engine/finding"
)

// Check loads and evaluates every inventory path on a bounded worker pool
// and returns the findings of all of them in report order. No path means
// the current directory.
//
// Problems of one inventory (bad input, a deadline) are in Result.Errors
// and never hide the others. The error is for the run as a whole: when
// ctx ends, Check stops starting inventories, cancels the evaluations in
// flight and returns an ErrInterrupted error (errors.Is(err,
// context.Canceled) when ctx was cancelled) and no result.
func (e *Engine) Check(ctx context.Context, paths []string) (*finding.Result, error) {
	return e.CheckWithProgress(ctx, paths, nil)
}

// Progress is told after each inventory: how many are done and how many
// findings were made so far. It is called from one goroutine at a time.
type Progress func(done, total, findings int)

// CheckWithProgress is Check, reporting progress as inventories finish.
func (e *Engine) CheckWithProgress(ctx context.Context, paths []string, progress Progress) (*finding.Result, error) {
	if e.lib == nil {
		return nil, errNoLibrary
	}
	if len(paths) == 0 {
		paths = []string{"."}
	}
	outcomes := make([]outcome, 0, len(paths))
	err := e.run(ctx, paths, progress, func(o outcome) error {
		outcomes = append(outcomes, o)
		return nil
	})
	if err != nil {
		return nil, err
	}
	return e.assemble(outcomes), nil
}
