package inventory

import (
	"fmt"
	"testing"
	"testing/fstest"

	"github.com/hashicorp/hcl/v2"
	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestSourceWalk: every value of the document that comes from the files is
// visited once, with its path as Rego writes it and its range: the city (a
// single block, an object in the document), system elements of
// input.systems, attributes, tuple elements, in both syntaxes.
func TestSourceWalk(t *testing.T) {
	fsys := fstest.MapFS{
		"inv/city.hcl":     {Data: []byte("city \"lx\" {\n  name = \"Lisboa\"\n  jurisdictions = [\"pt\", \"EU\"]\n}\n")},
		"inv/cam.hcl.json": {Data: []byte(`{"system": {"cam": {"category": "iot"}}}`)},
	}
	inv, diags := Load(fsys, "inv", Options{})
	require.False(t, diags.HasErrors(), diags.Error())
	var got []string
	inv.Source.Walk(inv.Doc, func(path ast.Ref, rng hcl.Range) {
		got = append(got, fmt.Sprintf("%s %s:%d:%d-%d:%d", path, rng.Filename, rng.Start.Line, rng.Start.Column, rng.End.Line, rng.End.Column))
	})
	assert.Equal(t, []string{
		"input.city inv/city.hcl:1:1-4:2",
		"input.city.id inv/city.hcl:1:6-1:10",
		"input.city.jurisdictions inv/city.hcl:3:3-3:31",
		"input.city.jurisdictions[0] inv/city.hcl:3:20-3:24",
		"input.city.jurisdictions[1] inv/city.hcl:3:26-3:30",
		"input.city.name inv/city.hcl:2:3-2:18",
		// hcl gives a JSON block the range of its opening brace.
		"input.systems[0] inv/cam.hcl.json:1:20-1:21",
		"input.systems[0].category inv/cam.hcl.json:1:21-1:38",
		"input.systems[0].id inv/cam.hcl.json:1:13-1:18",
	}, got)
	var none []string
	(*SourceMap)(nil).Walk(inv.Doc, func(path ast.Ref, _ hcl.Range) { none = append(none, path.String()) })
	assert.Empty(t, none)
}
