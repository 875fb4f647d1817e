package testrunner

import (
	"fmt"
	"sort"
	"strings"

	"github.com/open-policy-agent/opa/v1/cover"

	"github.com/citygate/citygate/engine/policy"
)

// Run is everything a test run found, for the reporters.
type Run struct {
	AsOf        string
	Tests       []policy.TestResult
	Fixtures    []FixtureResult
	Coverage    *CoverageSummary
	CoverageMin float64
}

// Counts total a run: Rego tests and fixture inventories together.
type Counts struct{ Passed, Failed, Skipped, Errors int }

// Counts adds Rego tests and fixture inventories together; an inventory
// that could not be checked counts as failed (and as an error).
func (r *Run) Counts() Counts {
	var c Counts
	for _, t := range r.Tests {
		if t.Pass {
			c.Passed++
		} else {
			c.Failed++
		}
	}
	for _, f := range r.Fixtures {
		switch f.Status {
		case FixturePass:
			c.Passed++
		case FixtureSkip:
			c.Skipped++
		case FixtureError:
			c.Errors++
			c.Failed++
		default:
			c.Failed++
		}
	}
	return c
}

// CoverageFailed reports whether coverage is below the minimum asked for.
func (r *Run) CoverageFailed() bool {
	return r.Coverage != nil && r.CoverageMin > 0 && r.Coverage.Coverage < r.CoverageMin
}

// CoverageMessage says by how much coverage missed the minimum.
func (r *Run) CoverageMessage() string {
	return fmt.Sprintf("coverage %.2f%% is below --coverage-min %g%%", r.Coverage.Coverage, r.CoverageMin)
}

// CoverageFile is the coverage of one rule or library file.
type CoverageFile struct {
	File       string  `json:"file"`
	Coverage   float64 `json:"coverage"`
	Covered    int     `json:"covered_lines"`
	NotCovered int     `json:"not_covered_lines"`
	// Ranges are the line ranges not covered, [start, end] inclusive.
	Ranges [][2]int `json:"not_covered"`
}

type CoverageSummary struct {
	Files      []CoverageFile `json:"files"`
	Covered    int            `json:"covered_lines"`
	NotCovered int            `json:"not_covered_lines"`
	Coverage   float64        `json:"coverage"`
}

// summarizeCoverage keeps the rule and library files under test (OPA's
// report also lists the test modules it ran) and totals them.
func summarizeCoverage(rep *cover.Report, tested map[string]bool) *CoverageSummary {
	s := &CoverageSummary{Files: []CoverageFile{}}
	for name, fr := range rep.Files {
		if !tested[name] || strings.HasSuffix(name, "_test.rego") {
			continue
		}
		f := CoverageFile{File: name, Coverage: fr.Coverage, Covered: fr.CoveredLines, NotCovered: fr.NotCoveredLines, Ranges: [][2]int{}}
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
