package engine

import (
	"context"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/citygate/citygate/engine/inventory"
	"github.com/citygate/citygate/engine/policy"
)

// TestFindingsInApplies: for every built-in rule that declares applies,
// every resource it reports on the example inventories is one it says it
// applies to; otherwise its evidence would pass what it also fails.
func TestFindingsInApplies(t *testing.T) {
	lib, errs := policy.Load([]policy.Source{policy.Builtin()}, policy.Options{})
	require.Empty(t, errs, "%v", errs)
	e, err := New(context.Background(), lib, WithAsOf("2026-11-23"))
	require.NoError(t, err)
	ctx := context.Background()
	declares := map[string]bool{}
	for _, r := range lib.Rules() {
		declares[r.ID] = r.Applies
	}
	for _, dir := range []string{"../fixtures/city", "../fixtures/bid", "../fixtures/compliant"} {
		inv, diags := inventory.Load(inventory.OS{}, dir, inventory.Options{})
		require.False(t, diags.HasErrors(), "%v", diags)
		// All profiles, so that every rule's findings are looked at.
		e.profilesAdd = policy.Profiles
		profiles := e.profilesFor(inv.Doc)
		found, err := e.evaluate(ctx, inv, profiles)
		require.NoError(t, err)
		app, err := e.applies(ctx, inv, profiles)
		require.NoError(t, err)
		for _, f := range found {
			if !declares[f.RuleID] {
				continue
			}
			if !app[f.RuleID][f.Resource] {
				t.Errorf("%s: rule %s reports %s (%s: %s), which is not in its applies set", dir, f.RuleID, f.Resource, f.Field, f.Message)
			}
		}
	}
}
