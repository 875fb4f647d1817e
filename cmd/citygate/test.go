package main

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"regexp"
	"time"

	"github.com/spf13/cobra"

	"github.com/citygate/citygate/engine/policy"
	"github.com/citygate/citygate/engine/report"
	"github.com/citygate/citygate/internal/testrunner"
)

func newTestCmd() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "test [DIR...]",
		Short: "Run the Rego unit tests and fixture expectations of policy directories",
		Long: `test runs every test_ rule of the *_test.rego files with OPA's tester, with
citygate.lib, the params and the inventory schema exactly as check has them,
at the as-of date ` + policy.TestAsOf + `. Then it checks every fixture inventory
against its "# expect: RULE-ID" markers.

What is tested:
  no DIR            the built-in library, plus every --policy directory
  DIR...            those policy directories (and --policy ones) with only the
                    citygate.lib helpers of the built-in library: its rules and
                    tests are left out, unless --builtin is given
  --no-builtin      never load or test the built-in rules

A DIR (or --policy) may be a single .rego file. The built-in library is
named <builtin>/policies/... everywhere, so a folder of yours called
policies/ is never mistaken for it; a rule of yours that takes a built-in
rule's id is refused, as check refuses it. Your tests and fixtures run with
the params of the config; the built-in tests always with the built-in ones.

Fixtures: each policy directory's fixtures/ subdirectory (or the --fixtures
directories instead) holds one inventory per subdirectory or *.hcl file.
Each is checked at --as-of (default ` + policy.TestAsOf + `) and its findings must be
exactly the ones its markers name: a missing or unexpected finding fails.
Inventories are checked against the rules of the policy directory that
holds them (the findings of other rules are ignored), or against every
loaded rule when they lie outside all policy directories. Those in a policy
directory's fixtures/ always run (no marker: no finding expected); those in
a --fixtures directory run only when they carry at least one marker.

The last line of text output is "N passed, M failed".
Exit codes: 0 all passed; 1 a test or fixture failed, or coverage is below
--coverage-min; 2 a policy, test or fixture could not be loaded, or nothing
was found to test.`,
		Example: `  citygate test
  citygate test fixtures/custom-policy --coverage
  citygate test policies/ --coverage-min 90 -f junit -o rego-tests.xml
  citygate test my-rules/ --run 'video|cctv' --fixtures my-rules/cases`,
		RunE: runTest,
	}
	f := cmd.Flags()
	f.StringArray("policy", nil, "a directory of user Rego rules, or one .rego file, to load and test (repeatable)")
	f.Bool("no-builtin", false, "do not load the built-in rules (the citygate.lib helpers stay)")
	f.Bool("builtin", false, "with DIR arguments, also load and test the built-in library")
	f.StringArray("fixtures", nil, "a directory of fixture inventories, instead of each policy directory's fixtures/ (repeatable)")
	f.String("run", "", "run only the tests whose package.name, and the fixtures whose path, match this regular expression")
	f.Bool("coverage", false, "report the coverage of the tested rule files, with the lines not covered")
	f.Float64("coverage-min", 0, "fail (exit 1) when the total coverage is below this percentage (implies --coverage)")
	f.StringP("format", "f", "text", "output format: text, json or junit")
	f.StringP("output", "o", "", "write the report to FILE atomically instead of stdout")
	f.String("as-of", "", "evaluation date of the fixture inventories, YYYY-MM-DD (default "+policy.TestAsOf+"; Rego unit tests always use "+policy.TestAsOf+")")
	f.Duration("timeout", 30*time.Second, "deadline for each test and each fixture inventory")
	return cmd
}

// testFlags are the flags of citygate test that the config file does not
// hold: the runner's settings, and where and how to write the report.
type testFlags struct {
	testrunner.Settings
	format string
	output string
}

