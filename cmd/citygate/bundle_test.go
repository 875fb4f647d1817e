package main

import (
	"bytes"
	"encoding/json"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/citygate/citygate/engine"
	"github.com/citygate/citygate/engine/pack"
)

const (
	customPolicy   = "../../fixtures/custom-policy"
	unregistered   = "../../fixtures/custom-policy/fixtures/unregistered-video"
	testPrivateKey = "../../fixtures/bundle-keys/test-only-private.pem"
	testPublicKey  = "../../fixtures/bundle-keys/test-only-public.pem"
	otherPublicKey = "../../fixtures/bundle-keys/test-only-other-public.pem"
)

type cliFinding struct {
	RuleID   string `json:"rule_id"`
	Message  string `json:"message"`
	Field    string `json:"field"`
	Resource struct {
		Kind string `json:"kind"`
		ID   string `json:"id"`
	} `json:"resource"`
	Location struct {
		File  string `json:"file"`
		Start struct {
			Line int `json:"line"`
		} `json:"start"`
	} `json:"location"`
}

func checkFindings(t *testing.T, args ...string) []cliFinding {
	t.Helper()
	out, stderr, code := citygate(t, append([]string{"check", unregistered, "--as-of", "2026-11-23", "-f", "json", "--no-builtin"}, args...)...)
	require.Equal(t, 1, code, stderr)
	var doc struct {
		Findings []cliFinding `json:"findings"`
	}
	require.NoError(t, json.Unmarshal([]byte(out), &doc))
	return doc.Findings
}

// TestBundleRoundTrip: the custom-policy pack built into a bundle gives
// exactly the findings of its directory.
func TestBundleRoundTrip(t *testing.T) {
	out := filepath.Join(t.TempDir(), "pack.tar.gz")
	_, stderr, code := citygate(t, "bundle", "build", customPolicy, "-o", out)
	require.Equal(t, 0, code, stderr)
	assert.Equal(t, "wrote "+out+"\n", stderr)

	fromBundle := checkFindings(t, "--policy", out)
	assert.Equal(t, checkFindings(t, "--policy", customPolicy), fromBundle)
	var got []string
	for _, f := range fromBundle {
		got = append(got, f.RuleID+" "+f.Resource.ID+" "+f.Field+" "+filepath.Base(f.Location.File)+":"+strconv.Itoa(f.Location.Start.Line)+" "+f.Message)
	}
	assert.Equal(t, []string{
		"CITY-LIS-001 cctv-rossio transparency.register_url video.hcl:7 system cctv-rossio films public space but is not in the video-surveillance register",
		"CITY-LIS-001 cctv-baixa transparency.register_url video.hcl:29 system cctv-baixa films public space but is not in the video-surveillance register",
	}, got)

	again := filepath.Join(t.TempDir(), "again.tar.gz")
	_, stderr, code = citygate(t, "bundle", "build", customPolicy, "-o", again, "-q")
	require.Equal(t, 0, code, stderr)
	assert.Empty(t, stderr)
	a, err := os.ReadFile(out)
	require.NoError(t, err)
	b, err := os.ReadFile(again)
	require.NoError(t, err)
	assert.Equal(t, a, b, "the same pack gives the same bytes")
}

func TestBundleSignedVerification(t *testing.T) {
	dir := t.TempDir()
	signed, unsigned := filepath.Join(dir, "signed.tar.gz"), filepath.Join(dir, "unsigned.tar.gz")
	_, stderr, code := citygate(t, "bundle", "build", customPolicy, "-o", signed, "--signing-key", testPrivateKey)
	require.Equal(t, 0, code, stderr)
	_, stderr, code = citygate(t, "bundle", "build", customPolicy, "-o", unsigned)
	require.Equal(t, 0, code, stderr)

	assert.Len(t, checkFindings(t, "--policy", signed, "--verification-key", testPublicKey), 2)
	_, stderr, code = citygate(t, "check", unregistered, "--as-of", "2026-11-23", "--policy", signed, "-f", "json")
	assert.Equal(t, 1, code, stderr)
	assert.Contains(t, stderr, "note: "+signed+" is signed, but its signature was not checked: give --verification-key to check it\n")

	for name, tc := range map[string]struct {
		args []string
		want string
	}{
		"wrong key": {[]string{"--policy", signed, "--verification-key", otherPublicKey}, "Error: " + signed + ": bundle refused: signature verification failed: "},
		"unsigned":  {[]string{"--policy", unsigned, "--verification-key", testPublicKey}, "Error: " + unsigned + ": bundle refused: a verification key was given but the bundle is not signed"},
		"no key":    {[]string{"--policy", signed, "--verification-key", filepath.Join(dir, "missing.pem")}, "Error: --verification-key: open "},
	} {
		t.Run(name, func(t *testing.T) {
			out, stderr, code := citygate(t, append([]string{"check", unregistered, "--as-of", "2026-11-23"}, tc.args...)...)
			assert.Equal(t, 2, code)
			assert.Empty(t, out, "nothing is evaluated with a refused bundle")
			assert.Contains(t, stderr, tc.want)
		})
	}
}

