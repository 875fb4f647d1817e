package pack

import (
	"encoding/json"
	"os"
	"testing"
	"testing/fstest"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/citygate/citygate/schemas"
)

const lisboaDir = "../../fixtures/packs/lisboa"

func TestOpenLisboa(t *testing.T) {
	p, err := Open(os.DirFS(lisboaDir), "fixtures/packs/lisboa")
	require.NoError(t, err)
	assert.Equal(t, "lisboa", p.Manifest.Name)
	assert.True(t, p.Named())
	assert.Equal(t, []string{"data.json"}, p.DataFiles)
	assert.Len(t, p.Data["parishes"], 24)
	assert.Equal(t, []string{"city"}, p.Extensions["lisboa"].Blocks)
	assert.Equal(t, []string{"system"}, p.Extensions["lisboa_site"].Blocks)
	// Fragments are closed: only the declared attributes.
	assert.Equal(t, false, p.Extensions["lisboa"].Schema["additionalProperties"])

	params, probs := p.Params(nil)
	require.Empty(t, probs)
	assert.Equal(t, map[string]any{"video_retention_max_days": 30.0, "home_country": "PT"}, params)
	params, probs = p.Params(map[string]any{"video_retention_max_days": 14})
	require.Empty(t, probs)
	assert.Equal(t, 14.0, params["video_retention_max_days"])
	assert.Equal(t, "PT", params["home_country"])
}

func TestParamsProblemsNameTheConfigKey(t *testing.T) {
	p, err := Open(os.DirFS(lisboaDir), "fixtures/packs/lisboa")
	require.NoError(t, err)
	_, probs := p.Params(map[string]any{"home_contry": "PT", "video_retention_max_days": "36", "home_country": "Portugal"})
	assert.Equal(t, []Problem{
		{Message: "parameter params.custom.lisboa.home_country: 'Portugal' does not match pattern '^[A-Z]{2}$'"},
		{Message: "parameter params.custom.lisboa.video_retention_max_days must be an integer, got \"36\" (a string)"},
		{Message: "unknown parameter params.custom.lisboa.home_contry", Hint: "did you mean home_country?"},
	}, probs)
	_, probs = p.Params("PT")
	assert.Equal(t, []Problem{{Message: "params.custom.lisboa must be a map of parameter names to values, got PT"}}, probs)
}

func TestPackWithoutParamsSchemaRefusesParams(t *testing.T) {
	p, err := Open(fstest.MapFS{ManifestFile: {Data: []byte("name: x\n")}}, "x")
	require.NoError(t, err)
	v, probs := p.Params(nil)
	assert.Empty(t, probs)
	assert.Equal(t, map[string]any{}, v)
	_, probs = p.Params(map[string]any{"a": 1})
	require.Len(t, probs, 1)
	assert.Equal(t, "pack x (x) declares no params, yet params.custom.x is set", probs[0].Message)
}

// TestDataFollowsOPAsDirectoryConvention: data files in subdirectories
// sit under their directory's keys; YAML and JSON merge; a key two files
// set is an error naming both.
func TestDataFollowsOPAsDirectoryConvention(t *testing.T) {
	fsys := fstest.MapFS{
		ManifestFile:             {Data: []byte("name: x\n")},
		"data.yaml":              {Data: []byte("limits: {video: 14}\n")},
		"zones/lisboa/data.json": {Data: []byte(`{"parishes": 24}`)},
		"data.json":              {Data: []byte(`{"limits": {"audio": 7}}`)},
	}
	p, err := Open(fsys, "x")
	require.NoError(t, err)
	assert.Equal(t, map[string]any{
		"limits": map[string]any{"video": 14.0, "audio": 7.0},
		"zones":  map[string]any{"lisboa": map[string]any{"parishes": 24.0}},
	}, p.Data)
	assert.Equal(t, []string{"data.json", "data.yaml", "zones/lisboa/data.json"}, p.DataFiles)

	fsys["data.yaml"] = &fstest.MapFile{Data: []byte("limits: {audio: 3}\n")}
	_, err = Open(fsys, "x")
	assert.EqualError(t, err, "x: data.json and data.yaml both set limits.audio")
}

