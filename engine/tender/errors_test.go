package tender_test

import (
	"fmt"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/citygate/citygate/engine/finding"
	"github.com/citygate/citygate/engine/tender"
)

func errorLines(es []finding.Error) []string {
	out := []string{}
	for _, e := range es {
		out = append(out, fmt.Sprintf("%s:%d:%d: %s: %s", e.File, e.Line, e.Column, e.Summary, e.Detail))
	}
	return out
}

// What a bid must be is checked with located errors; such a bid is
// incomplete (never passing) and the run exits 2.
func TestBidErrors(t *testing.T) {
	for _, tc := range []struct {
		name string
		bid  string
		want []string
	}{
		{"unknown lot", "system \"s\" {\n  vendor = \"acme\"\n  lot    = \"cam\"\n}\n",
			[]string{`bid/s.hcl:3:3: Unknown lot: The tender has no lot "cam"; its lots are cams, signals. Did you mean "cams"?`}},
		{"missing lot", "system \"s\" {\n  vendor = \"acme\"\n}\n",
			[]string{`bid/s.hcl:1:1: Missing lot: System "s" of a bid must name the lot it is offered for (lot = "..."); the tender's lots are cams, signals.`}},
		{"missing vendor", "system \"s\" {\n  lot = \"cams\"\n}\n",
			[]string{`bid/s.hcl:1:1: Missing vendor: System "s" of a bid must name its vendor (vendor = "..."): the vendor is the bid's id, which the tender's waivers name.`}},
		{"two vendors", minimalSystem("acme", "cams") + "system \"t\" {\n  vendor = \"other\"\n  lot    = \"cams\"\n}\n",
			[]string{`bid/s.hcl:6:3: Two vendors in one bid: System "t" names vendor "other", but this bid is "acme"'s (bid/s.hcl:2,3). A bid is one vendor's; submit each vendor's systems as its own bid.`}},
		{"no systems", "# nothing\n",
			[]string{`bid/s.hcl:1:1: Bid without systems: A bid holds system blocks, each with vendor and lot; bid has none.`}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			fsys := miniTender("")
			fsys["bid/s.hcl"] = file(tc.bid)
			rep := checkFS(t, fsys, "bid")
			require.Equal(t, tender.Incomplete, rep.Bids[0].Verdict)
			require.Equal(t, tc.want, errorLines(rep.Bids[0].Errors))
			require.Equal(t, tc.want, errorLines(rep.Errors))
			require.Equal(t, 2, rep.ExitCode())
		})
	}
}

// Two bids naming one vendor are both incomplete, each pointing at the
// other; a third bid is judged as usual.
func TestTwoBidsOfOneVendor(t *testing.T) {
	fsys := miniTender("")
	fsys["a/s.hcl"] = file(minimalSystem("acme", "cams"))
	fsys["b/s.hcl"] = file(minimalSystem("acme", "signals"))
	fsys["c/s.hcl"] = file(minimalSystem("other", "cams"))
	rep := checkFS(t, fsys, "a", "b", "c")
	require.Equal(t, []string{`a/s.hcl:2:3: Two bids of one vendor: Vendor "acme" also bids in b. Each vendor submits one bid (one file or directory) holding all its systems; none of these bids is judged until that is settled.`},
		errorLines(rep.Bids[0].Errors))
	require.Equal(t, []string{`b/s.hcl:2:3: Two bids of one vendor: Vendor "acme" also bids in a. Each vendor submits one bid (one file or directory) holding all its systems; none of these bids is judged until that is settled.`},
		errorLines(rep.Bids[1].Errors))
	require.Equal(t, tender.Incomplete, rep.Bids[0].Verdict)
	require.Equal(t, tender.Incomplete, rep.Bids[1].Verdict)
	require.NotEqual(t, tender.Incomplete, rep.Bids[2].Verdict)
}

// A bid that does not load is incomplete and the others are still judged.
func TestInvalidBidDoesNotHideOthers(t *testing.T) {
	fsys := miniTender("")
	fsys["bad/s.hcl"] = file("system \"s\" {\n  vendor = \"acme\"\n  lot = \"cams\"\n  stage = \"sold\"\n}\n")
	fsys["good/s.hcl"] = file(minimalSystem("other", "cams"))
	rep := checkFS(t, fsys, "bad", "good")
	require.Equal(t, tender.Incomplete, rep.Bids[0].Verdict)
	require.Len(t, rep.Bids[0].Errors, 1)
	require.Equal(t, 4, rep.Bids[0].Errors[0].Line)
	require.NotEqual(t, tender.Incomplete, rep.Bids[1].Verdict)
	require.NotEmpty(t, rep.Bids[1].Findings)
}

// A waiver of the tender that cannot be right is the tender's error (exit
// 2), reported once; the bid it names is still judged.
func TestInvalidTenderWaiverIsTheCitysError(t *testing.T) {
	fsys := miniTender("")
	fsys["tender.hcl"].Data = append(fsys["tender.hcl"].Data, []byte(`
waiver "SEC-005" {
  bid         = "acme"
  resources   = ["system.nope"]
  reason      = "r"
  approved_by = "CISO"
  expires     = "2027-06-30"
}
`)...)
	fsys["bid/s.hcl"] = file(minimalSystem("acme", "cams"))
	rep := checkFS(t, fsys, "bid")
	require.Equal(t, []string{`tender.hcl:20:18: Waiver for an unknown resource: system.nope is not declared in this inventory; name resources as kind.id, e.g. system.traffic-signal-control.`},
		errorLines(rep.Errors))
	require.Empty(t, rep.Bids[0].Errors)
	require.Equal(t, tender.NotEligible, rep.Bids[0].Verdict)
	require.Equal(t, 2, rep.ExitCode())
}
