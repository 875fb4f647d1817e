package policy

import (
	"context"
	"fmt"
	"reflect"
	"sort"
	"strings"
	"time"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/cover"
	"github.com/open-policy-agent/opa/v1/storage"
	"github.com/open-policy-agent/opa/v1/tester"
)

// TestAsOf is the evaluation date Rego unit tests run with, so that tests
// about ages and expiry never depend on the day they run.
const TestAsOf = "2026-01-01"

// TestOptions tune a test run.
type TestOptions struct {
	// Run is a regular expression selecting tests by package and name.
	Run string
	// Coverage records which rule lines the tests evaluated.
	Coverage bool
	// Timeout bounds each test; 0 means 30 seconds.
	Timeout time.Duration
}

// TestResult is the outcome of one test_ rule.
type TestResult struct {
	Package string
	Name    string
	File    string
	Line    int
	// Pass is Status == TestPassed.
	Pass   bool
	Status TestStatus
	// Error says what went wrong: the error raised, or where a failed
	// test stopped once LocateFailures has run.
	Error    string
	Duration time.Duration
	// Output is what print() wrote during the test.
	Output string
}

// TestStatus is the outcome of one Rego unit test.
type TestStatus string

const (
	// TestPassed: the test rule evaluated to true.
	TestPassed TestStatus = "pass"
	// TestFailed: the test rule was false or undefined; LocateFailures
	// names the expression where it stopped.
	TestFailed TestStatus = "fail"
	// TestErrored: evaluation raised an error (a builtin error, a
	// conflict, the deadline).
	TestErrored TestStatus = "error"
)

// TestReport is every test result in file and line order, and coverage of
// the non-test modules when asked for.
type TestReport struct {
	Results  []TestResult
	Coverage *cover.Report
}

// Failed counts tests that did not pass.
func (r *TestReport) Failed() int {
	n := 0
	for _, t := range r.Results {
		if !t.Pass {
			n++
		}
	}
	return n
}

// Test runs the library's *_test.rego modules against its rules, with the
// same compiler settings and schema as check, and as-of TestAsOf. User
// tests run with the library's params, built-in tests with the built-in
// ones (see testGroups).
func (l *Library) Test(ctx context.Context, opts TestOptions) (*TestReport, Errors) {
	if errs := l.parseBuiltinTests(); len(errs) > 0 {
		return nil, errs
	}
	if errs := checkTestInputs(l.tests, l.inventorySchema); len(errs) > 0 {
		return nil, errs // a misspelt test input would pass, testing nothing
	}
	var cov *cover.Cover
	if opts.Coverage {
		cov = cover.New()
	}
	report := &TestReport{}
	var all map[string]*ast.Module
	for _, g := range l.testGroups() {
		runner, store, modules := l.testRunner(opts, g)
		all = modules
		if opts.Run != "" {
			runner = runner.Filter(opts.Run)
		}
		if cov != nil {
			// One tracer for every group: coverage is the union.
			runner = runner.SetCoverageQueryTracer(cov)
		}
		results, errs := runGroup(ctx, runner, store)
		if len(errs) > 0 {
			return nil, errs
		}
		report.Results = append(report.Results, results...)
	}
	sort.SliceStable(report.Results, func(i, j int) bool {
		a, b := report.Results[i], report.Results[j]
		if a.File != b.File {
			return a.File < b.File
		}
		return a.Line < b.Line
	})
	if cov != nil {
		rules := make(map[string]*ast.Module, len(l.modules))
		for k, m := range all {
			if _, isTest := l.tests[k]; !isTest {
				rules[k] = m
			}
		}
		rep := cov.Report(rules)
		report.Coverage = &rep
	}
	return report, nil
}

// runGroup runs one group's tests and converts OPA's results.
func runGroup(ctx context.Context, runner *tester.Runner, store storage.Store) ([]TestResult, Errors) {
	txn, err := store.NewTransaction(ctx, storage.TransactionParams{})
	if err != nil {
		return nil, Errors{{Message: err.Error()}}
	}
	defer store.Abort(ctx, txn)
	ch, err := runner.RunTests(ctx, txn)
	if err != nil {
		if aerrs, ok := err.(ast.Errors); ok {
			errs := fromAST(aerrs)
			errs.sort()
			return nil, errs
		}
		return nil, Errors{{Message: err.Error()}}
	}
	var out []TestResult
	for r := range ch {
		tr := TestResult{Package: strings.TrimPrefix(r.Package, "data."), Name: r.Name, Pass: r.Pass(), Duration: r.Duration, Output: string(r.Output)}
		if r.Location != nil {
			tr.File, tr.Line = r.Location.File, r.Location.Row
		}
		tr.Status = TestPassed
		switch {
		case r.Error != nil:
			tr.Status, tr.Error = TestErrored, r.Error.Error()
		case r.Fail:
			tr.Status, tr.Error = TestFailed, "test failed"
			if r.FailedAt != nil {
				tr.Error = fmt.Sprintf("failed at %s:%d: %s", r.FailedAt.Location.File, r.FailedAt.Location.Row, r.FailedAt.String())
			}
		}
		out = append(out, tr)
	}
	return out, nil
}

// testGroup is a set of test modules that run together, against the same
// data.citygate.params.
type testGroup struct {
	tests  map[string]*ast.Module
	params map[string]any
}

// testGroups splits the tests by origin: the built-in tests always run
// with the built-in params (their expectations are written against
// policies/params.json, so a city's override must not fail them), the
// user's tests with the params the configuration sets, as check has them.
// When the two agree, one group runs them all, compiling once.
func (l *Library) testGroups() []testGroup {
	builtin, user := map[string]*ast.Module{}, map[string]*ast.Module{}
	for k, m := range l.tests {
		if l.builtinTest[k] {
			builtin[k] = m
		} else {
			user[k] = m
		}
	}
	defaults, err := DefaultParams()
	switch {
	case len(builtin) == 0 || err != nil:
		return []testGroup{{tests: l.tests, params: l.params}}
	case len(user) == 0:
		return []testGroup{{tests: l.tests, params: defaults}}
	case reflect.DeepEqual(defaults, l.params):
		return []testGroup{{tests: l.tests, params: l.params}}
	}
	return []testGroup{{tests: builtin, params: defaults}, {tests: user, params: l.params}}
}

// groupModules copies every module and the group's tests: the runner
// compiles them in place, and coverage is reported on them.
func (l *Library) groupModules(g testGroup) (map[string]*ast.Module, map[string]any) {
	all := make(map[string]*ast.Module, len(l.modules)+len(g.tests))
	for k, m := range l.modules {
		all[k] = m.Copy()
	}
	for k, m := range g.tests {
		all[k] = m.Copy()
	}
	return all, g.params
}

// testRunner is OPA's tester over copies of every module and the group's
// tests (also returned), with the same compiler settings and schema as
// check, the group's params, at TestAsOf.
func (l *Library) testRunner(opts TestOptions, g testGroup) (*tester.Runner, storage.Store, map[string]*ast.Module) {
	all, params := l.groupModules(g)
	timeout := opts.Timeout
	if timeout == 0 {
		timeout = 30 * time.Second
	}
	store := store(params, l.packData(), TestAsOf)
	runner := tester.NewRunner().
		SetCompiler(newCompiler(true).WithSchemas(l.schemaSet)).
		CapturePrintOutput(true).
		SetStore(store).
		SetModules(all).
		RaiseBuiltinErrors(true).
		SetTimeout(timeout).
		SetDefaultRegoVersion(ast.RegoV1)
	return runner, store, all
}
