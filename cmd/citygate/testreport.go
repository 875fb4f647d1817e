package main

import (
	"encoding/json"
	"encoding/xml"
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

// writeTestText writes one PASS/FAIL/ERROR/SKIP line per test and fixture
// inventory, the failure details indented under it, the coverage when
// asked for, and the summary line last. Test output and messages come from
// policy and inventory files, so all of it is printed safe.
func writeTestText(w io.Writer, r *testRun) error {
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
		case "pass":
			found := plural(f.Expected, "finding")
			if f.Expected == 0 {
				found = "no findings"
			}
			fmt.Fprintf(&b, "PASS  %s: %s, as expected (%s)\n", f.Inventory, found, testDuration(f.Duration))
		case "skip":
			fmt.Fprintf(&b, "SKIP  %s: no # expect: markers\n", f.Inventory)
		case "error":
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
		if r.coverageFailed() {
			b.WriteString(r.coverageMessage() + "\n")
		}
	}
	c := r.counts()
	b.WriteString("\n")
	if c.skipped > 0 {
		fmt.Fprintf(&b, "%s skipped (no # expect: markers)\n", plural(c.skipped, "fixture inventory"))
	}
	fmt.Fprintf(&b, "%d passed, %d failed\n", c.passed, c.failed)
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
	Coverage     *coverageSummary  `json:"coverage,omitempty"`
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
	Status     string                `json:"status"`
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

func writeTestJSON(w io.Writer, r *testRun) error {
	c := r.counts()
	doc := testJSONDoc{
		TestsAsOf:    policy.TestAsOf,
		FixturesAsOf: r.AsOf,
		Tests:        []testJSONTest{},
		Fixtures:     []testJSONFixture{},
		Coverage:     r.Coverage,
		Summary: testJSONSummary{Passed: c.passed, Failed: c.failed, Skipped: c.skipped, Errors: c.errors,
			CoverageMin: r.CoverageMin, CoverageFailed: r.coverageFailed()},
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

// The JUnit document of citygate test -f junit: one testsuite per Rego
// package (classname = package, name = test name) and one per fixture
// directory (classname = the directory, name = the inventory).
type testJUnitSuites struct {
	XMLName  xml.Name         `xml:"testsuites"`
	Name     string           `xml:"name,attr"`
	Tests    int              `xml:"tests,attr"`
	Failures int              `xml:"failures,attr"`
	Errors   int              `xml:"errors,attr"`
	Skipped  int              `xml:"skipped,attr"`
	Time     string           `xml:"time,attr"`
	Suites   []testJUnitSuite `xml:"testsuite"`
}

type testJUnitSuite struct {
	Name     string          `xml:"name,attr"`
	Tests    int             `xml:"tests,attr"`
	Failures int             `xml:"failures,attr"`
	Errors   int             `xml:"errors,attr"`
	Skipped  int             `xml:"skipped,attr"`
	Time     string          `xml:"time,attr"`
	Cases    []testJUnitCase `xml:"testcase"`
	time     time.Duration
}

type testJUnitCase struct {
	Classname string            `xml:"classname,attr"`
	Name      string            `xml:"name,attr"`
	File      string            `xml:"file,attr,omitempty"`
	Line      int               `xml:"line,attr,omitempty"`
	Time      string            `xml:"time,attr"`
	Failure   *testJUnitProblem `xml:"failure,omitempty"`
	Error     *testJUnitProblem `xml:"error,omitempty"`
	Skipped   *testJUnitProblem `xml:"skipped,omitempty"`
	SystemOut string            `xml:"system-out,omitempty"`
}

type testJUnitProblem struct {
	Message string `xml:"message,attr"`
	Body    string `xml:",chardata"`
}

func seconds(d time.Duration) string { return fmt.Sprintf("%.3f", d.Seconds()) }

func writeTestJUnit(w io.Writer, r *testRun) error {
	doc := testJUnitSuites{Name: "citygate test"}
	index := map[string]int{}
	add := func(suite string, c testJUnitCase, d time.Duration) {
		i, ok := index[suite]
		if !ok {
			i = len(doc.Suites)
			index[suite] = i
			doc.Suites = append(doc.Suites, testJUnitSuite{Name: suite})
		}
		s := &doc.Suites[i]
		c.Time = seconds(d)
		s.Cases = append(s.Cases, c)
		s.Tests++
		s.time += d
		switch {
		case c.Failure != nil:
			s.Failures++
		case c.Error != nil:
			s.Errors++
		case c.Skipped != nil:
			s.Skipped++
		}
	}
	for _, t := range r.Tests {
		c := testJUnitCase{Classname: t.Package, Name: t.Name, File: t.File, Line: t.Line}
		if !t.Pass {
			c.Failure = &testJUnitProblem{Message: firstLine(t.Error), Body: t.Error}
			c.SystemOut = t.Output
		}
		add(t.Package, c, t.Duration)
	}
	for _, f := range r.Fixtures {
		name := strings.TrimPrefix(strings.TrimPrefix(f.Inventory, f.Dir), "/")
		if name == "" {
			name = f.Inventory
		}
		c := testJUnitCase{Classname: f.Dir, Name: name, File: f.Inventory}
		switch f.Status {
		case "skip":
			c.Skipped = &testJUnitProblem{Message: "no # expect: markers"}
		case "error":
			c.Error = &testJUnitProblem{Message: "the inventory could not be checked", Body: strings.Join(f.Errors, "\n")}
		case "fail":
			var lines []string
			for _, m := range f.Missing {
				lines = append(lines, "missing finding "+m.String())
			}
			for _, u := range f.Unexpected {
				lines = append(lines, fmt.Sprintf("unexpected finding %s:%d: %s %s", u.Location.File, u.Location.Start.Line, u.RuleID, u.Message))
			}
			c.Failure = &testJUnitProblem{Message: fmt.Sprintf("%d missing, %d unexpected", len(f.Missing), len(f.Unexpected)),
				Body: strings.Join(lines, "\n")}
		}
		add(f.Dir, c, f.Duration)
	}
	var total time.Duration
	for i := range doc.Suites {
		s := &doc.Suites[i]
		s.Time = seconds(s.time)
		total += s.time
		doc.Tests += s.Tests
		doc.Failures += s.Failures
		doc.Errors += s.Errors
		doc.Skipped += s.Skipped
	}
	doc.Time = seconds(total)
	if _, err := io.WriteString(w, xml.Header); err != nil {
		return err
	}
	enc := xml.NewEncoder(w)
	enc.Indent("", "  ")
	if err := enc.Encode(doc); err != nil {
		return err
	}
	_, err := io.WriteString(w, "\n")
	return err
}

func firstLine(s string) string {
	line, _, _ := strings.Cut(s, "\n")
	return line
}
