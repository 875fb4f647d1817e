package policy_test

import (
	"context"
	"testing"
	"testing/fstest"

	"github.com/open-policy-agent/opa/v1/rego"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/citygate/citygate/engine/policy"
	"github.com/citygate/citygate/schemas"
)

const lisboaDir = "../../fixtures/packs/lisboa"

func messages(errs policy.Errors) []string {
	var out []string
	for _, e := range errs {
		s := e.Message
		if e.Hint != "" {
			s += " | " + e.Hint
		}
		out = append(out, s)
	}
	return out
}

func eval(t *testing.T, lib *policy.Library, query string) any {
	t.Helper()
	rs, err := rego.New(rego.Query(query), rego.Compiler(lib.Compiler), rego.Store(lib.Store(policy.TestAsOf))).Eval(context.Background())
	require.NoError(t, err)
	require.Len(t, rs, 1)
	return rs[0].Expressions[0].Value
}

// TestPackParamsAndData: a pack's params (defaults merged with the
// config's) are data.citygate.params.custom.<name>, its data is
// data.citygate.packs.<name>, and the built-in params stay as they are.
func TestPackParamsAndData(t *testing.T) {
	lib, errs := policy.Load([]policy.Source{policy.Builtin(), policy.Dir(lisboaDir)}, policy.Options{
		Params: map[string]any{"custom": map[string]any{"lisboa": map[string]any{"video_retention_max_days": 14}}, "max_waiver_days": 100},
	})
	require.Empty(t, errs)
	assert.Equal(t, map[string]any{"lisboa": map[string]any{"video_retention_max_days": 14.0, "home_country": "PT"}}, lib.Params()["custom"])
	assert.EqualValues(t, 14, mustNumber(t, eval(t, lib, "data.citygate.params.custom.lisboa.video_retention_max_days")))
	assert.EqualValues(t, 100, mustNumber(t, eval(t, lib, "data.citygate.params.max_waiver_days")))
	assert.Equal(t, "Ajuda", eval(t, lib, "data.citygate.packs.lisboa.parishes[0]"))
	packs := lib.Packs()
	require.Len(t, packs, 1)
	assert.Equal(t, "lisboa", packs[0].Manifest.Name)
	packs[0].Data["parishes"] = nil
	assert.Len(t, lib.Packs()[0].Data["parishes"], 24, "Packs returns copies")
	assert.NotEqual(t, string(schemas.Inventory), string(lib.InventorySchema()))
}

func mustNumber(t *testing.T, v any) float64 {
	t.Helper()
	f, err := v.(interface{ Float64() (float64, error) }).Float64()
	require.NoError(t, err)
	return f
}

// TestNoPackNoChange: without a pack there is no params.custom, no
// data.citygate.packs, and the inventory schema is the built-in one.
func TestNoPackNoChange(t *testing.T) {
	lib, errs := policy.Load([]policy.Source{policy.Builtin(), policy.Dir("../../fixtures/custom-policy")}, policy.Options{})
	require.Empty(t, errs)
	assert.NotContains(t, lib.Params(), "custom")
	assert.Empty(t, lib.Packs())
	assert.Equal(t, string(schemas.Inventory), string(lib.InventorySchema()))
}

