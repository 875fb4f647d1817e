package engine

import (
	"context"
	"fmt"
	"runtime/debug"

	"github.com/citygate/citygate/engine/finding"
)

// WithDebug puts the stack trace of an internal error (a panic while
// loading or evaluating one inventory) in the error reported for it.
func WithDebug(on bool) Option { return func(e *Engine) { e.debug = on } }

// checkOneSafely is checkOne on a worker goroutine, where a panic would
// kill the process (the CLI's recover runs on another goroutine): a panic
// is a bug, reported as an error of that inventory, and the other
// inventories are still checked and reported.
func (e *Engine) checkOneSafely(ctx context.Context, path string) (out outcome) {
	defer func() {
		if r := recover(); r != nil {
			out = outcome{
				inventory: finding.InventoryResult{Path: path},
				errors:    []finding.Error{e.internalError(path, r)},
			}
		}
	}()
	return e.checkOne(ctx, path)
}

// internalError describes a recovered panic; the stack only in debug mode.
func (e *Engine) internalError(path string, r any) finding.Error {
	detail := fmt.Sprintf("citygate failed while checking %s: %v. This is a bug; please report it with the input that caused it.", path, r)
	if e.debug {
		detail += "\n\n" + string(debug.Stack())
	} else {
		detail += " Run again with --debug for a stack trace."
	}
	return finding.Error{Inventory: path, File: path, Line: 1, Column: 1, Summary: "Internal error", Detail: detail}
}
