// Package expect checks findings against expectations written in the
// inventories themselves: a "# expect: RULE-ID" comment on the line where
// a finding of that rule must be located. Fixture tests of the built-in
// library and policy authors' own fixtures (citygate test) both use it, and
// require exactly the expected set: no finding missing, none unexpected.
package expect

import (
	"bufio"
	"fmt"
	"io/fs"
	"regexp"
	"sort"
	"strings"

	"github.com/citygate/citygate/engine/finding"
)

// Expectation is one marker: a finding of RuleID located on File:Line,
// suppressed (by a waiver or baseline) when Suppressed is set.
type Expectation struct {
	File       string
	Line       int
	RuleID     string
	Suppressed string // "", "waived" or "baselined"
}

func (e Expectation) String() string {
	s := fmt.Sprintf("%s:%d: %s", e.File, e.Line, e.RuleID)
	if e.Suppressed != "" {
		s += " (" + e.Suppressed + ")"
	}
	return s
}

// marker matches "# expect: A-1, B-2 (waived)" in an HCL comment.
var (
	marker = regexp.MustCompile(`(?:#|//)\s*expect:\s*(.+)$`)
	item   = regexp.MustCompile(`^([A-Z][A-Z0-9]*(?:-[A-Z0-9]+)+)(?:\s*\((waived|baselined)\))?$`)
)

// Markers reads the expectations of the given files.
func Markers(fsys fs.FS, files []string) ([]Expectation, error) {
	var out []Expectation
	for _, name := range files {
		f, err := fsys.Open(name)
		if err != nil {
			return nil, err
		}
		sc := bufio.NewScanner(f)
		sc.Buffer(make([]byte, 64<<10), 1<<20)
		for line := 1; sc.Scan(); line++ {
			m := marker.FindStringSubmatch(sc.Text())
			if m == nil {
				continue
			}
			for _, part := range strings.Split(m[1], ",") {
				it := item.FindStringSubmatch(strings.TrimSpace(part))
				if it == nil {
					f.Close()
					return nil, fmt.Errorf("%s:%d: cannot read expectation %q: write # expect: RULE-ID[, RULE-ID (waived)]", name, line, strings.TrimSpace(part))
				}
				out = append(out, Expectation{File: name, Line: line, RuleID: it[1], Suppressed: it[2]})
			}
		}
		err = sc.Err()
		f.Close()
		if err != nil {
			return nil, fmt.Errorf("%s: %w", name, err)
		}
	}
	return out, nil
}

// Diff is the difference between expected and actual findings.
type Diff struct {
	Missing    []Expectation
	Unexpected []finding.Finding
}

// OK reports whether the findings were exactly the expected ones.
func (d Diff) OK() bool { return len(d.Missing) == 0 && len(d.Unexpected) == 0 }

// Compare matches findings to expectations as multisets of (file, line,
// rule, suppression).
func Compare(want []Expectation, got []finding.Finding) Diff {
	pending := map[Expectation]int{}
	for _, w := range want {
		pending[w]++
	}
	var d Diff
	for _, f := range got {
		k := Expectation{File: f.Location.File, Line: f.Location.Start.Line, RuleID: f.RuleID, Suppressed: Suppression(f)}
		if pending[k] > 0 {
			pending[k]--
			continue
		}
		d.Unexpected = append(d.Unexpected, f)
	}
	for _, w := range want {
		if pending[w] > 0 {
			pending[w]--
			d.Missing = append(d.Missing, w)
		}
	}
	sort.SliceStable(d.Missing, func(i, j int) bool { return d.Missing[i].String() < d.Missing[j].String() })
	return d
}

// Suppression names a finding's suppression as markers write it:
// "waived", "baselined", or "" when the finding is open.
func Suppression(f finding.Finding) string {
	if f.Suppressed == nil {
		return ""
	}
	switch f.Suppressed.Kind {
	case "waiver":
		return "waived"
	case "baseline":
		return "baselined"
	}
	return f.Suppressed.Kind
}
