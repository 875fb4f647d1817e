package tender_test

import (
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/citygate/citygate/engine/finding"
	"github.com/citygate/citygate/engine/inventory"
	"github.com/citygate/citygate/internal/expect"
)

// The fixtures' "# expect:" markers name every finding of the tender check
// (the bids' own and the city actions), at its line: none missing, none
// unexpected.
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
