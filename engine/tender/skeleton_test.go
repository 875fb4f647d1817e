package tender_test

import (
	"context"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/citygate/citygate/engine/finding"
	"github.com/citygate/citygate/engine/inventory"
	"github.com/citygate/citygate/engine/tender"
)

// An unfilled bid skeleton is valid input, and every finding of a rule
// that declares what it applies to is not_stated (absence is never
// compliance), and no such rule passes on the skeleton's system.
func TestUnfilledBidSkeletonIsNotStated(t *testing.T) {
	for _, lot := range []string{"cams", "signals"} {
		t.Run(lot, func(t *testing.T) {
			fsys := miniTender("")
			tn, diags := tender.Load(fsys, "tender.hcl", inventory.Limits{})
			require.Empty(t, diags)
			rules, err := tender.RulesForLot(context.Background(), builtin(t), tn, lot)
			require.NoError(t, err)
			text, err := tender.BidSkeleton(tn, lot, rules)
			require.NoError(t, err)
			fsys["bid/bid.hcl"] = file(text)
			_, diags = inventory.Load(fsys, "bid", inventory.Options{})
			require.Empty(t, diags, "the skeleton must be valid input")

			rep := checkFS(t, fsys, "bid")
			b := rep.Bids[0]
			require.Equal(t, tender.NotEligible, b.Verdict)
			notStated := 0
			for _, f := range b.Findings {
				rule, ok := rep.Rule(f.RuleID)
				require.True(t, ok)
				if !rule.Applies {
					continue // a version-1 rule cannot tell absence from failure
				}
				require.Equal(t, finding.StatusNotStated, f.Status, "%s on the unfilled skeleton", where(f))
				require.Contains(t, text, "read by ", "%s", where(f))
				notStated++
			}
			require.Greater(t, notStated, 10)
			for _, e := range b.Evidence {
				if rule, _ := rep.Rule(e.RuleID); rule.Applies && e.Resource != nil {
					require.NotEqual(t, tender.StatusPass, e.Status, "%s passes on an unfilled skeleton", e.RuleID)
				}
			}
		})
	}
}

// The skeleton names, for each field, its owner and the rules reading it,
// and leaves the lot's classification to the lot.
func TestBidSkeletonContent(t *testing.T) {
	tn, _ := tender.Load(miniTender(""), "tender.hcl", inventory.Limits{})
	text, err := tender.BidSkeleton(tn, "cams", builtin(t).Rules())
	require.NoError(t, err)
	require.Contains(t, text, "  lot = \"cams\"\n")
	require.Contains(t, text, "    # one of unique_per_device, user_defined, none, universal; set by vendor; read by SEC-005\n    default_credentials = null\n")
	for _, cityField := range []string{"\n  category =", "\n  criticality =", "\n  stage =", "due_diligence {"} {
		require.NotContains(t, text, cityField, "a city-owned field in a bid skeleton")
	}
	_, err = tender.BidSkeleton(tn, "nope", nil)
	require.EqualError(t, err, `the tender tender.hcl has no lot "nope"; its lots are cams, signals`)
}

// The city skeleton is valid input and holds the city-level fields.
func TestCitySkeleton(t *testing.T) {
	text := tender.CitySkeleton(builtin(t).Rules())
	fsys := miniTender("")
	fsys["skel/city.hcl"] = file(text)
	_, diags := inventory.Load(fsys, "skel", inventory.Options{})
	require.Empty(t, diags)
	for _, want := range []string{"city \"your-city\" {", "  jurisdictions = null", "  policy \"dig_once\" {", "zone \"example\" {"} {
		require.True(t, strings.Contains(text, want), "city skeleton lacks %q", want)
	}
}

// A bid skeleton holds the fields of the rules that apply to its lot's
// category only: accessibility applies to a web service, not to a traffic
// signal controller, whatever else both have in common.
func TestBidSkeletonFollowsTheLotsCategory(t *testing.T) {
	fsys := miniTender("lot \"portal\" {\n    category    = \"web_service\"\n    criticality = \"medium\"\n  }")
	tn, diags := tender.Load(fsys, "tender.hcl", inventory.Limits{})
	require.Empty(t, diags)
	skeleton := func(lot string) (string, []string) {
		rules, err := tender.RulesForLot(context.Background(), builtin(t), tn, lot)
		require.NoError(t, err)
		ids := []string{}
		for _, r := range rules {
			ids = append(ids, r.ID)
		}
		text, err := tender.BidSkeleton(tn, lot, rules)
		require.NoError(t, err)
		return text, ids
	}
	signals, signalRules := skeleton("signals")
	require.NotContains(t, signals, "accessibility {", "an ot lot is asked for accessibility")
	require.NotContains(t, signalRules, "ACC-001")
	require.Contains(t, signalRules, "SEC-017", "an OT rule dropped from an ot lot")
	portal, portalRules := skeleton("portal")
	require.Contains(t, portal, "accessibility {")
	require.Contains(t, portal, "read by ACC-001")
	require.Subset(t, portalRules, []string{"ACC-001", "ACC-004", "ACC-006"})
	require.NotContains(t, portalRules, "SEC-017", "an OT-only rule in a web service lot")
	require.Less(t, len(signalRules), len(builtin(t).Rules()))

	_, err := tender.RulesForLot(context.Background(), builtin(t), tn, "nope")
	require.EqualError(t, err, `the tender tender.hcl has no lot "nope"; its lots are portal, cams, signals`)
}
