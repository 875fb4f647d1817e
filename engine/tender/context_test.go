package tender_test

import (
	"context"
	"encoding/json"
	"strings"
	"testing"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/stretchr/testify/require"

	"github.com/citygate/citygate/engine"
	"github.com/citygate/citygate/engine/inventory"
	"github.com/citygate/citygate/engine/tender"
)

var allBids = []string{fixtures + "bids/adversarial", fixtures + "bids/mediocre", fixtures + "bids/strong", fixtures + "bids/weak"}

// City-dependent rules fire on a bid only in the city's context: the weak
// bid's footage leaves the EU, which the bid alone cannot show.
func TestCityContextMakesRulesFire(t *testing.T) {
	rep := check(t, fixtures+"bids/weak")
	require.Contains(t, wheres(bid(t, rep, "cheapcam").Findings), "PRIV-011 "+fixtures+"bids/weak/cameras.hcl:56 data.location")

	eng, err := engine.New(context.Background(), builtin(t), engine.WithAsOf("2027-03-31"))
	require.NoError(t, err)
	alone, err := eng.Check(context.Background(), []string{fixtures + "bids/weak"})
	require.NoError(t, err)
	require.NotContains(t, wheres(alone.Findings), "PRIV-011 "+fixtures+"bids/weak/cameras.hcl:56 data.location")
}

// The lot decides category and criticality and the stage is procurement,
// whatever the bid states or leaves out.
func TestLotClassifiesBidSystems(t *testing.T) {
	tn, diags := tender.Load(inventory.OS{}, fixtures+"tender.hcl", inventory.Limits{})
	require.Empty(t, diags)
	b := tn.LoadBid(inventory.OS{}, fixtures+"bids/adversarial", inventory.Limits{})
	require.Empty(t, b.Diags)
	raw, err := ast.JSON(b.Inventory.Doc)
	require.NoError(t, err)
	doc := raw.(map[string]any)
	sys := doc["systems"].([]any)[0].(map[string]any)
	require.Equal(t, "iot", sys["category"])
	require.Equal(t, "high", sys["criticality"])
	require.Equal(t, "procurement", sys["stage"])
	// The context is the city's: its block and zones, not the bid's zone
	// or waiver, and only the tender's waivers for this bid (none).
	require.Equal(t, "aveiro", doc["city"].(map[string]any)["id"])
	var zones []string
	for _, z := range doc["zones"].([]any) {
		zones = append(zones, z.(map[string]any)["id"].(string))
	}
	require.Equal(t, []string{"ot-traffic", "iot-city", "it-core", "dmz"}, zones)
	require.Empty(t, doc["waivers"])
}

// The tender's waivers apply only to the bid they name.
func TestCityWaiversApplyToTheirBid(t *testing.T) {
	rep := check(t, allBids...)
	require.Contains(t, wheres(bid(t, rep, "signalsafe").Findings), "SEC-013 "+fixtures+"bids/strong/signals.hcl:12 sl_capability (waived)")
	for _, b := range rep.Bids {
		if b.ID == "signalsafe" {
			continue
		}
		for _, f := range b.Findings {
			require.Nil(t, f.Suppressed, "bid %s: %s", b.ID, where(f))
		}
	}
}

// Findings about the city's resources, or on fields the city sets, are
// city actions listed once with the bids that raised them, not part of any
// bid's verdict.
func TestCityActions(t *testing.T) {
	rep := check(t, allBids...)
	var bb001 []string
	for _, a := range rep.CityActions {
		if a.RuleID == "BB-001" {
			require.Equal(t, fixtures+"city/city.hcl", a.Location.File)
			require.Equal(t, 4, a.Location.Start.Line)
			bb001 = a.Bids
		}
		require.Equal(t, "city", cityOwner(a.Resource.Kind, a.Field), "%s is not the city's", where(a.Finding))
	}
	require.Equal(t, []string{"gamer", "viewpoint", "signalsafe", "cheapcam"}, bb001)
	for _, b := range rep.Bids {
		for _, f := range b.Findings {
			if strings.HasPrefix(f.RuleID, "BID-") {
				continue // about what the bid held, always the bid's
			}
			require.Equal(t, "system", f.Resource.Kind, "bid %s: %s", b.ID, where(f))
			require.NotEqual(t, tender.OwnerCity, tender.FieldOwner(f.Field), "bid %s: %s", b.ID, where(f))
		}
	}
	// The vendor risk assessment is the city's to make (x-owner city).
	require.Contains(t, cityActionWheres(rep), "SUST-002 "+fixtures+"bids/weak/cameras.hcl:3 due_diligence.vendor_risk_assessed")
}

func cityOwner(kind, field string) string {
	if kind != "system" {
		return "city"
	}
	return tender.FieldOwner(field)
}

func cityActionWheres(rep *tender.Report) []string {
	out := []string{}
	for _, a := range rep.CityActions {
		out = append(out, where(a.Finding))
	}
	return out
}

// No bid's content can change another bid's result: every bid judged
// alongside the others (including the adversarial one) gets exactly the
// result it gets alone, in any order.
func TestBidsAreIndependent(t *testing.T) {
	together := check(t, allBids...)
	reversed := check(t, allBids[3], allBids[2], allBids[1], allBids[0])
	for _, p := range allBids {
		alone := check(t, p)
		require.Len(t, alone.Bids, 1)
		want := marshal(t, alone.Bids[0])
		for _, rep := range []*tender.Report{together, reversed} {
			for _, b := range rep.Bids {
				if b.Path == p {
					require.JSONEq(t, want, marshal(t, b), "bid %s", p)
				}
			}
		}
	}
}

func marshal(t *testing.T, v any) string {
	t.Helper()
	b, err := json.Marshal(v)
	require.NoError(t, err)
	return string(b)
}

func TestFieldOwner(t *testing.T) {
	for field, want := range map[string]string{
		"auth.default_credentials":           tender.OwnerVendor,
		"criticality":                        tender.OwnerCity,
		"stage":                              tender.OwnerCity,
		"due_diligence.vendor_risk_assessed": tender.OwnerCity,
		"assessment.security_risk.date":      tender.OwnerCity,
		"data.shared_with.0.agreement":       ownerOfSharedWith(),
		"no.such.field":                      tender.OwnerVendor,
		"":                                   tender.OwnerVendor,
	} {
		require.Equal(t, want, tender.FieldOwner(field), field)
	}
}

// ownerOfSharedWith is the schema's owner of data.shared_with, whatever it is.
func ownerOfSharedWith() string { return tender.FieldOwner("data.shared_with") }
