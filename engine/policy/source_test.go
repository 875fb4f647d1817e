package policy_test

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/citygate/citygate/engine/policy"
)

// userTest is a test of the deny rule of errors_test.go's header.
const userTest = "package citygate.rules.privacy.camera_register_test\n\n" +
	"import data.citygate.rules.privacy.camera_register as rule\n\n" +
	"test_fires if {\n\tcount(rule.deny) == 1 with input as {\"systems\": [{\"id\": \"cam\"}]}\n}\n"

// TestNoBuiltinRules: a user rule loads on the helpers alone, and neither
// the built-in rules nor their tests come along.
func TestNoBuiltinRules(t *testing.T) {
	mfs := fstest.MapFS{"rule.rego": {Data: []byte(deny(`not s.transparency.register_url`))}, "rule_test.rego": {Data: []byte(userTest)}}
	lib, errs := policy.Load([]policy.Source{policy.Builtin(), {FS: mfs, Prefix: "user"}}, policy.Options{NoBuiltinRules: true})
	require.Empty(t, errs, "%v", errs)
	require.Len(t, lib.Rules(), 1)
	assert.Equal(t, "CITY-LIS-001", lib.Rules()[0].ID)

	rep, errs := lib.Test(context.Background(), policy.TestOptions{Coverage: true})
	require.Empty(t, errs, "%v", errs)
	require.Len(t, rep.Results, 1)
	assert.True(t, rep.Results[0].Pass, rep.Results[0].Error)
	assert.Equal(t, "user/rule_test.rego", rep.Results[0].File)
	assert.Contains(t, rep.Coverage.Files, "user/rule.rego")
	assert.Contains(t, rep.Coverage.Files, "<builtin>/policies/lib/lib.rego")

	files, err := policy.Source{FS: mfs, Prefix: "user"}.Files()
	require.NoError(t, err)
	assert.Equal(t, []string{"user/rule.rego", "user/rule_test.rego"}, files)
}

// TestBuiltinFilesAreNamedAsEmbedded: the built-in library's files carry
// the <builtin> prefix everywhere, so a user folder named policies/ never
// looks like it; a user path that starts like it is kept apart.
func TestBuiltinFilesAreNamedAsEmbedded(t *testing.T) {
	files, err := policy.Builtin().Files()
	require.NoError(t, err)
	assert.Contains(t, files, "<builtin>/policies/lib/lib.rego")
	assert.Contains(t, files, "<builtin>/policies/privacy/retention_limits.rego")
	for _, f := range files {
		assert.True(t, strings.HasPrefix(f, "<builtin>/policies/"), f)
	}
	lib, errs := policy.Load([]policy.Source{policy.Builtin()}, policy.Options{})
	require.Empty(t, errs, "%v", errs)
	for _, r := range lib.Rules() {
		assert.True(t, r.Builtin, r.ID)
		assert.True(t, strings.HasPrefix(r.File, "<builtin>/policies/"), r.File)
	}
	assert.Equal(t, "policies", policy.Dir("policies").Prefix)
	assert.Equal(t, "policies", policy.Dir("./policies/").Prefix)
	assert.Equal(t, "./<builtin>/policies", policy.Dir("<builtin>/policies").Prefix)
}

// TestUserFolderNamedPolicies: a user rule in a folder called policies
// with the built-in id SEC-005 is refused, and the message tells the two
// files apart.
func TestUserFolderNamedPolicies(t *testing.T) {
	mfs := fstest.MapFS{"security/default_credentials.rego": {Data: []byte(strings.Replace(deny("true"), "CITY-LIS-001", "SEC-005", 1))}}
	for _, noBuiltin := range []bool{false, true} {
		_, errs := policy.Load([]policy.Source{policy.Builtin(), {FS: mfs, Prefix: "policies"}}, policy.Options{NoBuiltinRules: noBuiltin})
		require.Len(t, errs, 1, "%v", errs)
		assert.Equal(t, "policies/security/default_credentials.rego:7:1: rule id SEC-005 of policies/security/default_credentials.rego "+
			"is already the id of the built-in rule <builtin>/policies/security/default_credentials.rego "+
			"(hint: give the rule its own custom.id, e.g. with the city's prefix (CITY-LIS-001); built-in ids stay reserved even with --no-builtin)",
			errs[0].Error())
	}
}

// paramsTest reads the configured video retention limit.
const paramsTest = "package citygate.rules.privacy.camera_register_test\n\n" +
	"test_video_limit if {\n\tdata.citygate.params.retention_max_days.video == 14\n}\n"

// TestBuiltinTestsRunWithBuiltinParams: with a city's override of a
// param the built-in tests assert on, the built-in tests still pass (they
// run with policies/params.json), and a user test sees the override.
func TestBuiltinTestsRunWithBuiltinParams(t *testing.T) {
	mfs := fstest.MapFS{"rule.rego": {Data: []byte(deny(`not s.transparency.register_url`))}, "rule_test.rego": {Data: []byte(paramsTest)}}
	params := map[string]any{"retention_max_days": map[string]any{"video": 14}}
	lib, errs := policy.Load([]policy.Source{policy.Builtin(), {FS: mfs, Prefix: "user"}}, policy.Options{Params: params})
	require.Empty(t, errs, "%v", errs)
	rep, errs := lib.Test(context.Background(), policy.TestOptions{Run: "retention|camera_register", Coverage: true})
	require.Empty(t, errs, "%v", errs)
	var builtin, user int
	for _, r := range rep.Results {
		assert.True(t, r.Pass, "%s %s: %s", r.File, r.Name, r.Error)
		if strings.HasPrefix(r.File, "<builtin>/") {
			builtin++
		} else {
			user++
		}
	}
	assert.Positive(t, builtin)
	assert.Equal(t, 1, user)
	assert.Contains(t, rep.Coverage.Files, "<builtin>/policies/privacy/retention_limits.rego")
	assert.Equal(t, 14.0, lib.Params()["retention_max_days"].(map[string]any)["video"])
}

// TestPolicyPath: --policy takes a directory or one .rego file; anything
// else is a clear error.
func TestPolicyPath(t *testing.T) {
	dir := t.TempDir()
	rule := filepath.Join(dir, "rule.rego")
	require.NoError(t, os.WriteFile(rule, []byte(deny(`not s.transparency.register_url`)), 0o644))
	require.NoError(t, os.WriteFile(filepath.Join(dir, "other.rego"), []byte("package x\n"), 0o644))
	require.NoError(t, os.WriteFile(filepath.Join(dir, "notes.txt"), nil, 0o644))

	src, err := policy.Path(rule)
	require.NoError(t, err)
	files, err := src.Files()
	require.NoError(t, err)
	assert.Equal(t, []string{filepath.ToSlash(rule)}, files)
	lib, errs := policy.Load([]policy.Source{policy.Builtin(), src}, policy.Options{NoBuiltinRules: true})
	require.Empty(t, errs, "%v", errs)
	assert.Equal(t, filepath.ToSlash(rule), lib.Rules()[0].File)

	src, err = policy.Path(dir)
	require.NoError(t, err)
	files, err = src.Files()
	require.NoError(t, err)
	assert.Len(t, files, 2)

	_, err = policy.Path(filepath.Join(dir, "notes.txt"))
	assert.EqualError(t, err, "policy "+filepath.Join(dir, "notes.txt")+" is neither a directory nor a .rego file")
	_, err = policy.Path(filepath.Join(dir, "nope"))
	assert.EqualError(t, err, "policy "+filepath.Join(dir, "nope")+" does not exist: give a directory of .rego files or one .rego file")
}
