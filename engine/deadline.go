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

// evalFailure words a failed evaluation. When the deadline stopped it, the
// query is run once more, traced and under a fresh deadline, to name the
// rule it was stuck in: tracing costs nothing on the normal path, and a
// timed-out inventory costs at most twice the timeout.
func (e *Engine) evalFailure(ctx context.Context, pq rego.PreparedEvalQuery, inv *inventory.Inventory, err error) error {
	if !timedOut(err) || ctx.Err() != nil {
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
	rules := make(map[string]*finding.Rule, len(e.lib.Rules))
	for i := range e.lib.Rules {
		rules[e.lib.Rules[i].File] = &e.lib.Rules[i]
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
