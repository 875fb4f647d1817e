package engine

import (
	"context"
	"fmt"
	"io"
	"sync"

	"github.com/hashicorp/hcl/v2"
	"github.com/open-policy-agent/opa/v1/rego"
	"github.com/open-policy-agent/opa/v1/topdown"
	"github.com/open-policy-agent/opa/v1/topdown/lineage"

	"github.com/citygate/citygate/engine/inventory"
)

// The debugging side of the engine: citygate input, citygate eval, and
// print() output in check --debug and fixture runs. Each evaluates exactly
// what check evaluates: the same loader, document, store and compiler.

// WithPrint sends the output of print() calls in rules to w, one line per
// call. The library must be loaded with policy.Options{Print: true}: the
// compiler otherwise erases print calls, so that a normal check pays
// nothing for them. Inventories are evaluated in parallel, so lines of
// different inventories interleave; each line is written whole.
func WithPrint(w io.Writer) Option {
	return func(e *Engine) {
		if w != nil {
			e.print = topdown.NewPrintHook(&lockedWriter{w: w})
		}
	}
}

// lockedWriter serialises writes from parallel evaluations.
type lockedWriter struct {
	mu sync.Mutex
	w  io.Writer
}

func (l *lockedWriter) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.w.Write(p)
}

// evalOptions are the per-call options of every rule evaluation.
func (e *Engine) evalOptions(inv *inventory.Inventory) []rego.EvalOption {
	opts := []rego.EvalOption{rego.EvalParsedInput(inv.Doc)}
	if e.print != nil {
		opts = append(opts, rego.EvalPrintHook(e.print))
	}
	return opts
}

// Load reads one inventory as Check would (the engine's loader, limits
// and file system), reporting an empty inventory as the error Check
// reports. The document is nil when there are errors.
func (e *Engine) Load(path string) (*inventory.Inventory, hcl.Diagnostics) {
	inv, diags := e.load(path)
	diags = append(diags, emptyInventory(inv)...)
	if diags.HasErrors() {
		inv.Doc = nil
	}
	return inv, diags
}

// Explain selects the trace Eval returns, as opa eval --explain does.
type Explain string

const (
	// ExplainOff: no trace.
	ExplainOff Explain = ""
	// ExplainFull: every event.
	ExplainFull Explain = "full"
	// ExplainNotes: the trace() notes, with the expressions that led to them.
	ExplainNotes Explain = "notes"
	// ExplainFails: the expressions that failed, with their lineage.
	ExplainFails Explain = "fails"
)

// ParseExplain reads --explain.
func ParseExplain(s string) (Explain, error) {
	switch x := Explain(s); x {
	case ExplainOff, ExplainFull, ExplainNotes, ExplainFails:
		return x, nil
	}
	return "", fmt.Errorf("unknown --explain %q: want full, notes or fails", s)
}

// EvalResult is what Eval found: OPA's result set and the trace asked for.
type EvalResult struct {
	Results rego.ResultSet
	Trace   []*topdown.Event
}

// Eval runs one Rego query against the library, with the store check uses
// (params and as-of) and inv's document as input (no input when inv is
// nil), under the engine's deadline, with strict builtin errors, and with
// print() output going where WithPrint said. The query is compiled by the
// library's compiler, so it has the same restricted capabilities as the
// rules: http.send or time.now_ns in a query is "undefined function".
func (e *Engine) Eval(ctx context.Context, query string, inv *inventory.Inventory, explain Explain) (*EvalResult, error) {
	if e.lib == nil {
		return nil, errNoLibrary
	}
	opts := []func(*rego.Rego){
		rego.Query(query),
		rego.Compiler(e.lib.Compiler),
		rego.Store(e.lib.Store(e.asOf)),
		rego.StrictBuiltinErrors(true),
		rego.EnablePrintStatements(e.print != nil),
	}
	if e.print != nil {
		opts = append(opts, rego.PrintHook(e.print))
	}
	pq, err := rego.New(opts...).PrepareForEval(ctx)
	if err != nil {
		return nil, err
	}
	var evalOpts []rego.EvalOption
	if inv != nil {
		evalOpts = e.evalOptions(inv)
	} else if e.print != nil {
		evalOpts = append(evalOpts, rego.EvalPrintHook(e.print))
	}
	var buf *topdown.BufferTracer
	if explain != ExplainOff {
		buf = topdown.NewBufferTracer()
		evalOpts = append(evalOpts, rego.EvalQueryTracer(buf))
	}
	tctx, cancel := context.WithTimeout(ctx, e.timeout)
	defer cancel()
	rs, err := pq.Eval(tctx, evalOpts...)
	if err != nil {
		path := "the query"
		if inv != nil {
			path = inv.Path
		}
		if ctx.Err() != nil {
			return nil, fmt.Errorf("evaluating %s: %w", path, interrupted(ctx))
		}
		return nil, evalError(path, err, e.timeout)
	}
	res := &EvalResult{Results: rs}
	if buf != nil {
		res.Trace = filterTrace(*buf, explain)
	}
	return res, nil
}

func filterTrace(events []*topdown.Event, explain Explain) []*topdown.Event {
	switch explain {
	case ExplainNotes:
		return lineage.Notes(events)
	case ExplainFails:
		return lineage.Fails(events)
	}
	return lineage.Full(events)
}

// PrettyTrace writes a trace as opa eval --explain does, with locations.
func PrettyTrace(w io.Writer, trace []*topdown.Event) {
	topdown.PrettyTraceWithLocation(w, trace)
}
