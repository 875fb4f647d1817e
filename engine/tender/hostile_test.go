package tender_test

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/citygate/citygate/engine/tender"
)

// A bid stuffed with waiver blocks costs little more than reading it: each
// is refused once, at its line, and suppresses nothing.
func TestManyWaiversInABid(t *testing.T) {
	var b strings.Builder
	b.WriteString(minimalSystem("h", "cams"))
	for i := range 5000 {
		fmt.Fprintf(&b, "waiver \"SEC-%03d\" {\n  resources = [\"system.s\"]\n  reason = \"r\"\n  approved_by = \"me\"\n  expires = \"2027-12-31\"\n}\n", i%1000)
	}
	fsys := miniTender("")
	fsys["bid/b.hcl"] = file(b.String())
	start := time.Now()
	rep := checkFS(t, fsys, "bid")
	t.Logf("5,000 waivers: %s", time.Since(start))
	n := 0
	for _, f := range rep.Bids[0].Findings {
		if f.RuleID == tender.WaiverID {
			n++
		}
		require.Nil(t, f.Suppressed)
	}
	require.Equal(t, 5000, n)
}
