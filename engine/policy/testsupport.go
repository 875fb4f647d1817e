package policy

import (
	"context"
	"fmt"
	"io/fs"
	"path"
	"regexp"
	"slices"
	"strings"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/storage"
	"github.com/open-policy-agent/opa/v1/topdown"

	"github.com/citygate/citygate/policies"
)

// BuiltinLib is the embedded citygate.lib helpers without the built-in
// rules and their tests: what user rules build on when a policy directory
// is tested on its own (citygate test DIR), so that neither the built-in
// tests nor the built-in rules' findings mix into the author's results.
func BuiltinLib() Source {
	return Source{FS: libOnly{policies.FS}, Prefix: "policies", Builtin: true}
}

// libOnly shows only lib/*.rego (without tests) of the embedded library.
type libOnly struct{ fsys fs.FS }

func keepLib(name string) bool {
	switch {
	case name == "." || name == "lib":
		return true
	case strings.HasPrefix(name, "lib/"):
		return strings.HasSuffix(name, ".rego") && !strings.HasSuffix(name, "_test.rego")
	}
	return false
}

func (l libOnly) Open(name string) (fs.File, error) {
	if !keepLib(name) {
		return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrNotExist}
	}
	return l.fsys.Open(name)
}

func (l libOnly) ReadDir(name string) ([]fs.DirEntry, error) {
	if !keepLib(name) {
		return nil, &fs.PathError{Op: "readdir", Path: name, Err: fs.ErrNotExist}
	}
	entries, err := fs.ReadDir(l.fsys, name)
	kept := make([]fs.DirEntry, 0, len(entries))
	for _, e := range entries {
		if keepLib(path.Join(name, e.Name())) {
			kept = append(kept, e)
		}
	}
	return kept, err
}

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
	type key struct {
		file string
		line int
	}
	failed := map[key]*TestResult{}
	var names []string
	for i := range rep.Results {
		r := &rep.Results[i]
		if r.Status != TestFailed {
			continue
		}
		failed[key{r.File, r.Line}] = r
		names = append(names, regexp.QuoteMeta("data."+r.Package+"."+r.Name))
	}
	if len(names) == 0 {
		return nil
	}
	if errs := l.parseBuiltinTests(); len(errs) > 0 {
		return errs
	}
	runner, store, _ := l.testRunner(opts)
	runner = runner.EnableTracing(true).Filter("^(?:" + strings.Join(names, "|") + ")$")
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
		tr, ok := failed[key{r.Location.File, r.Location.Row}]
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
