package inventory

import (
	"encoding/json"
	"testing"
	"testing/fstest"

	"github.com/hashicorp/hcl/v2"
	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/citygate/citygate/schemas"
)

// extendedForTest places two extensions in the inventory schema as
// pack.ExtendSchema does (the pack package is not imported here, to keep
// the inventory package free of it): lisboa in city blocks, site in
// system blocks.
func extendedForTest(t *testing.T) *Schema {
	t.Helper()
	var doc map[string]any
	require.NoError(t, json.Unmarshal(schemas.Inventory, &doc))
	props := doc["properties"].(map[string]any)
	city := props["city"].(map[string]any)["properties"].(map[string]any)["extensions"].(map[string]any)
	city["properties"] = map[string]any{"lisboa": map[string]any{
		"type": "object", "additionalProperties": false,
		"properties": map[string]any{
			"home_country": map[string]any{"type": "string", "pattern": "^[A-Z]{2}$"},
			"parishes":     map[string]any{"type": "integer"},
		},
		"required": []any{"home_country"},
	}}
	system := props["systems"].(map[string]any)["items"].(map[string]any)["properties"].(map[string]any)["extensions"].(map[string]any)
	system["properties"] = map[string]any{"site": map[string]any{
		"type": "object", "additionalProperties": false,
		"properties": map[string]any{"parish": map[string]any{"type": "string"}},
	}}
	raw, err := json.Marshal(doc)
	require.NoError(t, err)
	s, err := ExtendedSchema(raw)
	require.NoError(t, err)
	return s
}

const extInventory = `city "lisboa" {
  extension "lisboa" {
    home_country = "PT"
    parishes     = 24
  }
}

system "cctv" {
  category = "iot"
  extension "site" {
    parish = "Belém"
  }
}
`

func loadExtBoth(t *testing.T, schema *Schema, name, src string) [2]*Inventory {
	t.Helper()
	fsys := fstest.MapFS{name: {Data: []byte(src)}}
	var out [2]*Inventory
	for i, slow := range []bool{false, true} {
		inv, diags := Load(fsys, name, Options{Schema: schema, slowPath: slow})
		require.False(t, diags.HasErrors(), "slow=%v: %s", slow, diags.Error())
		out[i] = inv
	}
	return out
}

// TestExtensionBlocks: extension blocks become objects by name in the
// document, read alike by the fast parser, hcl and the JSON syntax, and
// findings on extensions.NAME.field locate at the attribute.
func TestExtensionBlocks(t *testing.T) {
	schema := extendedForTest(t)
	want := ast.MustParseTerm(`{
		"city": {"id": "lisboa", "extensions": {"lisboa": {"home_country": "PT", "parishes": 24}}},
		"systems": [{"id": "cctv", "category": "iot", "extensions": {"site": {"parish": "Belém"}}}]
	}`).Value
	both := loadExtBoth(t, schema, "inv.hcl", extInventory)
	for i, inv := range both {
		assert.Equal(t, 0, want.Compare(inv.Doc), "path %d: got %s", i, inv.Doc)
		rng, exact, ok := inv.Source.Locate("city", "lisboa", "extensions.lisboa.home_country")
		require.True(t, ok)
		assert.True(t, exact)
		assert.Equal(t, [2]int{3, 5}, [2]int{rng.Start.Line, rng.Start.Column})
		rng, exact, _ = inv.Source.Locate("system", "cctv", "extensions.site.parish")
		assert.True(t, exact)
		assert.Equal(t, 11, rng.Start.Line)
		// A field the block leaves out: the extension block's header.
		rng, exact, _ = inv.Source.Locate("system", "cctv", "extensions.site.backup_country")
		assert.False(t, exact)
		assert.Equal(t, [2]int{10, 3}, [2]int{rng.Start.Line, rng.Start.Column})
		// No such block: the system's header.
		rng, exact, _ = inv.Source.Locate("city", "lisboa", "extensions.other.x")
		assert.False(t, exact)
		assert.Equal(t, 1, rng.Start.Line)
	}
	assert.True(t, both[0].Files["inv.hcl"].Fast, "the fast parser reads extension blocks")

	js := `{"city": {"lisboa": {"extension": {"lisboa": {"home_country": "PT", "parishes": 24}}}},
	        "system": {"cctv": {"category": "iot", "extension": {"site": {"parish": "Belém"}}}}}`
	inv, diags := Load(fstest.MapFS{"inv.hcl.json": {Data: []byte(js)}}, "inv.hcl.json", Options{Schema: schema})
	require.False(t, diags.HasErrors(), diags.Error())
	assert.Equal(t, 0, want.Compare(inv.Doc), "json: got %s", inv.Doc)
}

