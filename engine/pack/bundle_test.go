package pack

import (
	"archive/tar"
	"bytes"
	"compress/gzip"
	"encoding/json"
	"io"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/citygate/citygate/policies"
)

const rule = `# METADATA
# title: Cameras keep video briefly
# custom:
#   id: CITY-LX-001
#   severity: medium
#   principle: privacy
package citygate.rules.privacy.lx_video

import data.citygate.lib

deny contains lib.not_stated(lib.system(s), "stage") if {
	some s in input.systems
	not s.stage
}
`

// testPack is a pack with everything a pack may hold, and things a
// bundle leaves out (tests, fixtures, a hidden directory).
func testPack() fstest.MapFS {
	return fstest.MapFS{
		ManifestFile:                 {Data: []byte("name: lisboa\nversion: 1.2.0\nmin_citygate: 0.1.0\ndescription: Lisbon's rules\nparams_schema: schemas/params.json\nextensions:\n  lisboa:\n    schema: schemas/lisboa.yaml\n    blocks: [city]\n")},
		"schemas/params.json":        {Data: []byte(`{"type": "object", "properties": {"home_country": {"type": "string", "default": "PT"}}}`)},
		"schemas/lisboa.yaml":        {Data: []byte("type: object\nproperties:\n  freguesia: {type: string}\n")},
		"data.yaml":                  {Data: []byte("districts: [alfama, baixa]\nmax: 3\n")},
		"video.rego":                 {Data: []byte(rule)},
		"video_test.rego":            {Data: []byte("package citygate.rules.privacy.lx_video_test\n\ntest_x if true\n")},
		"helpers/util.rego":          {Data: []byte("package citygate.rules.privacy.lx_video.util\n\nx := 1\n")},
		"fixtures/case/inv.hcl":      {Data: []byte("system \"x\" {}\n")},
		"fixtures/stray.rego":        {Data: []byte("package fixture_only\n")},
		".git/hooks/pre-commit.rego": {Data: []byte("package hidden\n")},
	}
}

func TestBuildPack(t *testing.T) {
	b, err := Build(testPack(), "packs/lisboa", BuildOptions{})
	require.NoError(t, err)
	var paths []string
	for _, m := range b.Modules {
		paths = append(paths, m.Path)
	}
	assert.Equal(t, []string{"/helpers/util.rego", "/video.rego"}, paths, "tests, fixtures and hidden directories are left out")
	assert.Equal(t, "1.2.0", b.Manifest.Revision)
	assert.Equal(t, []string{"citygate/packs/lisboa", "citygate/rules/privacy/lx_video"}, *b.Manifest.Roots,
		"the nested package's root is inside its parent's")
	assert.Equal(t, map[string]any{"citygate": map[string]any{"packs": map[string]any{"lisboa": map[string]any{
		"districts": []any{"alfama", "baixa"}, "max": float64(3)}}}}, b.Data)
	meta, ok, err := ReadBundleMeta(b.Manifest.Metadata)
	require.NoError(t, err)
	require.True(t, ok)
	assert.Equal(t, BundleMeta{Pack: "lisboa", Version: "1.2.0", MinCitygate: "0.1.0", Description: "Lisbon's rules", Schemas: BundleSchemas{
		// The schemas as the loader checks them: closed objects.
		Params: map[string]any{"type": "object", "additionalProperties": false, "properties": map[string]any{"home_country": map[string]any{"type": "string", "default": "PT"}}},
		Extensions: map[string]BundleExtension{"lisboa": {
			Schema: map[string]any{"type": "object", "additionalProperties": false, "properties": map[string]any{"freguesia": map[string]any{"type": "string"}}},
			Blocks: []string{"city"}}},
	}}, meta)
	assert.Equal(t, Manifest{Name: "lisboa", Version: "1.2.0", MinCitygate: "0.1.0", Description: "Lisbon's rules", Declared: true,
		ParamsSchema: ParamsSchemaPath, Extensions: map[string]Extension{"lisboa": {Schema: "schemas/extensions/lisboa.schema.json", Blocks: []string{"city"}}}},
		meta.Manifest())

	withTests, err := Build(testPack(), "packs/lisboa", BuildOptions{IncludeTests: true})
	require.NoError(t, err)
	assert.Len(t, withTests.Modules, 3)
	assert.Contains(t, *withTests.Manifest.Roots, "citygate/rules/privacy/lx_video_test")
}

// TestBundleBytesAreDeterministic: the same pack gives the same bytes,
// and the archive has fixed modification times and sorted entries.
func TestBundleBytesAreDeterministic(t *testing.T) {
	write := func() []byte {
		b, err := Build(testPack(), "lisboa", BuildOptions{})
		require.NoError(t, err)
		var buf bytes.Buffer
		require.NoError(t, Write(&buf, b, nil))
		return buf.Bytes()
	}
	first := write()
	for range 5 {
		require.Equal(t, first, write())
	}
	signed := func() []byte {
		b, err := Build(testPack(), "lisboa", BuildOptions{})
		require.NoError(t, err)
		var buf bytes.Buffer
		require.NoError(t, Write(&buf, b, &Signing{Key: "../../fixtures/bundle-keys/test-only-private.pem"}))
		return buf.Bytes()
	}
	require.Equal(t, signed(), signed(), "an RS256 signature is deterministic too")
	gz, err := gzip.NewReader(bytes.NewReader(first))
	require.NoError(t, err)
	assert.True(t, gz.ModTime.IsZero())
	tr := tar.NewReader(gz)
	var names []string
	for {
		hdr, err := tr.Next()
		if err == io.EOF {
			break
		}
		require.NoError(t, err)
		assert.True(t, hdr.ModTime.Unix() == 0 || hdr.ModTime.IsZero(), hdr.Name)
		names = append(names, hdr.Name)
	}
	assert.Equal(t, []string{"/data.json", "/helpers/util.rego", "/video.rego", "/.manifest"}, names)
}

