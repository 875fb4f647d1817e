package engine

import (
	"context"
	"errors"
	"fmt"
	"sync"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/rego"
	"github.com/open-policy-agent/opa/v1/topdown"

	"github.com/citygate/citygate/engine/finding"
	"github.com/citygate/citygate/engine/inventory"
)

// ErrInterrupted is the error of a Check or Validate whose context ended
// before it finished. The returned error also wraps the context's own
// error, so errors.Is(err, context.Canceled) holds for a cancellation.
var ErrInterrupted = errors.New("interrupted")

// errNoLibrary is Check on an engine made without a policy library.
var errNoLibrary = errors.New("this engine has no policy library: pass one to engine.New to check inventories")

// interrupted is the run's error once its parent context has ended. It is
// not a deadline of one inventory (--timeout), so it never says "took
// longer than".
func interrupted(ctx context.Context) error {
	cause := context.Cause(ctx)
	if cause == nil {
		cause = context.Canceled
	}
	return fmt.Errorf("%w: %w", ErrInterrupted, cause)
}

// evalFailure words a failed evaluation. When the deadline stopped it, the
// query is run once more, traced and under a fresh deadline, to name the
// rule it was stuck in: tracing costs nothing on the normal path, and a
// timed-out inventory costs at most twice the timeout.
func (e *Engine) evalFailure(ctx context.Context, pq rego.PreparedEvalQuery, inv *inventory.Inventory, err error) error {
	if ctx.Err() != nil {
		// The parent ended, not this inventory's deadline.
		return fmt.Errorf("evaluating %s: %w", inv.Path, interrupted(ctx))
	}
	if !timedOut(err) {
		return evalError(inv.Path, err, e.timeout)
	}
	where := e.stuckIn(ctx, pq, inv)
	if where == "" {
		return evalError(inv.Path, err, e.timeout)
	}
	return fmt.Errorf("evaluating %s took longer than %s and was stopped in %s (raise --timeout if the inventory is legitimately large): %w",
		inv.Path, e.timeout, where, err)
}

func timedOut(err error) bool {
	var te *topdown.Error
	return errors.As(err, &te) && te.Code == topdown.CancelErr || errors.Is(err, context.DeadlineExceeded)
}

// stuckIn re-runs the query with a tracer that remembers the last rule
// module evaluation was in, and names that rule if the deadline stops the
// run again ("" if it does not).
func (e *Engine) stuckIn(ctx context.Context, pq rego.PreparedEvalQuery, inv *inventory.Inventory) string {
	rules := make(map[string]*finding.Rule, len(e.rules))
	for i := range e.rules {
		rules[e.rules[i].File] = &e.rules[i]
	}
	tr := &lastRuleTracer{rules: rules}
	ctx, cancel := context.WithTimeout(ctx, e.timeout)
	defer cancel()
	if _, err := pq.Eval(ctx, rego.EvalParsedInput(inv.Doc), rego.EvalQueryTracer(tr)); err == nil || !timedOut(err) {
		return ""
	}
	tr.mu.Lock()
	defer tr.mu.Unlock()
	if tr.rule == nil {
		return ""
	}
	return fmt.Sprintf("rule %s (%s:%d)", tr.rule.ID, tr.loc.File, tr.loc.Row)
}

// lastRuleTracer records where in a rule module evaluation last was.
// Helpers (citygate.lib) are not rules: time spent in them counts against
// the rule that called them.
type lastRuleTracer struct {
	rules map[string]*finding.Rule
	mu    sync.Mutex
	rule  *finding.Rule
	loc   ast.Location
}

func (t *lastRuleTracer) Enabled() bool               { return true }
func (t *lastRuleTracer) Config() topdown.TraceConfig { return topdown.TraceConfig{} }

func (t *lastRuleTracer) TraceEvent(ev topdown.Event) {
	if ev.Location == nil {
		return
	}
	r, ok := t.rules[ev.Location.File]
	if !ok {
		return
	}
	t.mu.Lock()
	t.rule, t.loc = r, *ev.Location
	t.mu.Unlock()
}
