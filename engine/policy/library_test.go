package policy_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/citygate/citygate/engine/policy"
)

// TestLibraryHandsOutCopies: what Rules and Params return can be edited
// without changing the library (or a store made from it later).
func TestLibraryHandsOutCopies(t *testing.T) {
	lib, errs := policy.Load([]policy.Source{policy.Builtin()}, policy.Options{})
	require.Empty(t, errs)
	rules := lib.Rules()
	id := rules[0].ID
	rules[0].ID = "EDITED"
	assert.Equal(t, id, lib.Rules()[0].ID)
	assert.Equal(t, len(rules), lib.NumRules())

	params := lib.Params()
	days := params["max_waiver_days"]
	params["max_waiver_days"] = 1.0
	assert.Equal(t, days, lib.Params()["max_waiver_days"])
}
