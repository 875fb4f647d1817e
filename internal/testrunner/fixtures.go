package testrunner

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/citygate/citygate/engine"
	"github.com/citygate/citygate/engine/finding"
	"github.com/citygate/citygate/engine/inventory"
	"github.com/citygate/citygate/engine/policy"
	"github.com/citygate/citygate/internal/config"
	"github.com/citygate/citygate/internal/expect"
)

// FixtureStatus is the outcome of one fixture inventory. The values are
// those of the JSON report.
type FixtureStatus string

const (
	// FixturePass: exactly the expected findings.
	FixturePass FixtureStatus = "pass"
	// FixtureFail: a finding missing or unexpected.
	FixtureFail FixtureStatus = "fail"
	// FixtureError: the inventory or its markers could not be read or
	// checked.
	FixtureError FixtureStatus = "error"
	// FixtureSkip: an inventory of a --fixtures dir with no markers.
	FixtureSkip FixtureStatus = "skip"
)

// FixtureResult is the outcome of checking one fixture inventory.
type FixtureResult struct {
	Dir        string
	Inventory  string
	Status     FixtureStatus
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
func runFixtures(ctx context.Context, lib *policy.Library, dirs []fixtureDir, cfg config.Config, set Settings) ([]FixtureResult, error) {
	if len(dirs) == 0 {
		return nil, nil
	}
	opts := []engine.Option{engine.WithAsOf(set.AsOf), engine.WithTimeout(cfg.Timeout),
		engine.WithLimits(cfg.Limits), engine.WithParallel(cfg.Parallel)}
	var printer *fixturePrinter
	if set.Print != nil {
		printer = &fixturePrinter{w: set.Print}
		opts = append(opts, engine.WithPrint(printer))
	}
	eng, err := engine.New(ctx, lib, opts...)
	if err != nil {
		return nil, err
	}
	ruleFile := map[string]string{}
	for _, r := range lib.Rules() {
		ruleFile[r.ID] = r.File
	}
	var out []FixtureResult
	for _, d := range dirs {
		cases, err := fixtureCases(d.path)
		if err != nil {
			return nil, fmt.Errorf("fixtures: %w", err)
		}
		for _, c := range cases {
			if set.Run != nil && !set.Run.MatchString(filepath.ToSlash(c)) {
				continue
			}
			printer.start(c)
			out = append(out, checkFixture(ctx, eng, d, c, cfg.Limits, ruleFile))
		}
	}
	return out, nil
}

func checkFixture(ctx context.Context, eng *engine.Engine, d fixtureDir, path string, limits inventory.Limits, ruleFile map[string]string) (res FixtureResult) {
	start := time.Now()
	res = FixtureResult{Dir: filepath.ToSlash(d.path), Inventory: filepath.ToSlash(path), Status: FixturePass}
	defer func() { res.Duration = time.Since(start) }()
	files, diags := inventory.List(inventory.OS{}, path, limits)
	if diags.HasErrors() {
		res.Status, res.Errors = FixtureError, inventory.ErrorLines(diags)
		return res
	}
	want, err := expect.Markers(inventory.OS{}, files)
	if err != nil {
		res.Status, res.Errors = FixtureError, []string{err.Error()}
		return res
	}
	res.Expected = len(want)
	if d.explicit && len(want) == 0 {
		res.Status = FixtureSkip
		return res
	}
	result, err := eng.Check(ctx, []string{path})
	if err != nil {
		res.Status, res.Errors = FixtureError, []string{err.Error()}
		return res
	}
	if len(result.Errors) > 0 {
		res.Status = FixtureError
		for _, e := range result.Errors {
			res.Errors = append(res.Errors, findingErrorString(e))
		}
		return res
	}
	var got []finding.Finding
	for _, f := range result.Findings {
		if d.scope == nil || d.scope[ruleFile[f.RuleID]] {
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
		res.Status = FixtureFail
	}
	return res
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

// fixturePrinter writes print() output of the fixture runs under a line
// naming the inventory that printed it. Fixtures are checked one after
// the other, so the current one is the one printing.
type fixturePrinter struct {
	w       io.Writer
	current string
	named   bool
}

func (p *fixturePrinter) start(path string) {
	if p != nil {
		p.current, p.named = filepath.ToSlash(path), false
	}
}

func (p *fixturePrinter) Write(b []byte) (int, error) {
	if !p.named {
		p.named = true
		if _, err := fmt.Fprintf(p.w, "print output of fixture %s:\n", p.current); err != nil {
			return 0, err
		}
	}
	return p.w.Write(b)
}