func TestRevisionIsAContentHashWithoutVersion(t *testing.T) {
	fsys := fstest.MapFS{"video.rego": {Data: []byte(rule)}}
	b, err := Build(fsys, "lx-video", BuildOptions{})
	require.NoError(t, err)
	assert.Regexp(t, `^sha256:[0-9a-f]{64}$`, b.Manifest.Revision)
	again, err := Build(fsys, "lx-video", BuildOptions{})
	require.NoError(t, err)
	assert.Equal(t, b.Manifest.Revision, again.Manifest.Revision)
	fsys["video.rego"] = &fstest.MapFile{Data: []byte(rule + "\n# changed\n")}
	changed, err := Build(fsys, "lx-video", BuildOptions{})
	require.NoError(t, err)
	assert.NotEqual(t, b.Manifest.Revision, changed.Manifest.Revision)
	meta, _, err := ReadBundleMeta(b.Manifest.Metadata)
	require.NoError(t, err)
	assert.Equal(t, "lx_video", meta.Pack, "named after its directory")
	assert.Equal(t, []string{"citygate/rules/privacy/lx_video"}, *b.Manifest.Roots, "no data, no data root")
}

func TestBuildErrors(t *testing.T) {
	for name, tc := range map[string]struct {
		fsys fstest.MapFS
		want string
	}{
		"no rego":        {fstest.MapFS{"data.json": {Data: []byte("{}")}}, "p: no .rego files to bundle"},
		"syntax":         {fstest.MapFS{"a.rego": {Data: []byte("package x\n\nallow if {\n")}}, "p/a.rego:4: rego_parse_error"},
		"data set twice": {fstest.MapFS{"a.rego": {Data: []byte(rule)}, ManifestFile: {Data: []byte("name: p\n")}, "data.json": {Data: []byte(`{"a": 2}`)}, "data.yaml": {Data: []byte("a: 1")}}, "data.yaml"},
		"bad data":       {fstest.MapFS{"a.rego": {Data: []byte(rule)}, "data.json": {Data: []byte("{")}}, "p/data.json"},
		"missing schema": {fstest.MapFS{"a.rego": {Data: []byte(rule)}, ManifestFile: {Data: []byte("name: p\nparams_schema: nope.json\n")}}, "p/nope.json: file does not exist (named in citygate-pack.yaml)"},
		"schema escapes": {fstest.MapFS{"a.rego": {Data: []byte(rule)}, ManifestFile: {Data: []byte("name: p\nparams_schema: ../x.json\n")}}, `p/citygate-pack.yaml: "../x.json" is not a path inside the pack`},
		"schema array":   {fstest.MapFS{"a.rego": {Data: []byte(rule)}, "s.json": {Data: []byte("[]")}, ManifestFile: {Data: []byte("name: p\nparams_schema: s.json\n")}}, "p/s.json: not a JSON Schema"},
		"bad manifest":   {fstest.MapFS{"a.rego": {Data: []byte(rule)}, ManifestFile: {Data: []byte("name: P\n")}}, "p: citygate-pack.yaml: name \"P\" must be a Rego identifier"},
	} {
		t.Run(name, func(t *testing.T) {
			_, err := Build(tc.fsys, "p", BuildOptions{})
			require.Error(t, err)
			assert.Contains(t, err.Error(), tc.want)
		})
	}
	_, err := Build(fstest.MapFS{"a.rego": {Data: []byte(rule)}}, "2024-rules", BuildOptions{})
	require.ErrorContains(t, err, "add a citygate-pack.yaml with name:")
}

func TestBuildBuiltin(t *testing.T) {
	b, err := BuildBuiltin(policies.FS, "0.1.0", BuildOptions{})
	require.NoError(t, err)
	roots := *b.Manifest.Roots
	assert.Contains(t, roots, "citygate/lib")
	assert.Contains(t, roots, "citygate/params")
	assert.Contains(t, roots, "citygate/gates/procurement_gate")
	assert.NotContains(t, roots, "citygate", "exact roots, so a pack's bundle can sit beside it in OPA")
	for _, m := range b.Modules {
		assert.False(t, strings.HasSuffix(m.Path, "_test.rego"), m.Path)
	}
	var params map[string]any
	raw, err := policies.FS.ReadFile("params.json")
	require.NoError(t, err)
	require.NoError(t, json.Unmarshal(raw, &params))
	assert.Equal(t, params, b.Data["citygate"].(map[string]any)["params"])
	assert.NotContains(t, b.Data["citygate"], "as_of", "the evaluation date is the OPA user's to give")
	meta, _, err := ReadBundleMeta(b.Manifest.Metadata)
	require.NoError(t, err)
	assert.True(t, meta.Builtin)
	assert.Equal(t, "0.1.0", b.Manifest.Revision)
}
