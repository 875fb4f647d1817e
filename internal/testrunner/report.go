package testrunner

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/citygate/citygate/engine/policy"
	"github.com/citygate/citygate/engine/report"
	"github.com/citygate/citygate/internal/expect"
)

// The reporters of citygate test: text (one line per test, like
// `opa test -v`, ending with "N passed, M failed"), json and junit.

// WriteText writes one PASS/FAIL/ERROR/SKIP line per test and fixture
// inventory, the failure details indented under it, the coverage when
// asked for, and the summary line last. Test output and messages come from
// policy and inventory files, so all of it is printed safe.
func WriteText(w io.Writer, r *Run) error {
	var b strings.Builder
	detail := func(format string, args ...any) {
		for _, line := range strings.Split(strings.TrimRight(fmt.Sprintf(format, args...), "\n"), "\n") {
			b.WriteString("      " + line + "\n")
		}
	}
	for _, t := range r.Tests {
		status := "PASS"
		if !t.Pass {
			status = "FAIL"
		}
		fmt.Fprintf(&b, "%-5s %s: %s (%s)\n", status, t.File, t.Name, testDuration(t.Duration))
		if !t.Pass {
			detail("%s", t.Error)
		}
		if !t.Pass && strings.TrimSpace(t.Output) != "" {
			detail("print output:\n%s", t.Output)
		}
	}
	for _, f := range r.Fixtures {
		switch f.Status {
		case FixturePass:
			found := plural(f.Expected, "finding")
			if f.Expected == 0 {
				found = "no findings"
			}
			fmt.Fprintf(&b, "PASS  %s: %s, as expected (%s)\n", f.Inventory, found, testDuration(f.Duration))
		case FixtureSkip:
			fmt.Fprintf(&b, "SKIP  %s: no # expect: markers\n", f.Inventory)
		case FixtureError:
			fmt.Fprintf(&b, "ERROR %s: the inventory could not be checked\n", f.Inventory)
			for _, e := range f.Errors {
				detail("%s", e)
			}
		default:
			fmt.Fprintf(&b, "FAIL  %s: %d missing, %d unexpected (%s)\n", f.Inventory, len(f.Missing), len(f.Unexpected), testDuration(f.Duration))
			for _, m := range f.Missing {
				note := ""
				if f.unknown[m.RuleID] {
					note = " (no loaded rule has this id)"
				}
				detail("missing finding     %s%s", m, note)
			}
			for _, u := range f.Unexpected {
				detail("unexpected finding  %s:%d: %s %s", u.Location.File, u.Location.Start.Line, u.RuleID, u.Message)
			}
		}
	}
	if c := r.Coverage; c != nil {
		b.WriteString("\ncoverage:\n")
		for _, f := range c.Files {
			fmt.Fprintf(&b, "  %6.2f%%  %s", f.Coverage, f.File)
			if len(f.Ranges) > 0 {
				fmt.Fprintf(&b, "  not covered: %s", lineRanges(f.Ranges))
			}
			b.WriteString("\n")
		}
		fmt.Fprintf(&b, "  %6.2f%%  total (%d of %d lines)\n", c.Coverage, c.Covered, c.Covered+c.NotCovered)
		if r.CoverageFailed() {
			b.WriteString(r.CoverageMessage() + "\n")
		}
	}
	c := r.Counts()
	b.WriteString("\n")
	if c.Skipped > 0 {
		fmt.Fprintf(&b, "%s skipped (no # expect: markers)\n", plural(c.Skipped, "fixture inventory"))
	}
	fmt.Fprintf(&b, "%d passed, %d failed\n", c.Passed, c.Failed)
	_, err := io.WriteString(w, report.SafeText(b.String()))
	return err
}

func plural(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	if strings.HasSuffix(noun, "y") {
		return fmt.Sprintf("%d %sies", n, strings.TrimSuffix(noun, "y"))
	}
	return fmt.Sprintf("%d %ss", n, noun)
}

// testDuration prints a test's time as opa test does: µs below a
// millisecond, ms with one decimal below a second, then seconds.
func testDuration(d time.Duration) string {
	switch {
	case d < time.Millisecond:
		return fmt.Sprintf("%dµs", d.Microseconds())
	case d < time.Second:
		return fmt.Sprintf("%.1fms", float64(d)/float64(time.Millisecond))
	}
	return fmt.Sprintf("%.2fs", d.Seconds())
}

// lineRanges prints [[3,3],[7,9]] as "3, 7-9".
func lineRanges(rs [][2]int) string {
	parts := make([]string, len(rs))
	for i, r := range rs {
		if r[0] == r[1] {
			parts[i] = fmt.Sprint(r[0])
		} else {
			parts[i] = fmt.Sprintf("%d-%d", r[0], r[1])
		}
	}
	return strings.Join(parts, ", ")
}

// The JSON document of citygate test -f json.
type testJSONDoc struct {
	// TestsAsOf is the evaluation date of the Rego unit tests (always
	// policy.TestAsOf), FixturesAsOf that of the fixture inventories.
	TestsAsOf    string            `json:"tests_as_of"`
	FixturesAsOf string            `json:"fixtures_as_of"`
	Tests        []testJSONTest    `json:"tests"`
	Fixtures     []testJSONFixture `json:"fixtures"`
	Coverage     *CoverageSummary  `json:"coverage,omitempty"`
	Summary      testJSONSummary   `json:"summary"`
}

