package main

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"time"

	"github.com/hashicorp/hcl/v2"
	"github.com/open-policy-agent/opa/v1/cover"
	"github.com/spf13/cobra"

	"github.com/citygate/citygate/engine"
	"github.com/citygate/citygate/engine/finding"
	"github.com/citygate/citygate/engine/inventory"
	"github.com/citygate/citygate/engine/policy"
	"github.com/citygate/citygate/engine/report"
	"github.com/citygate/citygate/internal/config"
	"github.com/citygate/citygate/internal/expect"
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
	f.StringArray("policy", nil, "a directory of user Rego rules to load and test (repeatable)")
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

// testSettings are the flags of citygate test that the config file does
// not hold: they are read from the command line only.
type testSettings struct {
	builtin     bool
	fixtures    []string
	run         *regexp.Regexp
	coverage    bool
	coverageMin float64
	format      string
	output      string
	asOf        string
}

func readTestSettings(cmd *cobra.Command) (testSettings, error) {
	f := cmd.Flags()
	var s testSettings
	s.builtin, _ = f.GetBool("builtin")
	s.fixtures, _ = f.GetStringArray("fixtures")
	s.coverage, _ = f.GetBool("coverage")
	s.coverageMin, _ = f.GetFloat64("coverage-min")
	s.format, _ = f.GetString("format")
	s.output, _ = f.GetString("output")
	s.asOf, _ = f.GetString("as-of")
	if s.asOf == "" {
		s.asOf = policy.TestAsOf
	}
	if _, err := time.Parse(time.DateOnly, s.asOf); err != nil {
		return s, fmt.Errorf("invalid --as-of %q: want YYYY-MM-DD", s.asOf)
	}
	if run, _ := f.GetString("run"); run != "" {
		re, err := regexp.Compile(run)
		if err != nil {
			return s, fmt.Errorf("--run: %w", err)
		}
		s.run = re
	}
	if s.coverageMin < 0 || s.coverageMin > 100 {
		return s, fmt.Errorf("--coverage-min %g: want a percentage from 0 to 100", s.coverageMin)
	}
	if f.Changed("coverage-min") {
		s.coverage = true
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
	set, err := readTestSettings(cmd)
	if err != nil {
		return err
	}
	if set.builtin && cfg.NoBuiltin {
		return errors.New("--builtin and --no-builtin contradict each other")
	}
	plan, err := planTests(args, cfg, set)
	if err != nil {
		return err
	}
	lib, errs := policy.Load(plan.sources, policy.Options{Params: cfg.Params})
	if len(errs) > 0 {
		return printTestLoadErrors(cmd.ErrOrStderr(), errs)
	}
	ctx := cmd.Context()
	opts := policy.TestOptions{Coverage: set.coverage, Timeout: cfg.Timeout}
	if set.run != nil {
		opts.Run = set.run.String()
	}
	rep, errs := lib.Test(ctx, opts)
	if len(errs) > 0 {
		return printTestLoadErrors(cmd.ErrOrStderr(), errs)
	}
	if err := lib.LocateFailures(ctx, rep, opts); err != nil {
		return err
	}
	run := &testRun{AsOf: set.asOf, CoverageMin: set.coverageMin}
	for _, r := range rep.Results {
		if plan.tested[r.File] {
			run.Tests = append(run.Tests, r)
		}
	}
	if rep.Coverage != nil {
		run.Coverage = summarizeCoverage(rep.Coverage, plan.tested)
	}
	run.Fixtures, err = runFixtures(ctx, lib, plan.fixtures, cfg, set)
	if err != nil {
		return err
	}

	var buf bytes.Buffer
	switch set.format {
	case "json":
		err = writeTestJSON(&buf, run)
	case "junit":
		err = writeTestJUnit(&buf, run)
	default:
		err = writeTestText(&buf, run)
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

	c := run.counts()
	stderr := cmd.ErrOrStderr()
	switch {
	case c.errors > 0:
		return exitCode(exitError)
	case c.passed+c.failed == 0:
		if set.run != nil {
			fmt.Fprintf(stderr, "citygate: no test or fixture inventory matches --run %q\n", set.run.String())
		} else {
			fmt.Fprintln(stderr, "citygate: no tests found: write test_ rules in *_test.rego files beside the rules, or fixture inventories in <policy dir>/fixtures/")
		}
		return exitCode(exitError)
	case c.failed > 0:
		return exitCode(exitFindings)
	case run.coverageFailed():
		if set.format != "text" || set.output != "" {
			fmt.Fprintln(stderr, run.coverageMessage())
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

// testPlan is what a test run loads, which files it reports on, and where
// its fixtures are.
type testPlan struct {
	sources []policy.Source
	// tested holds the .rego files whose tests and coverage are reported:
	// every loaded file except the built-in helpers loaded only as support.
	tested   map[string]bool
	fixtures []fixtureDir
}

// fixtureDir is a directory of fixture inventories (or one inventory file).
type fixtureDir struct {
	path string
	// scope is the policy directory (as rule files name it) whose rules the
	// inventories are checked against; "" means every loaded rule.
	scope string
	// explicit dirs (--fixtures) run only inventories with markers.
	explicit bool
}

func planTests(args []string, cfg config.Config, set testSettings) (*testPlan, error) {
	plan := &testPlan{tested: map[string]bool{}}
	builtin := policy.BuiltinLib()
	if !cfg.NoBuiltin && (len(args) == 0 || set.builtin) {
		builtin = policy.Builtin()
		if err := plan.test(builtin); err != nil {
			return nil, err
		}
	}
	plan.sources = append(plan.sources, builtin)

	var dirs []string
	seen := map[string]bool{}
	for _, d := range append(append([]string{}, args...), cfg.Policy...) {
		clean := filepath.Clean(d)
		if seen[clean] {
			continue
		}
		seen[clean] = true
		info, err := os.Stat(clean)
		if err != nil {
			return nil, fmt.Errorf("policy directory: %w", err)
		}
		if !info.IsDir() {
			return nil, fmt.Errorf("policy directory %s is a file: give the directory that holds the .rego files", d)
		}
		src := policy.Dir(clean)
		if err := plan.test(src); err != nil {
			return nil, err
		}
		plan.sources = append(plan.sources, src)
		dirs = append(dirs, clean)
	}

	if len(set.fixtures) == 0 {
		for _, d := range dirs {
			fx := filepath.Join(d, "fixtures")
			if info, err := os.Stat(fx); err == nil && info.IsDir() {
				plan.fixtures = append(plan.fixtures, fixtureDir{path: fx, scope: filepath.ToSlash(d)})
			}
		}
		return plan, nil
	}
	for _, fx := range set.fixtures {
		fx = filepath.Clean(fx)
		if _, err := os.Stat(fx); err != nil {
			return nil, fmt.Errorf("--fixtures: %w", err)
		}
		scope := ""
		for _, d := range dirs {
			if within(fx, d) && len(d) > len(scope) {
				scope = d
			}
		}
		plan.fixtures = append(plan.fixtures, fixtureDir{path: fx, scope: filepath.ToSlash(scope), explicit: true})
	}
	return plan, nil
}

// test marks every .rego file of a source as under test.
func (p *testPlan) test(src policy.Source) error {
	files, err := src.Files()
	if err != nil {
		return fmt.Errorf("policy directory %s: %w", src.Prefix, err)
	}
	for _, f := range files {
		p.tested[f] = true
	}
	return nil
}

// within reports whether path is dir or lies beneath it.
func within(path, dir string) bool {
	rel, err := filepath.Rel(dir, path)
	return err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator)) && !filepath.IsAbs(rel)
}

// fixtureResult is the outcome of checking one fixture inventory.
type fixtureResult struct {
	Dir       string
	Inventory string
	// Status is pass, fail, error (the inventory or its markers could not
	// be read) or skip (an inventory of a --fixtures dir with no markers).
	Status     string
	Expected   int
	Missing    []expect.Expectation
	Unexpected []finding.Finding
	Errors     []string
	Duration   time.Duration
	// unknown are rule ids markers name that no loaded rule has.
	unknown map[string]bool
}

// fixtureCases lists the inventories of a fixture dir: each subdirectory
// and each *.hcl or *.hcl.json file in it; a file given as the dir is one.
func fixtureCases(dir string) ([]string, error) {
	info, err := os.Stat(dir)
	if err != nil {
		return nil, err
	}
	if !info.IsDir() {
		return []string{dir}, nil
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, err
	}
	var out []string
	for _, e := range entries {
		name := e.Name()
		switch {
		case strings.HasPrefix(name, "."):
		case e.IsDir(), strings.HasSuffix(name, ".hcl"), strings.HasSuffix(name, ".hcl.json"):
			out = append(out, filepath.Join(dir, name))
		}
	}
	return out, nil
}

// runFixtures checks every fixture inventory against its markers.
func runFixtures(ctx context.Context, lib *policy.Library, dirs []fixtureDir, cfg config.Config, set testSettings) ([]fixtureResult, error) {
	if len(dirs) == 0 {
		return nil, nil
	}
	eng, err := engine.New(ctx, lib, engine.WithAsOf(set.asOf), engine.WithTimeout(cfg.Timeout),
		engine.WithLimits(cfg.Limits), engine.WithParallel(cfg.Parallel))
	if err != nil {
		return nil, err
	}
	ruleFile := map[string]string{}
	for _, r := range lib.Rules() {
		ruleFile[r.ID] = r.File
	}
	var out []fixtureResult
	for _, d := range dirs {
		cases, err := fixtureCases(d.path)
		if err != nil {
			return nil, fmt.Errorf("fixtures: %w", err)
		}
		for _, c := range cases {
			if set.run != nil && !set.run.MatchString(filepath.ToSlash(c)) {
				continue
			}
			out = append(out, checkFixture(ctx, eng, d, c, cfg.Limits, ruleFile))
		}
	}
	return out, nil
}

func checkFixture(ctx context.Context, eng *engine.Engine, d fixtureDir, path string, limits inventory.Limits, ruleFile map[string]string) (res fixtureResult) {
	start := time.Now()
	res = fixtureResult{Dir: filepath.ToSlash(d.path), Inventory: filepath.ToSlash(path), Status: "pass"}
	defer func() { res.Duration = time.Since(start) }()
	files, diags := inventory.List(inventory.OS{}, path, limits)
	if diags.HasErrors() {
		res.Status, res.Errors = "error", diagStrings(diags)
		return res
	}
	want, err := expect.Markers(inventory.OS{}, files)
	if err != nil {
		res.Status, res.Errors = "error", []string{err.Error()}
		return res
	}
	res.Expected = len(want)
	if d.explicit && len(want) == 0 {
		res.Status = "skip"
		return res
	}
	result, err := eng.Check(ctx, []string{path})
	if err != nil {
		res.Status, res.Errors = "error", []string{err.Error()}
		return res
	}
	if len(result.Errors) > 0 {
		res.Status = "error"
		for _, e := range result.Errors {
			res.Errors = append(res.Errors, findingErrorString(e))
		}
		return res
	}
	var got []finding.Finding
	for _, f := range result.Findings {
		if d.scope == "" || strings.HasPrefix(ruleFile[f.RuleID], d.scope+"/") {
			got = append(got, f)
		}
	}
	diff := expect.Compare(want, got)
	res.Missing, res.Unexpected = diff.Missing, diff.Unexpected
	for _, m := range diff.Missing {
		if _, ok := ruleFile[m.RuleID]; !ok {
			if res.unknown == nil {
				res.unknown = map[string]bool{}
			}
			res.unknown[m.RuleID] = true
		}
	}
	if !diff.OK() {
		res.Status = "fail"
	}
	return res
}

func diagStrings(diags hcl.Diagnostics) []string {
	var out []string
	for _, d := range diags {
		if d.Severity != hcl.DiagError {
			continue
		}
		s := d.Summary
		if d.Detail != "" {
			s += ": " + d.Detail
		}
		if d.Subject != nil {
			s = fmt.Sprintf("%s:%d:%d: %s", d.Subject.Filename, d.Subject.Start.Line, d.Subject.Start.Column, s)
		}
		out = append(out, s)
	}
	return out
}

func findingErrorString(e finding.Error) string {
	s := e.Summary
	if e.Detail != "" {
		s += ": " + e.Detail
	}
	switch {
	case e.File != "" && e.Line > 0:
		return fmt.Sprintf("%s:%d:%d: %s", e.File, e.Line, e.Column, s)
	case e.File != "":
		return e.File + ": " + s
	}
	return s
}

// testRun is everything a test run found, for the reporters.
type testRun struct {
	AsOf        string
	Tests       []policy.TestResult
	Fixtures    []fixtureResult
	Coverage    *coverageSummary
	CoverageMin float64
}

type testCounts struct{ passed, failed, skipped, errors int }

// counts adds Rego tests and fixture inventories together; an inventory
// that could not be checked counts as failed (and makes the exit code 2).
func (r *testRun) counts() testCounts {
	var c testCounts
	for _, t := range r.Tests {
		if t.Pass {
			c.passed++
		} else {
			c.failed++
		}
	}
	for _, f := range r.Fixtures {
		switch f.Status {
		case "pass":
			c.passed++
		case "skip":
			c.skipped++
		case "error":
			c.errors++
			c.failed++
		default:
			c.failed++
		}
	}
	return c
}

func (r *testRun) coverageFailed() bool {
	return r.Coverage != nil && r.CoverageMin > 0 && r.Coverage.Coverage < r.CoverageMin
}

func (r *testRun) coverageMessage() string {
	return fmt.Sprintf("coverage %.2f%% is below --coverage-min %g%%", r.Coverage.Coverage, r.CoverageMin)
}

// coverageFile is the coverage of one rule or library file.
type coverageFile struct {
	File       string  `json:"file"`
	Coverage   float64 `json:"coverage"`
	Covered    int     `json:"covered_lines"`
	NotCovered int     `json:"not_covered_lines"`
	// Ranges are the line ranges not covered, [start, end] inclusive.
	Ranges [][2]int `json:"not_covered"`
}

type coverageSummary struct {
	Files      []coverageFile `json:"files"`
	Covered    int            `json:"covered_lines"`
	NotCovered int            `json:"not_covered_lines"`
	Coverage   float64        `json:"coverage"`
}

// summarizeCoverage keeps the rule and library files under test (OPA's
// report also lists the test modules it ran) and totals them.
func summarizeCoverage(rep *cover.Report, tested map[string]bool) *coverageSummary {
	s := &coverageSummary{Files: []coverageFile{}}
	for name, fr := range rep.Files {
		if !tested[name] || strings.HasSuffix(name, "_test.rego") {
			continue
		}
		f := coverageFile{File: name, Coverage: fr.Coverage, Covered: fr.CoveredLines, NotCovered: fr.NotCoveredLines, Ranges: [][2]int{}}
		for _, r := range fr.NotCovered {
			f.Ranges = append(f.Ranges, [2]int{r.Start.Row, r.End.Row})
		}
		s.Files = append(s.Files, f)
		s.Covered += f.Covered
		s.NotCovered += f.NotCovered
	}
	sort.Slice(s.Files, func(i, j int) bool { return s.Files[i].File < s.Files[j].File })
	if total := s.Covered + s.NotCovered; total > 0 {
		s.Coverage = 100 * float64(s.Covered) / float64(total)
	}
	return s
}