func TestPackErrorsNameTheFile(t *testing.T) {
	for name, tc := range map[string]struct {
		files fstest.MapFS
		want  string
	}{
		"data not an object": {fstest.MapFS{"data.json": {Data: []byte(`[1]`)}},
			"p/data.json: a data file must hold an object (keys and values), not a list"},
		"bad json data": {fstest.MapFS{"sub/data.json": {Data: []byte(`{`)}},
			"p/sub/data.json: not valid JSON: unexpected EOF"},
		"data without a name": {fstest.MapFS{"data.json": {Data: []byte(`{}`)}},
			""},
		"missing schema file": {fstest.MapFS{ManifestFile: {Data: []byte("name: x\nparams_schema: p.json\n")}},
			"p/p.json: file does not exist (named in citygate-pack.yaml)"},
		"fragment with $ref": {fstest.MapFS{ManifestFile: {Data: []byte("name: x\nextensions:\n  e: {schema: e.json}\n")},
			"e.json": {Data: []byte(`{"type": "object", "properties": {"a": {"$ref": "#/$defs/a"}}}`)}},
			`p/e.json: extension "e": $ref is not supported: the fragment is placed inside the inventory schema, so write it self-contained`},
		"fragment not an object schema": {fstest.MapFS{ManifestFile: {Data: []byte("name: x\nextensions:\n  e: {schema: e.json}\n")},
			"e.json": {Data: []byte(`{"type": "string"}`)}},
			`p/e.json: extension "e": the schema must be an object schema ("type": "object"), not string`},
		"invalid fragment": {fstest.MapFS{ManifestFile: {Data: []byte("name: x\nextensions:\n  e: {schema: e.json}\n")},
			"e.json": {Data: []byte(`{"properties": {"a": {"type": "text"}}}`)}},
			"p/e.json: not a valid JSON Schema"},
	} {
		t.Run(name, func(t *testing.T) {
			_, err := Open(tc.files, "p")
			if name == "data without a name" {
				// "p" is a valid name: an anonymous directory is named after itself.
				require.NoError(t, err)
				return
			}
			require.Error(t, err)
			assert.Contains(t, err.Error(), tc.want)
		})
	}
	_, err := Open(fstest.MapFS{"data.json": {Data: []byte(`{}`)}}, "My Rules")
	assert.EqualError(t, err, "My Rules: a pack with data files needs a name: add citygate-pack.yaml with name: <identifier>")
}

// TestExtendSchema: fragments land under extensions.properties of the
// blocks they are declared for; no extension leaves the schema as it is;
// one name in two packs is an error.
func TestExtendSchema(t *testing.T) {
	same, err := ExtendSchema(schemas.Inventory, nil)
	require.NoError(t, err)
	assert.Equal(t, string(schemas.Inventory), string(same))

	p, err := Open(os.DirFS(lisboaDir), "fixtures/packs/lisboa")
	require.NoError(t, err)
	raw, err := ExtendSchema(schemas.Inventory, []*Pack{p})
	require.NoError(t, err)
	var doc map[string]any
	require.NoError(t, json.Unmarshal(raw, &doc))
	props := doc["properties"].(map[string]any)
	cityExt := props["city"].(map[string]any)["properties"].(map[string]any)["extensions"].(map[string]any)["properties"].(map[string]any)
	sysExt := props["systems"].(map[string]any)["items"].(map[string]any)["properties"].(map[string]any)["extensions"].(map[string]any)["properties"].(map[string]any)
	assert.Contains(t, cityExt, "lisboa")
	assert.NotContains(t, cityExt, "lisboa_site")
	assert.Contains(t, sysExt, "lisboa_site")
	assert.NotContains(t, sysExt, "lisboa")

	q := p.Clone()
	q.Root = "other"
	_, err = ExtendSchema(schemas.Inventory, []*Pack{p, q})
	assert.EqualError(t, err, `extension "lisboa" is declared by both fixtures/packs/lisboa and other: rename one in its citygate-pack.yaml`)
}

// TestAssembleFromParts: a pack made from parts read elsewhere (an OPA
// bundle) is the pack Open reads from the directory.
func TestAssembleFromParts(t *testing.T) {
	p, err := Open(os.DirFS(lisboaDir), "fixtures/packs/lisboa")
	require.NoError(t, err)
	c := p.Clone()
	fragments := map[string]map[string]any{}
	for name, x := range c.Extensions {
		fragments[name] = x.Schema
	}
	q, err := Assemble(c.Manifest, "pack.tar.gz", c.ParamsSchema, fragments, c.Data, c.DataFiles)
	require.NoError(t, err)
	assert.Equal(t, p.Extensions, q.Extensions)
	assert.Equal(t, p.Data, q.Data)
	v, probs := q.Params(map[string]any{"video_retention_max_days": 7})
	require.Empty(t, probs)
	assert.Equal(t, 7.0, v["video_retention_max_days"])

	delete(fragments, "lisboa")
	_, err = Assemble(c.Manifest, "pack.tar.gz", c.ParamsSchema, fragments, c.Data, c.DataFiles)
	assert.EqualError(t, err, `pack.tar.gz/extensions/lisboa.schema.json: extension "lisboa": no schema`)
}
