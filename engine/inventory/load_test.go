package inventory_test

import (
	"testing"
	"testing/fstest"

	"github.com/hashicorp/hcl/v2"
	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/citygate/citygate/engine/inventory"
)

func load(t *testing.T, files map[string]string) (*inventory.Inventory, hcl.Diagnostics) {
	t.Helper()
	mfs := fstest.MapFS{}
	for name, body := range files {
		mfs[name] = &fstest.MapFile{Data: []byte(body)}
	}
	return inventory.Load(mfs, "inv", inventory.Options{})
}

func TestNormalizedDocument(t *testing.T) {
	inv, diags := load(t, map[string]string{"inv/main.hcl": inventory.SampleInventory})
	require.False(t, diags.HasErrors(), diags.Error())
	want := ast.MustParseTerm(`{
		"city": {"id": "lisboa", "jurisdictions": ["EU"], "kpis": [{"code": "EC:ICT:ICT:2C", "value": 44.80, "year": 2024}]},
		"systems": [{
			"id": "cctv", "category": "iot",
			"data": {"retention_days": 31, "shared_with": [{"party": "police", "agreement": "DSA-7"}]},
			"ai": {},
			"assessments": [{"kind": "pia", "date": "2022-01-10"}]
		}]
	}`).Value
	assert.Equal(t, 0, want.Compare(inv.Doc), "got %s", inv.Doc)
	assert.Equal(t, "lisboa", inv.Name)
	assert.Equal(t, 1, inv.Systems)
	// Numbers keep their written form: 44.80 is not reformatted through floats.
	kpi := inv.Doc.(ast.Object).Get(ast.StringTerm("city")).Value.(ast.Object).Get(ast.StringTerm("kpis")).Value.(*ast.Array).Elem(0)
	assert.Equal(t, ast.Number("44.80"), kpi.Value.(ast.Object).Get(ast.StringTerm("value")).Value)
}

func TestLocate(t *testing.T) {
	inv, diags := load(t, map[string]string{"inv/main.hcl": inventory.SampleInventory})
	require.False(t, diags.HasErrors(), diags.Error())
	for _, tc := range []struct {
		kind, id, field string
		line, col       int
		exact           bool
	}{
		{"system", "cctv", "category", 10, 3, true},
		{"system", "cctv", "assessment.pia.date", 19, 5, true},
		{"system", "cctv", "data.shared_with.0.agreement", 13, 43, true},
		{"system", "cctv", "ai.authorization_ref", 16, 5, true},        // null is absent from the document, but located
		{"system", "cctv", "auth.mfa_privileged", 9, 1, false},         // no auth block: the system header
		{"system", "cctv", "data.encrypted_at_rest", 11, 3, false},     // the data block header
		{"system", "cctv", "assessment.dpia.date", 9, 1, false},        // no such assessment
		{"city", "lisboa", "kpi.EC:ICT:ICT:2C.value", 4, 5, true},      // labels with colons
		{"city", "lisboa", "policy.dig_once.notice_days", 1, 1, false}, // missing labelled block
		{"system", "cctv", "", 9, 1, true},                             // the resource itself
	} {
		rng, exact, ok := inv.Source.Locate(tc.kind, tc.id, tc.field)
		require.True(t, ok, tc.field)
		assert.Equal(t, "inv/main.hcl", rng.Filename)
		assert.Equal(t, [2]int{tc.line, tc.col}, [2]int{rng.Start.Line, rng.Start.Column}, tc.field)
		assert.Equal(t, tc.exact, exact, tc.field)
	}
	_, _, ok := inv.Source.Locate("system", "nope", "category")
	assert.False(t, ok)
}

// TestLocateDottedLabels: a label may contain dots, so a field path is
// resolved with the longest label that matches, and a shorter label that
// is a prefix of it does not capture the path.
func TestLocateDottedLabels(t *testing.T) {
	inv, diags := load(t, map[string]string{"inv/main.hcl": `city "x" {
  kpi "ISO.37122" {
    value = 1
    year  = 2024
  }
  kpi "ISO.37122.5.1" {
    value = 2
    year  = 2024
  }
}
`})
	require.False(t, diags.HasErrors(), diags.Error())
	for _, tc := range []struct {
		field     string
		line, col int
		exact     bool
	}{
		{"kpi.ISO.37122.5.1.year", 8, 5, true},
		{"kpi.ISO.37122.value", 3, 5, true},
		{"kpi.ISO.37122.5.1.source", 6, 3, false}, // the block header
		{"kpi.ISO", 1, 1, false},                  // no such label: the city
	} {
		rng, exact, ok := inv.Source.Locate("city", "x", tc.field)
		require.True(t, ok, tc.field)
		assert.Equal(t, [2]int{tc.line, tc.col}, [2]int{rng.Start.Line, rng.Start.Column}, tc.field)
		assert.Equal(t, tc.exact, exact, tc.field)
	}
}

