package inventory_test

import (
	"bytes"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/santhosh-tekuri/jsonschema/v6"
	"github.com/stretchr/testify/require"

	"github.com/citygate/citygate/engine/inventory"
	"github.com/citygate/citygate/schemas"
)

// addFixtureSeeds adds every inventory file under fixtures/ (the example
// city, bids, the compliant city, invalid and hostile cases) as a seed.
func addFixtureSeeds(f *testing.F, root string) {
	n := 0
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		isJSON := strings.HasSuffix(p, ".hcl.json")
		if !isJSON && !strings.HasSuffix(p, ".hcl") || d.Type()&fs.ModeSymlink != 0 {
			return nil
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		f.Add(b, isJSON)
		n++
		return nil
	})
	require.NoError(f, err)
	require.Greater(f, n, 40, "seeds from fixtures/")
}

// FuzzLoad: any bytes, as native or JSON syntax, load without a panic.
// When they load, the document is valid against the inventory schema and
// every resource is located in the file; when they do not, every error is
// located in the file.
func FuzzLoad(f *testing.F) {
	addFixtureSeeds(f, "../../fixtures")
	c := jsonschema.NewCompiler()
	c.AssertFormat()
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(schemas.Inventory))
	require.NoError(f, err)
	require.NoError(f, c.AddResource("inventory.schema.json", doc))
	schema := c.MustCompile("inventory.schema.json")

	f.Fuzz(func(t *testing.T, src []byte, isJSON bool) {
		name := "inv.hcl"
		if isJSON {
			name = "inv.hcl.json"
		}
		inv, diags := inventory.Load(fstest.MapFS{name: {Data: src}}, name, inventory.Options{})
		require.NotNil(t, inv)
		for _, d := range diags {
			require.NotNil(t, d.Subject, "unlocated diagnostic %s", d.Error())
			require.Equal(t, name, d.Subject.Filename, "%s", d.Error())
			require.GreaterOrEqual(t, d.Subject.Start.Line, 1, "%s", d.Error())
		}
		if inv.Doc == nil {
			require.True(t, diags.HasErrors(), "no document and no error")
			return
		}
		require.False(t, diags.HasErrors())
		v, err := ast.JSON(inv.Doc)
		require.NoError(t, err)
		require.NoError(t, schema.Validate(v), "a loaded document violates the schema: %s", inv.Doc)
		for _, r := range inv.Resources {
			rng, exact, ok := inv.Source.Locate(r.Kind, r.ID, "")
			require.True(t, ok && exact, "resource %s not located", r.Resource)
			require.Equal(t, name, rng.Filename)
			require.GreaterOrEqual(t, rng.Start.Line, 1)
			require.Equal(t, r.Location.Start.Line, rng.Start.Line)
		}
	})
}
