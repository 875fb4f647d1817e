package testrunner

import (
	"context"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/citygate/citygate/engine"
	"github.com/citygate/citygate/engine/policy"
	"github.com/citygate/citygate/internal/config"
)

// LoadErrors are the policy and test compile errors that stopped a run
// before any test ran.
type LoadErrors struct{ Errors policy.Errors }

func (e *LoadErrors) Error() string { return e.Errors.Error() }

// Execute plans and runs one citygate test: the Rego unit tests of the
// tested policy files, with coverage when asked for, then the fixture
// inventories. dirs are the policy directories given as arguments. A
// *LoadErrors error means a policy or test did not compile; any other
// error, that the run could not start (a missing directory, a cancelled
// context).
func Execute(ctx context.Context, dirs []string, cfg config.Config, set Settings) (*Run, error) {
	if set.Builtin && cfg.NoBuiltin {
		return nil, errors.New("--builtin and --no-builtin contradict each other")
	}
	p, err := newPlan(dirs, cfg, set)
	if err != nil {
		return nil, err
	}
	lib, errs := policy.Load(p.sources, policy.Options{Params: cfg.Params, NoBuiltinRules: p.noBuiltinRules, Print: set.Print != nil, CitygateVersion: engine.Version})
	if len(errs) > 0 {
		return nil, &LoadErrors{errs}
	}
	opts := policy.TestOptions{Coverage: set.Coverage, Timeout: cfg.Timeout}
	if set.Run != nil {
		opts.Run = set.Run.String()
	}
	rep, errs := lib.Test(ctx, opts)
	if len(errs) > 0 {
		return nil, &LoadErrors{errs}
	}
	if err := lib.LocateFailures(ctx, rep, opts); err != nil {
		return nil, err
	}
	run := &Run{AsOf: set.AsOf, CoverageMin: set.CoverageMin}
	for _, r := range rep.Results {
		if p.tested[r.File] {
			run.Tests = append(run.Tests, r)
		}
	}
	writePrintOutput(set.Print, run.Tests)
	if rep.Coverage != nil {
		run.Coverage = summarizeCoverage(rep.Coverage, p.tested)
	}
	run.Fixtures, err = runFixtures(ctx, lib, p.fixtures, cfg, set)
	if err != nil {
		return nil, err
	}
	return run, nil
}

// writePrintOutput writes what print() wrote in each test, under a line
// naming the test, in file and line order.
func writePrintOutput(w io.Writer, tests []policy.TestResult) {
	if w == nil {
		return
	}
	for _, t := range tests {
		if t.Output == "" {
			continue
		}
		fmt.Fprintf(w, "print output of %s:%d: %s:\n%s", t.File, t.Line, t.Name, t.Output)
		if !strings.HasSuffix(t.Output, "\n") {
			fmt.Fprintln(w)
		}
	}
}