// TestLocateDoesNotAllocate: locating runs once per finding, hundreds of
// thousands of times in a large run; found or not, it allocates nothing.
func TestLocateDoesNotAllocate(t *testing.T) {
	inv, diags := load(t, map[string]string{"inv/main.hcl": inventory.SampleInventory})
	require.False(t, diags.HasErrors(), diags.Error())
	for _, tc := range []struct{ kind, id, field string }{
		{"system", "cctv", "data.shared_with.0.agreement"},
		{"system", "cctv", "auth.mfa_privileged"}, // not found
		{"system", "cctv", "data.shared_with.x.party"},
		{"system", "cctv", ""},
		{"city", "lisboa", "kpi.EC:ICT:ICT:2C.value"},
	} {
		allocs := testing.AllocsPerRun(100, func() { inv.Source.Locate(tc.kind, tc.id, tc.field) })
		assert.Zero(t, allocs, tc.field)
	}
}

func TestDirectoryInventoryIsSortedAndRecursive(t *testing.T) {
	inv, diags := load(t, map[string]string{
		"inv/b/z.hcl":       `system "z" { category = "iot" }`,
		"inv/a.hcl":         `system "a" { category = "ot" }`,
		"inv/m.hcl.json":    `{"system": {"m": {"category": "kiosk"}}}`,
		"inv/notes.txt":     `not an inventory`,
		"inv/.git/x.hcl":    `this is skipped`,
		"other/ignored.hcl": `system "o" {}`,
	})
	require.False(t, diags.HasErrors(), diags.Error())
	var ids []string
	for _, r := range inv.Resources {
		ids = append(ids, r.String()+"@"+r.Location.File)
	}
	assert.Equal(t, []string{"system.a@inv/a.hcl", "system.z@inv/b/z.hcl", "system.m@inv/m.hcl.json"}, ids)
}

func TestJSONSyntaxLocatesAttributes(t *testing.T) {
	inv, diags := load(t, map[string]string{"inv/s.hcl.json": `{
  "system": {
    "cam": {
      "category": "iot",
      "auth": {"mfa_privileged": false}
    }
  }
}`})
	require.False(t, diags.HasErrors(), diags.Error())
	rng, exact, ok := inv.Source.Locate("system", "cam", "auth.mfa_privileged")
	require.True(t, ok)
	assert.True(t, exact)
	assert.Equal(t, 5, rng.Start.Line)
}

func TestDiagnosticsAreAllCollected(t *testing.T) {
	_, diags := load(t, map[string]string{
		"inv/a.hcl": "system \"a\" {\n  categry = \"iot\"\n}\n",
		"inv/b.hcl": "system \"b\" {\n  category = \"OT\"\n  go_live  = \"2025-02-30\"\n}\n",
	})
	var got []string
	for _, d := range diags {
		got = append(got, d.Subject.Filename+":"+d.Summary)
	}
	assert.Equal(t, []string{"inv/a.hcl:Unsupported argument", "inv/b.hcl:Invalid value", "inv/b.hcl:Invalid value"}, got)
}

func TestLimits(t *testing.T) {
	mfs := fstest.MapFS{"inv.hcl": &fstest.MapFile{Data: []byte(`system "a" { description = "` + string(make([]byte, 0)) + `0123456789" }`)}}
	_, diags := inventory.Load(mfs, "inv.hcl", inventory.Options{Limits: inventory.Limits{MaxStringLength: 5}})
	require.True(t, diags.HasErrors())
	assert.Equal(t, "String too long", diags[0].Summary)

	_, diags = inventory.Load(mfs, "inv.hcl", inventory.Options{Limits: inventory.Limits{MaxFileSize: 10}})
	require.True(t, diags.HasErrors())
	assert.Equal(t, "File too large", diags[0].Summary)

	nested := fstest.MapFS{"inv.hcl": &fstest.MapFile{Data: []byte(`system "a" { data { purposes = [[[["x"]]]] } }`)}}
	_, diags = inventory.Load(nested, "inv.hcl", inventory.Options{Limits: inventory.Limits{MaxDepth: 4}})
	require.True(t, diags.HasErrors())
	assert.Equal(t, "Nesting too deep", diags[0].Summary)
	assert.Equal(t, 1, diags[0].Subject.Start.Line)
}

// An object value with several unknown keys is one error naming them in
// sorted order: jsonschema lists them in map order, which varied from run
// to run.
func TestUnknownObjectKeysAreSorted(t *testing.T) {
	src := "system \"s\" {\n  data {\n    shared_with = [{ zeta = \"1\", alpha = \"2\", mid = \"3\", party = \"p\", agreement = \"a\" }]\n  }\n}\n"
	for range 20 {
		_, diags := load(t, map[string]string{"inv/a.hcl": src})
		var details []string
		for _, d := range diags {
			if d.Subject.Start.Line == 3 {
				details = append(details, d.Detail)
			}
		}
		require.Equal(t, []string{"system \"s\".data.shared_with.0: additional properties 'alpha', 'mid', 'zeta' not allowed."}, details)
	}
}