func TestBundleBuildUsage(t *testing.T) {
	dir := t.TempDir()
	emptyPack := filepath.Join(dir, "empty_pack")
	require.NoError(t, os.Mkdir(emptyPack, 0o755))
	brokenPack := filepath.Join(dir, "broken_pack")
	write(t, brokenPack, "rule.rego", "# METADATA\n# title: x\n# custom: {id: CITY-X-001, severity: low, principle: privacy}\npackage citygate.rules.privacy.x\n\nimport data.citygate.lib\n\ndeny contains lib.not_stated(lib.system(s), \"stage\") if {\n\tsome s in input.sytems\n}\n")
	for name, tc := range map[string]struct {
		args []string
		want string
	}{
		"no output":         {[]string{"bundle", "build", customPolicy}, "Error: bundle build needs -o FILE"},
		"no dir":            {[]string{"bundle", "build", "-o", filepath.Join(dir, "x.tar.gz")}, "Error: give the pack directory to build (or --builtin)"},
		"both":              {[]string{"bundle", "build", customPolicy, "--builtin", "-o", filepath.Join(dir, "x.tar.gz")}, "Error: give either DIR or --builtin, not both"},
		"a file":            {[]string{"bundle", "build", unregistered + "/video.hcl", "-o", filepath.Join(dir, "x.tar.gz")}, "is not a directory"},
		"missing key":       {[]string{"bundle", "build", customPolicy, "-o", filepath.Join(dir, "x.tar.gz"), "--signing-key", filepath.Join(dir, "nope.pem")}, "Error: --signing-key: "},
		"bad pack":          {[]string{"bundle", "build", emptyPack, "-o", filepath.Join(dir, "x.tar.gz")}, "empty_pack: no .rego files to bundle"},
		"builtin as policy": {[]string{"check", unregistered, "--policy", builtinBundle(t, dir)}, "this is the export of citygate's built-in library"},
	} {
		t.Run(name, func(t *testing.T) {
			_, stderr, code := citygate(t, tc.args...)
			assert.Equal(t, 2, code)
			assert.Contains(t, stderr, tc.want)
		})
	}
	_, err := os.Stat(filepath.Join(dir, "x.tar.gz"))
	assert.True(t, os.IsNotExist(err), "a failed build writes nothing")
}

func builtinBundle(t *testing.T, dir string) string {
	p := filepath.Join(dir, "citygate.tar.gz")
	_, stderr, code := citygate(t, "bundle", "build", "--builtin", "-o", p, "-q")
	require.Equal(t, 0, code, stderr)
	return p
}

// TestBundleTests: a bundle built with --include-tests is tested like its
// directory (its fixtures are not in the bundle).
func TestBundleTests(t *testing.T) {
	p := filepath.Join(t.TempDir(), "pack.tar.gz")
	_, stderr, code := citygate(t, "bundle", "build", customPolicy, "--include-tests", "-o", p, "-q")
	require.Equal(t, 0, code, stderr)
	out, stderr, code := citygate(t, "test", p)
	require.Equal(t, 0, code, stderr)
	assert.Contains(t, out, "PASS  "+filepath.ToSlash(p)+"/video_register_test.rego: test_every_system_is_checked")
	assert.True(t, strings.HasSuffix(out, "\n13 passed, 0 failed\n"), out)
}

// TestBundleNeedsNewerCitygate: check refuses a pack whose min_citygate
// is newer than this citygate, before evaluating anything.
func TestBundleNeedsNewerCitygate(t *testing.T) {
	dir := t.TempDir()
	src := os.DirFS(customPolicy)
	fsys := fstest.MapFS{pack.ManifestFile: {Data: []byte("name: lisboa\nversion: 3.0.0\nmin_citygate: 99.0.0\n")}}
	for _, name := range []string{"video_register.rego", "police_sharing.rego"} {
		b, err := fs.ReadFile(src, name)
		require.NoError(t, err)
		fsys[name] = &fstest.MapFile{Data: b}
	}
	b, err := pack.Build(fsys, "lisboa", pack.BuildOptions{})
	require.NoError(t, err)
	var buf bytes.Buffer
	require.NoError(t, pack.Write(&buf, b, nil))
	p := filepath.Join(dir, "future.tar.gz")
	require.NoError(t, os.WriteFile(p, buf.Bytes(), 0o644))
	out, stderr, code := citygate(t, "check", unregistered, "--policy", p)
	assert.Equal(t, 2, code)
	assert.Empty(t, out)
	assert.Equal(t, "Error: "+p+": pack lisboa 3.0.0 needs citygate 99.0.0 or newer; this is citygate "+engine.Version+": upgrade citygate to use it\n\n1 policy error(s); nothing was evaluated.\n", stderr)
}
