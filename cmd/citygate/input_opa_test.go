package main

import (
	"encoding/json"
	"testing"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/stretchr/testify/require"

	"github.com/citygate/citygate/engine/inventory"
)

// `citygate input PATH` prints exactly the document the engine evaluates:
// the bridge between TestBuiltinBundleMatchesCheckInPlainOPA (engine),
// which feeds plain OPA that document, and a user's
// `opa eval -b citygate.tar.gz -i input.json`.
func TestInputIsTheEvaluatedDocument(t *testing.T) {
	for _, path := range []string{"../../fixtures/city", "../../fixtures/bid", "../../fixtures/us-city", "../../fixtures/compliant"} {
		t.Run(path, func(t *testing.T) {
			out, stderr, code := citygate(t, "input", path)
			require.Equal(t, 0, code, stderr)
			var printed any
			require.NoError(t, json.Unmarshal([]byte(out), &printed))

			inv, diags := inventory.Load(inventory.OS{}, path, inventory.Options{})
			require.False(t, diags.HasErrors(), "%v", diags)
			v, err := ast.JSON(inv.Doc)
			require.NoError(t, err)
			raw, err := json.Marshal(v)
			require.NoError(t, err)
			var evaluated any
			require.NoError(t, json.Unmarshal(raw, &evaluated))
			require.Equal(t, evaluated, printed)
		})
	}
}
