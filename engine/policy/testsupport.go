package policy

import (
	"context"
	"fmt"
	"regexp"
	"slices"
	"strings"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/storage"
	"github.com/open-policy-agent/opa/v1/tester"
	"github.com/open-policy-agent/opa/v1/topdown"
)

// Files names every .rego file of the source as messages, test results
// and coverage reports name it (Prefix joined with the path inside FS).
func (s Source) Files() ([]string, error) {
	files, err := s.files()
	names := make([]string, len(files))
	for i, f := range files {
		names[i] = f.name
	}
	return names, err
}

// LocateFailures re-runs the tests of a report that failed (evaluated to
// false or undefined, rather than raising an error) with tracing, which
// OPA cannot combine with coverage, and sets their Error to the
// expression where evaluation failed: "failed at FILE:LINE: EXPR", as
// `opa test --var-values` shows it.
func (l *Library) LocateFailures(ctx context.Context, rep *TestReport, opts TestOptions) error {
	failed := map[failedTest]*TestResult{}
	var names []string
	for i := range rep.Results {
		r := &rep.Results[i]
		if r.Status != TestFailed {
			continue
		}
		failed[failedTest{r.File, r.Line}] = r
		names = append(names, regexp.QuoteMeta("data."+r.Package+"."+r.Name))
	}
	if len(names) == 0 {
		return nil
	}
	if errs := l.parseBuiltinTests(); len(errs) > 0 {
		return errs
	}
	filter := "^(?:" + strings.Join(names, "|") + ")$"
	for _, g := range l.testGroups() {
		runner, store, _ := l.testRunner(opts, g)
		if err := locateGroup(ctx, runner.EnableTracing(true).Filter(filter), store, failed); err != nil {
			return err
		}
	}
	return nil
}

// failedTest keys a test result by the file and line of its test rule.
type failedTest struct {
	file string
	line int
}

// locateGroup runs one group's failed tests with tracing and sets their
// Error to the expression where evaluation failed.
func locateGroup(ctx context.Context, runner *tester.Runner, store storage.Store, failed map[failedTest]*TestResult) error {
	txn, err := store.NewTransaction(ctx, storage.TransactionParams{})
	if err != nil {
		return err
	}
	defer store.Abort(ctx, txn)
	ch, err := runner.RunTests(ctx, txn)
	if err != nil {
		return err
	}
	for r := range ch {
		if r.Location == nil {
			continue
		}
		tr, ok := failed[failedTest{r.Location.File, r.Location.Row}]
		if !ok {
			continue
		}
		if e := failedAt(r.Trace); e != nil {
			// The source text, not the compiler's rewritten expression.
			text := strings.Join(strings.Fields(string(e.Location.Text)), " ")
			if text == "" {
				text = fmt.Sprint(e.Node)
			}
			tr.Error = fmt.Sprintf("failed at %s:%d: %s", e.Location.File, e.Location.Row, text)
			if vars := varValues(e); vars != "" {
				tr.Error += "\n" + vars
			}
		}
	}
	return nil
}

// varValues shows the values of the variables in a failed expression as
// opa test --var-values does: the expression, and under it a line from
// each variable to its value. Empty when the expression has no variables.
func varValues(e *topdown.Event) string {
	var b strings.Builder
	if err := topdown.PrettyEvent(&b, e, topdown.PrettyEventOpts{PrettyVars: true}); err != nil {
		return ""
	}
	lines := strings.Split(strings.TrimRight(b.String(), "\n"), "\n")
	if len(lines) < 2 {
		return "" // the expression alone: no variables to show
	}
	for i, l := range lines {
		lines[i] = "  " + strings.TrimPrefix(l, "\t")
	}
	return strings.Join(lines, "\n")
}

// failedAt is the last expression that failed in a test's own queries,
// found as opa test finds it; inside `every`, the failing body expression.
func failedAt(trace []*topdown.Event) *topdown.Event {
	for _, e := range slices.Backward(trace) {
		if e.Op != topdown.FailOp || e.Location == nil || e.QueryID == 0 {
			continue
		}
		if expr, ok := e.Node.(*ast.Expr); ok {
			if _, isEvery := expr.Terms.(*ast.Every); isEvery {
				continue
			}
		}
		return e
	}
	return nil
}