func TestCustomParamsErrors(t *testing.T) {
	for name, tc := range map[string]struct {
		sources []policy.Source
		params  map[string]any
		want    []string
	}{
		"pack not loaded": {
			[]policy.Source{policy.Builtin()},
			map[string]any{"custom": map[string]any{"lisboa": map[string]any{"x": 1}}},
			[]string{"params.custom.lisboa: no loaded pack is named lisboa | load the pack with --policy DIR (or policy: in .citygate.yaml)"},
		},
		"misspelt pack": {
			[]policy.Source{policy.Builtin(), policy.Dir(lisboaDir)},
			map[string]any{"custom": map[string]any{"lisbon": map[string]any{"x": 1}}},
			[]string{"params.custom.lisbon: no loaded pack is named lisbon (loaded packs: lisboa) | did you mean lisboa?"},
		},
		"misspelt param": {
			[]policy.Source{policy.Builtin(), policy.Dir(lisboaDir)},
			map[string]any{"custom": map[string]any{"lisboa": map[string]any{"home_contry": "PT", "video_retention_max_days": "36"}}},
			[]string{
				"parameter params.custom.lisboa.video_retention_max_days must be an integer, got \"36\" (a string)",
				"unknown parameter params.custom.lisboa.home_contry | did you mean home_country?",
			},
		},
		"custom not a map": {
			[]policy.Source{policy.Builtin()},
			map[string]any{"custom": "lisboa"},
			[]string{"params.custom must be a map of pack names to their params, got lisboa | write params: {custom: {<pack>: {<param>: <value>}}}; see docs/params.md"},
		},
	} {
		t.Run(name, func(t *testing.T) {
			_, errs := policy.Load(tc.sources, policy.Options{Params: tc.params})
			assert.Equal(t, tc.want, messages(errs))
		})
	}
}

// pack is a one-rule pack with an extension "lisboa" for city blocks.
func packSource(rule string, manifest string) policy.Source {
	return policy.Source{Prefix: "p", FS: fstest.MapFS{
		"citygate-pack.yaml": {Data: []byte(manifest)},
		"ext.json":           {Data: []byte(`{"type": "object", "properties": {"home_country": {"type": "string"}}}`)},
		"rule.rego": {Data: []byte(`# METADATA
# title: t
# custom:
#   id: CITY-X-001
#   severity: low
#   area: privacy
#   messages:
#     m: "m"
package citygate.rules.privacy.x

import data.citygate.lib

deny contains lib.fail(lib.city, "extensions.lisboa.home_country", "m", {}) if {
	` + rule + `
}
`)},
	}}
}

const lisboaExtManifest = "name: lisboa\nmin_citygate: 0.1.0\nextensions:\n  lisboa: {schema: ext.json, blocks: [city]}\n"

// TestExtensionsAreTyped: rules are type-checked against the extension
// fragments, so a misspelt field is a compile error at its line.
func TestExtensionsAreTyped(t *testing.T) {
	_, errs := policy.Load([]policy.Source{policy.Builtin(), packSource(`input.city.extensions.lisboa.home_country != "PT"`, lisboaExtManifest)}, policy.Options{})
	require.Empty(t, errs)

	_, errs = policy.Load([]policy.Source{policy.Builtin(), packSource(`input.city.extensions.lisboa.contry != "PT"`, lisboaExtManifest)}, policy.Options{})
	require.Len(t, errs, 1)
	assert.Equal(t, "p/rule.rego", errs[0].File)
	assert.Equal(t, 14, errs[0].Line)
	assert.Contains(t, errs[0].Message, "undefined ref: input.city.extensions.lisboa.contry")

	// A misspelt extension name is one too.
	_, errs = policy.Load([]policy.Source{policy.Builtin(), packSource(`input.city.extensions.lisbon.home_country != "PT"`, lisboaExtManifest)}, policy.Options{})
	require.Len(t, errs, 1)
	assert.Contains(t, errs[0].Message, "undefined ref")
}

func TestPackLoadErrors(t *testing.T) {
	src := packSource(`input.city.id != ""`, lisboaExtManifest)
	_, errs := policy.Load([]policy.Source{policy.Builtin(), src}, policy.Options{CitygateVersion: "0.0.9"})
	assert.Equal(t, []string{"pack lisboa needs citygate 0.1.0 or later; this is citygate 0.0.9 | upgrade citygate, or use a version of the pack made for this one"}, messages(errs))

	other := policy.Dir(lisboaDir)
	_, errs = policy.Load([]policy.Source{policy.Builtin(), other, src}, policy.Options{})
	assert.Contains(t, messages(errs), "packs ../../fixtures/packs/lisboa and p are both named lisboa | give each pack its own name in its citygate-pack.yaml")
}
