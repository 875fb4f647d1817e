package policy_test

import (
	"bytes"
	"encoding/json"
	"os"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/citygate/citygate/engine/policy"
	"github.com/citygate/citygate/policies"
)

// TestParamsSchemaMatchesParams: policies/params.schema.json, from which
// docs/params.md is generated, describes exactly the parameters of
// params.json, with the same defaults, and params.json is valid against
// it; the unknown-parameter hint points to a file that exists.
func TestParamsSchemaMatchesParams(t *testing.T) {
	var schema map[string]any
	require.NoError(t, json.Unmarshal(policies.ParamsSchema, &schema))
	defaults, err := policy.DefaultParams()
	require.NoError(t, err)
	props := schema["properties"].(map[string]any)
	require.Len(t, props, len(defaults))
	for name, want := range defaults {
		p, ok := props[name].(map[string]any)
		require.True(t, ok, "params.schema.json lacks %s", name)
		assert.Equal(t, want, p["default"], name)
		assert.NotEmpty(t, p["description"], name)
	}

	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(policies.ParamsSchema))
	require.NoError(t, err)
	c := jsonschema.NewCompiler()
	require.NoError(t, c.AddResource("params.schema.json", doc))
	compiled, err := c.Compile("params.schema.json")
	require.NoError(t, err)
	raw, err := policies.FS.ReadFile("params.json")
	require.NoError(t, err)
	inst, err := jsonschema.UnmarshalJSON(bytes.NewReader(raw))
	require.NoError(t, err)
	assert.NoError(t, compiled.Validate(inst))

	_, errs := policy.Load([]policy.Source{policy.Builtin()}, policy.Options{Params: map[string]any{"lx_home_country": "PT"}})
	require.Len(t, errs, 1)
	assert.Equal(t, "see docs/params.md for the list of parameters", errs[0].Hint)
	_, err = os.Stat("../../docs/params.md")
	assert.NoError(t, err)
}
