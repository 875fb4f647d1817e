package policy_test

import (
	"archive/tar"
	"bytes"
	"compress/gzip"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/citygate/citygate/engine/pack"
	"github.com/citygate/citygate/engine/policy"
	"github.com/citygate/citygate/policies"
)

const packRule = `# METADATA
# title: Cameras state their retention
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

func packFS(manifest string) fstest.MapFS {
	return fstest.MapFS{
		pack.ManifestFile:     {Data: []byte(manifest)},
		"rules/video.rego":    {Data: []byte(packRule)},
		"data.json":           {Data: []byte(`{"districts": ["alfama"]}`)},
		"schemas/p.json":      {Data: []byte(`{"type": "object"}`)},
		"schemas/lisboa.json": {Data: []byte(`{"type": "object", "properties": {"freguesia": {"type": "string"}}}`)},
	}
}

const lisboaManifest = "name: lisboa\nversion: 1.0.0\nmin_citygate: 0.1.0\nparams_schema: schemas/p.json\nextensions:\n  lisboa: {schema: schemas/lisboa.json}\n"

func buildBundle(t *testing.T, fsys fs.FS, signing *pack.Signing) []byte {
	t.Helper()
	b, err := pack.Build(fsys, "lisboa", pack.BuildOptions{})
	require.NoError(t, err)
	var buf bytes.Buffer
	require.NoError(t, pack.Write(&buf, b, signing))
	return buf.Bytes()
}

func opts() policy.BundleOptions { return policy.BundleOptions{Version: "0.1.0"} }

// TestBundleSourceIsThePackDirectory: a bundle read back is the pack's
// directory: its Rego where it was, data.json, a citygate-pack.yaml and
// the schema fragments; and it loads into a library.
func TestBundleSourceIsThePackDirectory(t *testing.T) {
	src, info, err := policy.ReadBundle("lisboa.tar.gz", buildBundle(t, packFS(lisboaManifest), nil), opts())
	require.NoError(t, err)
	assert.Equal(t, "lisboa.tar.gz", src.Prefix)
	assert.Equal(t, "1.0.0", info.Revision)
	assert.False(t, info.Signed)
	var names []string
	require.NoError(t, fs.WalkDir(src.FS, ".", func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			names = append(names, p)
		}
		return err
	}))
	assert.Equal(t, []string{"citygate-pack.yaml", "data.json", "rules/video.rego", "schemas/extensions/lisboa.schema.json", "schemas/params.schema.json"}, names)
	rego, err := fs.ReadFile(src.FS, "rules/video.rego")
	require.NoError(t, err)
	assert.Equal(t, packRule, string(rego), "the Rego bytes as written, so lines match")
	data, err := fs.ReadFile(src.FS, "data.json")
	require.NoError(t, err)
	assert.JSONEq(t, `{"districts": ["alfama"]}`, string(data))
	m, err := pack.Load(src.FS, "ignored")
	require.NoError(t, err)
	assert.Equal(t, pack.Manifest{Name: "lisboa", Version: "1.0.0", MinCitygate: "0.1.0", ParamsSchema: pack.ParamsSchemaPath, Declared: true,
		Extensions: map[string]pack.Extension{"lisboa": {Schema: "schemas/extensions/lisboa.schema.json", Blocks: []string{"city", "system"}}}}, m)
	assert.Equal(t, m, info.Manifest)
	frag, err := fs.ReadFile(src.FS, "schemas/extensions/lisboa.schema.json")
	require.NoError(t, err)
	// The fragment as the loader checks it: a closed object schema.
	assert.JSONEq(t, `{"type": "object", "additionalProperties": false, "properties": {"freguesia": {"type": "string"}}}`, string(frag))

	lib, errs := policy.Load([]policy.Source{policy.Builtin(), src}, policy.Options{})
	require.Empty(t, errs, "%v", errs)
	r, ok := lib.RuleForPackage("citygate.rules.privacy.lx_video")
	require.True(t, ok)
	assert.Equal(t, "CITY-LX-001", r.ID)
	assert.Equal(t, "lisboa.tar.gz/rules/video.rego", r.File)
}

func readKey(t *testing.T, name string) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("../../fixtures/bundle-keys", name))
	require.NoError(t, err)
	return string(b)
}

func TestBundleSignatures(t *testing.T) {
	signing := &pack.Signing{Key: "../../fixtures/bundle-keys/test-only-private.pem"}
	signed := buildBundle(t, packFS(lisboaManifest), signing)
	unsigned := buildBundle(t, packFS(lisboaManifest), nil)
	public, other := readKey(t, "test-only-public.pem"), readKey(t, "test-only-other-public.pem")
	verify := func(key string) policy.BundleOptions {
		o := opts()
		o.VerificationKey = key
		return o
	}

	_, info, err := policy.ReadBundle("p.tar.gz", signed, verify(public))
	require.NoError(t, err, "a good signature verifies")
	assert.True(t, info.Signed)
	assert.True(t, info.Verified)

	_, info, err = policy.ReadBundle("p.tar.gz", signed, opts())
	require.NoError(t, err, "without a key the signature is not checked, as opa eval -b")
	assert.True(t, info.Signed)
	assert.False(t, info.Verified)

	_, _, err = policy.ReadBundle("p.tar.gz", unsigned, verify(public))
	require.EqualError(t, err, "p.tar.gz: bundle refused: a verification key was given but the bundle is not signed (it has no .signatures.json; build it with --signing-key)")

	_, _, err = policy.ReadBundle("p.tar.gz", signed, verify(other))
	require.ErrorContains(t, err, "p.tar.gz: bundle refused: signature verification failed: ")

	scoped := verify(public)
	scoped.Scope = "write"
	_, _, err = policy.ReadBundle("p.tar.gz", signed, scoped)
	require.ErrorContains(t, err, "scope mismatch")

	tampered := rewrite(t, signed, func(name string, body []byte) []byte {
		if name == "/rules/video.rego" {
			return bytes.Replace(body, []byte("severity: medium"), []byte("severity: low"), 1)
		}
		return body
	})
	_, _, err = policy.ReadBundle("p.tar.gz", tampered, verify(public))
	require.ErrorContains(t, err, "p.tar.gz: bundle refused: signature verification failed: ")
	require.ErrorContains(t, err, "rules/video.rego")

	extra := appendEntry(t, signed, "/extra.rego", []byte("package citygate.rules.privacy.lx_video\n\nx := 1\n"))
	_, _, err = policy.ReadBundle("p.tar.gz", extra, verify(public))
	require.ErrorContains(t, err, "signature verification failed")
}

func TestBundleMinCitygate(t *testing.T) {
	raw := buildBundle(t, packFS("name: lisboa\nversion: 2.0.0\nmin_citygate: 9.0.0\n"), nil)
	_, _, err := policy.ReadBundle("p.tar.gz", raw, opts())
	require.EqualError(t, err, "p.tar.gz: pack lisboa 2.0.0 needs citygate 9.0.0 or newer; this is citygate 0.1.0: upgrade citygate to use it")
}

type entry struct {
	name string
	body string
	typ  byte
}

func tarGz(t *testing.T, entries ...entry) []byte {
	t.Helper()
	var buf bytes.Buffer
	gz := gzip.NewWriter(&buf)
	tw := tar.NewWriter(gz)
	for _, e := range entries {
		typ := e.typ
		if typ == 0 {
			typ = tar.TypeReg
		}
		hdr := &tar.Header{Name: e.name, Mode: 0o644, Typeflag: typ, Size: int64(len(e.body))}
		if typ != tar.TypeReg {
			hdr.Size = 0
			hdr.Linkname = "/etc/passwd"
		}
		require.NoError(t, tw.WriteHeader(hdr))
		if typ == tar.TypeReg {
			_, err := tw.Write([]byte(e.body))
			require.NoError(t, err)
		}
	}
	require.NoError(t, tw.Close())
	require.NoError(t, gz.Close())
	return buf.Bytes()
}

const citygateManifest = `{"revision": "1", "roots": [""], "metadata": {"citygate": {"pack": "evil", "schemas": {}}}}`

func TestHostileBundles(t *testing.T) {
	small := opts()
	small.Limits = policy.BundleLimits{Total: 1 << 20, File: 64 << 10, Files: 20}
	bomb := tarGz(t, entry{name: "/.manifest", body: citygateManifest}, entry{name: "/big.rego", body: strings.Repeat("#", 4<<20)})
	assert.Less(t, len(bomb), 64<<10, "4 MB of one byte compresses to a few KB")
	many := []entry{{name: "/.manifest", body: citygateManifest}}
	for i := range 30 {
		many = append(many, entry{name: "/r" + strings.Repeat("x", i) + ".rego", body: "package a\n"})
	}
	for name, tc := range map[string]struct {
		raw  []byte
		want string
	}{
		"not gzip":     {[]byte("PK\x03\x04 a zip"), "p.tar.gz: bundle refused: not a gzip-compressed tarball"},
		"not tar":      {gzipped(t, "just text, no tar headers, just text, no tar headers, just text, no tar headers, just text, no tar headers, just text, no tar headers, just text, no tar headers, just text, no tar headers, just text, no tar headers, just text, no tar headers, just text, no tar headers, just text, no tar headers, just text, no tar headers, just text"), "p.tar.gz: bundle refused: not a valid tarball"},
		"traversal":    {tarGz(t, entry{name: "../../evil.rego", body: "package a\n"}), `entry "../../evil.rego" has an unsafe path`},
		"inner ..":     {tarGz(t, entry{name: "/rules/../../evil.rego", body: "package a\n"}), "has an unsafe path"},
		"backslash":    {tarGz(t, entry{name: `..\evil.rego`, body: "package a\n"}), "has an unsafe path"},
		"symlink":      {tarGz(t, entry{name: "/data.json", typ: tar.TypeSymlink}), `entry "/data.json" is not a regular file or directory`},
		"hard link":    {tarGz(t, entry{name: "/a.rego", typ: tar.TypeLink}), "is not a regular file or directory"},
		"duplicate":    {tarGz(t, entry{name: "/a.rego", body: "package a\n"}, entry{name: "a.rego", body: "package b\n"}), `entry "a.rego" appears twice`},
		"oversize":     {tarGz(t, entry{name: "/big.json", body: strings.Repeat(" ", 100<<10)}), `entry "big.json" is 102400 bytes, more than the 65536`},
		"gzip bomb":    {bomb, "bundle refused: entry \"big.rego\" is 4194304 bytes"},
		"many files":   {tarGz(t, many...), "more than 20 entries"},
		"no metadata":  {tarGz(t, entry{name: "/.manifest", body: `{"revision": "1"}`}, entry{name: "/a.rego", body: "package citygate.rules.privacy.a\n"}), "p.tar.gz: not a citygate pack: its .manifest has no metadata.citygate"},
		"foreign data": {tarGz(t, entry{name: "/.manifest", body: citygateManifest}, entry{name: "/citygate/params/data.json", body: `{"pia_max_age_months": 999}`}), "p.tar.gz: bundle data at data.citygate.params is outside the pack's data.citygate.packs.evil"},
		"as_of":        {tarGz(t, entry{name: "/.manifest", body: citygateManifest}, entry{name: "/data.json", body: `{"citygate": {"as_of": "2000-01-01"}}`}), "bundle data at data.citygate.as_of is outside"},
		"other pack":   {tarGz(t, entry{name: "/.manifest", body: citygateManifest}, entry{name: "/citygate/packs/lisboa/data.json", body: `{}`}), "bundle data at data.citygate.packs.lisboa is outside"},
	} {
		t.Run(name, func(t *testing.T) {
			_, _, err := policy.ReadBundle("p.tar.gz", tc.raw, small)
			require.Error(t, err)
			assert.Contains(t, err.Error(), tc.want)
		})
	}

	// A bomb within the per-file limit is stopped by the total.
	wide := opts()
	wide.Limits = policy.BundleLimits{Total: 1 << 20, File: 8 << 20}
	_, _, err := policy.ReadBundle("p.tar.gz", bomb, wide)
	require.ErrorContains(t, err, "bundle refused: it expands to more than 1048576 bytes")

	b, err := pack.BuildBuiltin(policiesFS(), "0.1.0", pack.BuildOptions{})
	require.NoError(t, err)
	var buf bytes.Buffer
	require.NoError(t, pack.Write(&buf, b, nil))
	_, _, err = policy.ReadBundle("citygate.tar.gz", buf.Bytes(), opts())
	require.ErrorContains(t, err, "citygate.tar.gz: this is the export of citygate's built-in library")
}

func TestLoadBundleBoundsTheFile(t *testing.T) {
	p := filepath.Join(t.TempDir(), "p.tar.gz")
	require.NoError(t, os.WriteFile(p, bytes.Repeat([]byte{0x1f}, 4096), 0o644))
	o := opts()
	o.Limits.Compressed = 1024
	_, _, err := policy.LoadBundle(p, o)
	require.EqualError(t, err, p+": bundle refused: larger than 1024 bytes")
	assert.True(t, policy.IsBundle(p))
	assert.False(t, policy.IsBundle(t.TempDir()))
	assert.False(t, policy.IsBundle(filepath.Join(t.TempDir(), "missing.tar.gz")))
}

func gzipped(t *testing.T, s string) []byte {
	var buf bytes.Buffer
	gz := gzip.NewWriter(&buf)
	_, err := gz.Write([]byte(s))
	require.NoError(t, err)
	require.NoError(t, gz.Close())
	return buf.Bytes()
}

// rewrite copies a bundle, passing each file through edit.
func rewrite(t *testing.T, raw []byte, edit func(name string, body []byte) []byte) []byte {
	t.Helper()
	gz, err := gzip.NewReader(bytes.NewReader(raw))
	require.NoError(t, err)
	tr := tar.NewReader(gz)
	var entries []entry
	for {
		hdr, err := tr.Next()
		if err == io.EOF {
			break
		}
		require.NoError(t, err)
		body, err := io.ReadAll(tr)
		require.NoError(t, err)
		entries = append(entries, entry{name: hdr.Name, body: string(edit(hdr.Name, body))})
	}
	return tarGz(t, entries...)
}

func appendEntry(t *testing.T, raw []byte, name string, body []byte) []byte {
	t.Helper()
	var entries []entry
	rewrite(t, raw, func(n string, b []byte) []byte {
		entries = append(entries, entry{name: n, body: string(b)})
		return b
	})
	return tarGz(t, append(entries, entry{name: name, body: string(body)})...)
}

func policiesFS() fs.FS { return policies.FS }
