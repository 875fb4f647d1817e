package tender_test

import (
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/citygate/citygate/engine/tender"
)

const adversarial = fixtures + "bids/adversarial/cameras.hcl"

// The adversarial bid's self-issued waiver is refused at its line and
// suppresses nothing; its zone block is refused at its line; its lowered
// criticality is reported at the attribute; it is not eligible.
func TestAdversarialBid(t *testing.T) {
	rep := check(t, fixtures+"bids/adversarial")
	b := bid(t, rep, "gamer")
	require.Equal(t, tender.NotEligible, b.Verdict)
	got := wheres(b.Findings)
	require.Contains(t, got, "BID-WAIVER "+adversarial+":78")
	require.Contains(t, got, "BID-CONTEXT "+adversarial+":73")
	require.Contains(t, got, "BID-CLASSIFICATION "+adversarial+":9 criticality")
	// The waiver it wrote for itself suppresses nothing.
	require.Contains(t, got, "SEC-005 "+adversarial+":27 auth.default_credentials")
	for _, f := range b.Findings {
		require.Nil(t, f.Suppressed, "%s is suppressed by a waiver the bid issued itself", where(f))
	}
	for _, f := range b.Findings {
		switch f.RuleID {
		case tender.WaiverID:
			require.Equal(t, "bid gamer holds a waiver of SEC-005: exceptions are issued by the city in the tender, so it is ignored and suppresses nothing", f.Message)
			require.Equal(t, "critical", string(f.Severity))
		case tender.ContextID:
			require.Equal(t, "bid gamer holds a zone block vendor-cloud: city context comes from the tender, so it is ignored", f.Message)
		case tender.ClassificationID:
			require.Equal(t, "system gamer-cams states criticality = low, but lot cctv fixes criticality = high; it is judged as high", f.Message)
			require.Equal(t, "high", string(f.Severity))
		}
	}
}

// A bid holding a waiver or city context is never eligible, even when
// nothing else is wrong and the tender blocks nothing.
func TestWaiverOrContextNeverEligible(t *testing.T) {
	for name, extra := range map[string]string{
		"waiver": "waiver \"SEC-005\" {\n  resources = [\"system.s\"]\n  reason = \"r\"\n  approved_by = \"me\"\n  expires = \"2027-12-31\"\n}\n",
		"city":   "city \"elsewhere\" {\n  jurisdictions = [\"US\"]\n}\n",
		"zone":   "zone \"z\" {\n  kind = \"dmz\"\n}\n",
	} {
		t.Run(name, func(t *testing.T) {
			fsys := miniTender(`fail_on = "none"`)
			fsys["bid/s.hcl"] = file(minimalSystem("acme", "cams") + extra)
			rep := checkFS(t, fsys, "bid")
			require.Equal(t, tender.NotEligible, rep.Bids[0].Verdict)
		})
	}
}

// Each stated classification that differs from the lot is reported at its
// attribute; values equal to the lot's, or left out, are not.
func TestClassificationFindings(t *testing.T) {
	fsys := miniTender("")
	fsys["bid/s.hcl"] = file(`system "s" {
  vendor      = "acme"
  lot         = "signals"
  category    = "iot"
  criticality = "critical"
  stage       = "production"
}
`)
	rep := checkFS(t, fsys, "bid")
	var got []string
	for _, f := range rep.Bids[0].Findings {
		if f.RuleID == tender.ClassificationID {
			got = append(got, where(f)+": "+f.Message)
		}
	}
	require.Equal(t, []string{
		"BID-CLASSIFICATION bid/s.hcl:4 category: system s states category = iot, but lot signals fixes category = ot; it is judged as ot",
		"BID-CLASSIFICATION bid/s.hcl:6 stage: system s states stage = production, but lot signals fixes stage = procurement; it is judged as procurement",
	}, got)
}