func readTestFlags(cmd *cobra.Command) (testFlags, error) {
	f := cmd.Flags()
	var s testFlags
	s.Builtin, _ = f.GetBool("builtin")
	s.Fixtures, _ = f.GetStringArray("fixtures")
	s.Coverage, _ = f.GetBool("coverage")
	s.CoverageMin, _ = f.GetFloat64("coverage-min")
	s.format, _ = f.GetString("format")
	s.output, _ = f.GetString("output")
	s.AsOf, _ = f.GetString("as-of")
	if s.AsOf == "" {
		s.AsOf = policy.TestAsOf
	}
	if _, err := time.Parse(time.DateOnly, s.AsOf); err != nil {
		return s, fmt.Errorf("invalid --as-of %q: want YYYY-MM-DD", s.AsOf)
	}
	if run, _ := f.GetString("run"); run != "" {
		re, err := regexp.Compile(run)
		if err != nil {
			return s, fmt.Errorf("--run: %w", err)
		}
		s.Run = re
	}
	if s.CoverageMin < 0 || s.CoverageMin > 100 {
		return s, fmt.Errorf("--coverage-min %g: want a percentage from 0 to 100", s.CoverageMin)
	}
	if f.Changed("coverage-min") {
		s.Coverage = true
	}
	switch s.format {
	case "text", "json", "junit":
	default:
		return s, fmt.Errorf("unknown format %q for test: want text, json or junit", s.format)
	}
	return s, nil
}

func runTest(cmd *cobra.Command, args []string) error {
	cfg, err := loadConfig(cmd)
	if err != nil {
		return err
	}
	set, err := readTestFlags(cmd)
	if err != nil {
		return err
	}
	set.Print = safeWriter{cmd.ErrOrStderr()}
	run, err := testrunner.Execute(cmd.Context(), args, cfg, set.Settings)
	var lerr *testrunner.LoadErrors
	if errors.As(err, &lerr) {
		return printTestLoadErrors(cmd.ErrOrStderr(), lerr.Errors)
	}
	if err != nil {
		return err
	}

	var buf bytes.Buffer
	switch set.format {
	case "json":
		err = testrunner.WriteJSON(&buf, run)
	case "junit":
		err = testrunner.WriteJUnit(&buf, run)
	default:
		err = testrunner.WriteText(&buf, run)
	}
	if err != nil {
		return err
	}
	if set.output != "" {
		if err := report.WriteFileAtomic(set.output, buf.Bytes(), report.ReportPerm); err != nil {
			return fmt.Errorf("writing %s: %w", set.output, err)
		}
	} else if _, err := cmd.OutOrStdout().Write(buf.Bytes()); err != nil {
		return err
	}
	return testExit(cmd.ErrOrStderr(), run, set)
}

// testExit maps a run's counts to the exit code, saying why on stderr
// where the report does not.
func testExit(stderr io.Writer, run *testrunner.Run, set testFlags) error {
	c := run.Counts()
	switch {
	case c.Errors > 0:
		return exitCode(exitError)
	case c.Passed+c.Failed == 0:
		if set.Run != nil {
			fmt.Fprintf(stderr, "citygate: no test or fixture inventory matches --run %q\n", set.Run.String())
		} else {
			fmt.Fprintln(stderr, "citygate: no tests found: write test_ rules in *_test.rego files beside the rules, or fixture inventories in <policy dir>/fixtures/")
		}
		return exitCode(exitError)
	case c.Failed > 0:
		return exitCode(exitFindings)
	case run.CoverageFailed():
		if set.format != "text" || set.output != "" {
			fmt.Fprintln(stderr, run.CoverageMessage())
		}
		return exitCode(exitFindings)
	}
	return nil
}

// printTestLoadErrors prints policy and test compile errors as check does
// and stops the run with exit 2.
func printTestLoadErrors(w io.Writer, errs policy.Errors) error {
	for _, e := range errs {
		fmt.Fprintf(w, "Error: %s\n", report.SafeText(e.Error()))
	}
	fmt.Fprintf(w, "\n%d policy error(s); no test was run.\n", len(errs))
	return exitCode(exitError)
}