type testJSONTest struct {
	Package    string  `json:"package"`
	Name       string  `json:"name"`
	File       string  `json:"file"`
	Line       int     `json:"line"`
	Pass       bool    `json:"pass"`
	DurationMS float64 `json:"duration_ms"`
	Error      string  `json:"error,omitempty"`
	Output     string  `json:"output,omitempty"`
}

type testJSONFixture struct {
	Inventory  string                `json:"inventory"`
	Dir        string                `json:"fixtures_dir"`
	Status     FixtureStatus         `json:"status"`
	Expected   int                   `json:"expected"`
	Missing    []testJSONExpectation `json:"missing"`
	Unexpected []testJSONExpectation `json:"unexpected"`
	Errors     []string              `json:"errors"`
	DurationMS float64               `json:"duration_ms"`
}

type testJSONExpectation struct {
	File       string `json:"file"`
	Line       int    `json:"line"`
	RuleID     string `json:"rule_id"`
	Suppressed string `json:"suppressed,omitempty"`
	Message    string `json:"message,omitempty"`
}

type testJSONSummary struct {
	Passed         int     `json:"passed"`
	Failed         int     `json:"failed"`
	Skipped        int     `json:"skipped"`
	Errors         int     `json:"errors"`
	CoverageMin    float64 `json:"coverage_min,omitempty"`
	CoverageFailed bool    `json:"coverage_failed"`
}

func ms(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 }

func WriteJSON(w io.Writer, r *Run) error {
	c := r.Counts()
	doc := testJSONDoc{
		TestsAsOf:    policy.TestAsOf,
		FixturesAsOf: r.AsOf,
		Tests:        []testJSONTest{},
		Fixtures:     []testJSONFixture{},
		Coverage:     r.Coverage,
		Summary: testJSONSummary{Passed: c.Passed, Failed: c.Failed, Skipped: c.Skipped, Errors: c.Errors,
			CoverageMin: r.CoverageMin, CoverageFailed: r.CoverageFailed()},
	}
	for _, t := range r.Tests {
		doc.Tests = append(doc.Tests, testJSONTest{Package: t.Package, Name: t.Name, File: t.File, Line: t.Line,
			Pass: t.Pass, DurationMS: ms(t.Duration), Error: t.Error, Output: t.Output})
	}
	for _, f := range r.Fixtures {
		j := testJSONFixture{Inventory: f.Inventory, Dir: f.Dir, Status: f.Status, Expected: f.Expected,
			Missing: []testJSONExpectation{}, Unexpected: []testJSONExpectation{}, Errors: f.Errors, DurationMS: ms(f.Duration)}
		if j.Errors == nil {
			j.Errors = []string{}
		}
		for _, m := range f.Missing {
			j.Missing = append(j.Missing, testJSONExpectation{File: m.File, Line: m.Line, RuleID: m.RuleID, Suppressed: m.Suppressed})
		}
		for _, u := range f.Unexpected {
			j.Unexpected = append(j.Unexpected, testJSONExpectation{File: u.Location.File, Line: u.Location.Start.Line,
				RuleID: u.RuleID, Suppressed: expect.Suppression(u), Message: u.Message})
		}
		doc.Fixtures = append(doc.Fixtures, j)
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(doc)
}

// WriteJUnit writes the JUnit document of citygate test -f junit, with
// the JUnit structs the report package shares: one testsuite per Rego
// package (classname = package, name = test name) and one per fixture
// directory (classname = the directory, name = the inventory).
func WriteJUnit(w io.Writer, r *Run) error {
	doc := report.JUnitSuites{Name: "citygate test"}
	for _, t := range r.Tests {
		c := report.JUnitCase{Classname: t.Package, Name: t.Name, File: t.File, Line: t.Line}
		if !t.Pass {
			c.Failure = &report.JUnitProblem{Message: firstLine(t.Error), Body: t.Error}
			c.SystemOut = t.Output
		}
		doc.Add(t.Package, c, t.Duration)
	}
	for _, f := range r.Fixtures {
		doc.Add(f.Dir, fixtureCase(f), f.Duration)
	}
	doc.Finish()
	return report.WriteJUnit(w, &doc)
}

// fixtureCase is one fixture inventory as a JUnit test case.
func fixtureCase(f FixtureResult) report.JUnitCase {
	name := strings.TrimPrefix(strings.TrimPrefix(f.Inventory, f.Dir), "/")
	if name == "" {
		name = f.Inventory
	}
	c := report.JUnitCase{Classname: f.Dir, Name: name, File: f.Inventory}
	switch f.Status {
	case FixtureSkip:
		c.Skipped = &report.JUnitProblem{Message: "no # expect: markers"}
	case FixtureError:
		c.Error = &report.JUnitProblem{Message: "the inventory could not be checked", Body: strings.Join(f.Errors, "\n")}
	case FixtureFail:
		var lines []string
		for _, m := range f.Missing {
			lines = append(lines, "missing finding "+m.String())
		}
		for _, u := range f.Unexpected {
			lines = append(lines, fmt.Sprintf("unexpected finding %s:%d: %s %s", u.Location.File, u.Location.Start.Line, u.RuleID, u.Message))
		}
		c.Failure = &report.JUnitProblem{Message: fmt.Sprintf("%d missing, %d unexpected", len(f.Missing), len(f.Unexpected)),
			Body: strings.Join(lines, "\n")}
	}
	return c
}

func firstLine(s string) string {
	line, _, _ := strings.Cut(s, "\n")
	return line
}
