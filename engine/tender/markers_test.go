package tender_test

import (
	"flag"
	"fmt"
	"os"
	"regexp"
	"sort"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/citygate/citygate/engine/finding"
	"github.com/citygate/citygate/engine/inventory"
	"github.com/citygate/citygate/internal/expect"
)

var updateMarkers = flag.Bool("update-markers", false, "rewrite the # expect: markers of fixtures/tender from the findings (review the diff)")

// The fixtures' "# expect:" markers name every finding of the tender check
// (the bids' own and the city actions), at its line: none missing, none
// unexpected. When the rule library changes, rewrite them with
// go test ./engine/tender -run TestFixtureMarkers -update-markers and
// review the diff.
func TestFixtureMarkers(t *testing.T) {
	rep := check(t, allBids...)
	require.Empty(t, rep.Errors)
	var got []finding.Finding
	for _, b := range rep.Bids {
		got = append(got, b.Findings...)
	}
	for _, a := range rep.CityActions {
		got = append(got, a.Finding)
	}
	var files []string
	for _, p := range append([]string{fixtures + "tender.hcl", fixtures + "city"}, allBids...) {
		fs, diags := inventory.List(inventory.OS{}, p, inventory.Limits{})
		require.Empty(t, diags)
		files = append(files, fs...)
	}
	if *updateMarkers {
		rewriteMarkers(t, files, got)
	}
	want, err := expect.Markers(inventory.OS{}, files)
	require.NoError(t, err)
	d := expect.Compare(want, got)
	for _, m := range d.Missing {
		t.Errorf("expected but not found: %s", m)
	}
	for _, f := range d.Unexpected {
		t.Errorf("unexpected: %s", where(f))
	}
}

var markerSuffix = regexp.MustCompile(`\s*# expect: .*$`)

// rewriteMarkers replaces every marker with the findings located on its line.
func rewriteMarkers(t *testing.T, files []string, got []finding.Finding) {
	byLine := map[string]map[int][]string{}
	for _, f := range got {
		item := f.RuleID
		if s := expect.Suppression(f); s != "" {
			item += " (" + s + ")"
		}
		if byLine[f.Location.File] == nil {
			byLine[f.Location.File] = map[int][]string{}
		}
		byLine[f.Location.File][f.Location.Start.Line] = append(byLine[f.Location.File][f.Location.Start.Line], item)
	}
	for _, name := range files {
		b, err := os.ReadFile(name)
		require.NoError(t, err)
		lines := strings.Split(string(b), "\n")
		for i := range lines {
			lines[i] = markerSuffix.ReplaceAllString(lines[i], "")
			if items := byLine[name][i+1]; len(items) > 0 {
				sort.Strings(items)
				lines[i] = fmt.Sprintf("%s # expect: %s", lines[i], strings.Join(items, ", "))
			}
		}
		require.NoError(t, os.WriteFile(name, []byte(strings.Join(lines, "\n")), 0o644))
	}
}