func diagLines(diags hcl.Diagnostics) []string {
	var out []string
	for _, d := range diags {
		out = append(out, position(*d.Subject)+": "+d.Summary+": "+d.Detail)
	}
	return out
}

// TestExtensionErrors: every problem with an extension block is located
// like any other field's, with did-you-mean over the declared names.
func TestExtensionErrors(t *testing.T) {
	schema := extendedForTest(t)
	for name, tc := range map[string]struct {
		schema *Schema
		src    string
		want   []string
	}{
		"undeclared name": {schema, `city "x" {
  extension "lisbon" {
    home_country = "PT"
  }
}
`, []string{`inv.hcl:2,13: Unknown extension: No loaded policy pack declares an extension "lisbon" in a city block. Did you mean "lisboa"?`}},
		"declared for another block": {schema, `system "s" {
  extension "lisboa" {
  }
}
`, []string{`inv.hcl:2,13: Unknown extension: No loaded policy pack declares an extension "lisboa" in a system block. Declared for system blocks: "site".`}},
		"no pack loaded": {nil, `city "x" {
  extension "lisboa" {
    home_country = "PT"
  }
}
`, []string{`inv.hcl:2,13: Unknown extension: No loaded policy pack declares an extension "lisboa" in a city block. Load the pack that defines it with --policy DIR (or policy: in .citygate.yaml); its citygate-pack.yaml lists its extensions.`}},
		"unknown attribute": {schema, `city "x" {
  extension "lisboa" {
    home_contry = "PT"
  }
}
`, []string{
			`inv.hcl:2,3: Missing required argument: The argument "home_country" is required here.`,
			`inv.hcl:3,5: Unsupported argument: An argument named "home_contry" is not expected in an extension block. Did you mean "home_country"?`,
		}},
		"wrong type and pattern": {schema, `city "x" {
  extension "lisboa" {
    home_country = "Portugal"
    parishes     = "24"
  }
}
`, []string{
			`inv.hcl:3,20: Invalid value: extension "lisboa".home_country: "Portugal" does not match the pattern ^[A-Z]{2}$.`,
			`inv.hcl:4,20: Incorrect value type: extension "lisboa".parishes: expected integer, got string.`,
		}},
		"duplicate": {schema, `system "s" {
  extension "site" {
    parish = "Ajuda"
  }
  extension "site" {
    parish = "Beato"
  }
}
`, []string{`inv.hcl:5,13: Duplicate extension block: extension "site" is already declared at inv.hcl:2,3; write all its attributes in one block.`}},
		"no label": {schema, `system "s" {
  extension {
  }
}
`, []string{`inv.hcl:2,3: Missing label: An extension block needs one label, its name: extension "<name>" { ... }.`}},
	} {
		t.Run(name, func(t *testing.T) {
			for _, slow := range []bool{false, true} {
				_, diags := Load(fstest.MapFS{"inv.hcl": {Data: []byte(tc.src)}}, "inv.hcl", Options{Schema: tc.schema, slowPath: slow})
				assert.Equal(t, tc.want, diagLines(diags), "slow=%v", slow)
			}
		})
	}
}

// TestExtendedSchemaOfTheBaseIsTheBase: with no extension, the language
// is the built-in one, the very same value.
func TestExtendedSchemaOfTheBaseIsTheBase(t *testing.T) {
	s, err := ExtendedSchema(schemas.Inventory)
	require.NoError(t, err)
	assert.Same(t, InventorySchema, s)
	_, err = ExtendedSchema([]byte(`{"type": "object", "properties": {"x": {"type": "nonsense"}}}`))
	assert.Error(t, err)
}
