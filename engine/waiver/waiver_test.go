package waiver

import (
	"testing"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/citygate/citygate/engine/finding"
	"github.com/citygate/citygate/engine/inventory"
)

// docWithWaiver is an inventory whose document holds a waiver its source
// map does not: every waiver still gets a node, located at the inventory.
func docWithWaiver(t *testing.T, source *inventory.SourceMap) *inventory.Inventory {
	t.Helper()
	doc := ast.MustParseTerm(`{"waivers": [{"rule": "SEC-005", "resources": ["system.cam"], "reason": "r", "approved_by": "a", "expires": "2026-06-30"}]}`)
	return &inventory.Inventory{Path: "inv", Doc: doc.Value, Source: source}
}

func TestReadNeverLeavesANilNode(t *testing.T) {
	for _, source := range []*inventory.SourceMap{nil, {}} {
		inv := docWithWaiver(t, source)
		ws := Read(inv)
		require.Len(t, ws, 1)
		require.NotNil(t, ws[0].node)
		events := Audit(ws, nil, "2026-01-01", nil)
		require.Len(t, events, 1)
		assert.Equal(t, UnusedID, events[0].Rule.ID)
		assert.Equal(t, "inv", events[0].Range.Filename)
		diags := Check(ws, inv, func(string) bool { return false }, "2026-01-01", DefaultMaxDays)
		assert.Len(t, diags, 2, "unknown rule and unknown resource, located at the inventory")
		for _, d := range diags {
			assert.Equal(t, "inv", d.Subject.Filename)
		}
	}
}

// TestExpiryBoundary: docs/waivers.md: "active (the evaluation date is on
// or before expires)". On the expires day it still suppresses; the day
// after it is expired.
func TestExpiryBoundary(t *testing.T) {
	w := Waiver{RuleID: "SEC-005", Resources: []string{"system.cam"}, Expires: "2026-06-30", node: &inventory.Node{}}
	assert.True(t, w.Active("2026-06-29"))
	assert.True(t, w.Active("2026-06-30"), "active on its expires day")
	assert.False(t, w.Active("2026-07-01"), "expired the day after")

	f := func() []finding.Finding {
		return []finding.Finding{{RuleID: "SEC-005", Resource: finding.Resource{Kind: "system", ID: "cam"}}}
	}
	on := f()
	Suppress([]Waiver{w}, on, "2026-06-30")
	assert.NotNil(t, on[0].Suppressed)
	assert.Empty(t, Audit([]Waiver{w}, on, "2026-06-30", nil))
	assert.False(t, Expired([]Waiver{w}, &on[0], "2026-06-30"))

	after := f()
	Suppress([]Waiver{w}, after, "2026-07-01")
	assert.Nil(t, after[0].Suppressed)
	events := Audit([]Waiver{w}, after, "2026-07-01", nil)
	require.Len(t, events, 1)
	assert.Equal(t, ExpiredID, events[0].Rule.ID)
	assert.True(t, Expired([]Waiver{w}, &after[0], "2026-07-01"))
}

// TestSuppressKeepsTheFirstAndReportsNothing: Suppress may run over each
// batch of findings; Audit alone reports, once, and changes nothing.
func TestSuppressKeepsTheFirstAndReportsNothing(t *testing.T) {
	a := Waiver{RuleID: "SEC-005", Resources: []string{"system.cam"}, Reason: "first", Expires: "2026-06-30", node: &inventory.Node{}}
	b := a
	b.Reason = "second"
	found := []finding.Finding{{RuleID: "SEC-005", Resource: finding.Resource{Kind: "system", ID: "cam"}}}
	Suppress([]Waiver{a, b}, found, "2026-01-01")
	Suppress([]Waiver{a, b}, found, "2026-01-01")
	assert.Equal(t, "first", found[0].Suppressed.Reason)
	before := *found[0].Suppressed
	assert.Empty(t, Audit([]Waiver{a, b}, found, "2026-01-01", nil), "a suppressed finding is a use of every waiver matching it")
	assert.Equal(t, before, *found[0].Suppressed)
}

// TestLengthBoundary: expires may be at most maxDays after approved_on.
func TestLengthBoundary(t *testing.T) {
	inv := &inventory.Inventory{Path: "inv", Resources: []finding.ResourceLocation{{Resource: finding.Resource{Kind: "system", ID: "cam"}}}}
	long := func(expires string, maxDays int) bool {
		w := Waiver{RuleID: "SEC-005", Resources: []string{"system.cam"}, ApprovedOn: "2026-01-01", Expires: expires, node: &inventory.Node{}}
		diags := Check([]Waiver{w}, inv, nil, "2026-01-01", maxDays)
		for _, d := range diags {
			if d.Summary == "Waiver expires too late" {
				return true
			}
		}
		return false
	}
	assert.False(t, long("2027-01-01", DefaultMaxDays), "365 days is allowed")
	assert.True(t, long("2027-01-02", DefaultMaxDays), "366 days is too long")
	assert.False(t, long("2026-01-31", 30), "30 days under a 30-day limit")
	assert.True(t, long("2026-02-01", 30), "31 days under a 30-day limit")
}
