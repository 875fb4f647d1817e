package main

import (
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// ptDurations are the timings of citygate test's text output.
var ptDurations = regexp.MustCompile(`\((\d+µs|\d+\.\dms|\d+\.\d\ds)\)`)

// ptLines is citygate test's text output without timings, one string per
// line, with prefix removed from every path.
func ptLines(out, prefix string) []string {
	out = ptDurations.ReplaceAllString(out, "(T)")
	return strings.Split(strings.ReplaceAll(out, prefix, ""), "\n")
}

// ptCopyDir copies the files of src (recursively) into dst.
func ptCopyDir(t *testing.T, src, dst string) {
	t.Helper()
	require.NoError(t, filepath.WalkDir(src, func(p string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, err := filepath.Rel(src, p)
		if err != nil {
			return err
		}
		target := filepath.Join(dst, rel)
		if d.IsDir() {
			return os.MkdirAll(target, 0o755)
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		return os.WriteFile(target, b, 0o644)
	}))
}

// ptCustomLines is the text output of citygate test on the custom-policy
// example, paths relative to the example's directory.
var ptCustomLines = []string{
	"PASS  police_sharing_test.rego: test_sharing_without_legal_basis_fires_medium (T)",
	"PASS  police_sharing_test.rego: test_biometric_footage_is_high (T)",
	"PASS  police_sharing_test.rego: test_one_finding_per_party (T)",
	"PASS  police_sharing_test.rego: test_legal_basis_passes (T)",
	"PASS  police_sharing_test.rego: test_other_kinds_and_no_sharing_do_not_apply (T)",
	"PASS  police_sharing_test.rego: test_retired_does_not_apply (T)",
	"PASS  video_register_test.rego: test_unregistered_public_video_fires (T)",
	"PASS  video_register_test.rego: test_transparency_block_without_register_fires (T)",
	"PASS  video_register_test.rego: test_registered_passes (T)",
	"PASS  video_register_test.rego: test_private_space_video_does_not_apply (T)",
	"PASS  video_register_test.rego: test_other_data_kinds_do_not_apply (T)",
	"PASS  video_register_test.rego: test_retired_does_not_apply (T)",
	"PASS  video_register_test.rego: test_every_system_is_checked (T)",
	"PASS  fixtures/compliant: no findings, as expected (T)",
	"PASS  fixtures/police-sharing: 3 findings, as expected (T)",
	"PASS  fixtures/unregistered-video: 2 findings, as expected (T)",
	"",
	"16 passed, 0 failed",
	"",
}

// TestTestDotIsTestDir: `cd fixtures/custom-policy && citygate test .`
// gives what `citygate test fixtures/custom-policy` gives from the repo
// root: the fixtures are checked against the directory's rules, whatever
// the working directory (they used to be checked against no rule: "14
// passed, 2 failed").
func TestTestDotIsTestDir(t *testing.T) {
	abs, err := filepath.Abs(ptCustomPolicy)
	require.NoError(t, err)
	code, out, errOut := ptRun(t, "test", ptCustomPolicy)
	require.Equal(t, 0, code, "%s%s", out, errOut)
	assert.Equal(t, ptCustomLines, ptLines(out, "../../fixtures/custom-policy/"))

	t.Chdir(abs)
	for _, arg := range []string{".", "./", abs, "../custom-policy"} {
		code, out, errOut := ptRun(t, "test", arg)
		require.Equal(t, 0, code, "test %s:\n%s%s", arg, out, errOut)
		prefix := strings.TrimSuffix(filepath.ToSlash(filepath.Clean(arg)), "/") + "/"
		if arg == "." || arg == "./" {
			prefix = "\x00" // names are relative to the directory already
		}
		assert.Equal(t, ptCustomLines, ptLines(out, prefix), "test %s", arg)
	}

	t.Chdir("fixtures")
	code, out, _ = ptRun(t, "test", "..", "--run", "sharing")
	require.Equal(t, 0, code, out)
	assert.Equal(t, []string{"PASS  fixtures/police-sharing: 3 findings, as expected (T)", "", "7 passed, 0 failed", ""},
		ptLines(out, "../")[6:])
}

// ptPoliciesFolder is a user folder named policies (a copy of the
// custom-policy example) in a new working directory, with .citygate.yaml
// holding config.
func ptPoliciesFolder(t *testing.T, config string) string {
	abs, err := filepath.Abs(ptCustomPolicy)
	require.NoError(t, err)
	dir := t.TempDir()
	ptCopyDir(t, abs, filepath.Join(dir, "policies"))
	if config != "" {
		require.NoError(t, os.WriteFile(filepath.Join(dir, ".citygate.yaml"), []byte(config), 0o644))
	}
	t.Chdir(dir)
	return dir
}

// TestTestUserFolderNamedPolicies: a user folder named policies/ is the
// user's, never the built-in library: with --builtin, the built-in tests
// run as built-in (<builtin>/policies/...), the user's fixtures are
// checked against the user's rules only, and nothing is unexpected.
func TestTestUserFolderNamedPolicies(t *testing.T) {
	ptPoliciesFolder(t, "")
	code, out, errOut := ptRun(t, "test", "policies")
	require.Equal(t, 0, code, "%s%s", out, errOut)
	assert.Equal(t, ptCustomLines, ptLines(out, "policies/"))

	t.Chdir("policies")
	code, out, _ = ptRun(t, "test", ".")
	require.Equal(t, 0, code, out)
	assert.Equal(t, ptCustomLines, ptLines(out, "\x00"))
	t.Chdir("..")

	code, out, errOut = ptRun(t, "test", "--builtin", "policies")
	require.Equal(t, 0, code, "%s%s", out, errOut)
	assert.NotContains(t, out, "unexpected")
	assert.NotContains(t, out, "FAIL")
	var user, builtin []string
	for _, line := range ptLines(out, "\x00") {
		switch {
		case strings.HasPrefix(line, "PASS  <builtin>/policies/"):
			builtin = append(builtin, line)
		case strings.HasPrefix(line, "PASS  policies/"):
			user = append(user, strings.Replace(line, "policies/", "", 1))
		}
	}
	sort.Strings(user)
	want := append([]string(nil), ptCustomLines[:16]...)
	sort.Strings(want)
	assert.Equal(t, want, user)
	assert.Greater(t, len(builtin), 500)
	assert.Equal(t, len(builtin)+16, strings.Count(out, "PASS  "))
}

// TestTestBuiltinTestsKeepBuiltinParams: a city's params override (video
// footage kept 14 days at most) does not fail the built-in tests, which
// assert on the built-in params; the user's tests and fixtures run with
// the override.
func TestTestBuiltinTestsKeepBuiltinParams(t *testing.T) {
	dir := ptPoliciesFolder(t, "params:\n  retention_max_days:\n    video: 14\n")
	require.NoError(t, os.WriteFile(filepath.Join(dir, "policies", "params_test.rego"), []byte(
		"package citygate.rules.privacy.lisbon_params_test\n\n"+
			"test_city_video_limit if {\n\tdata.citygate.params.retention_max_days.video == 14\n}\n"), 0o644))
	code, out, errOut := ptRun(t, "test")
	require.Equal(t, 0, code, "%s%s", out, errOut)
	assert.Contains(t, out, "PASS  <builtin>/policies/privacy/retention_limits_test.rego: ")
	assert.Regexp(t, `\n\d+ passed, 0 failed\n$`, out)

	code, out, errOut = ptRun(t, "test", "--builtin", "policies")
	require.Equal(t, 0, code, "%s%s", out, errOut)
	assert.Contains(t, out, "PASS  policies/params_test.rego: test_city_video_limit (")
	assert.Contains(t, out, "PASS  <builtin>/policies/privacy/retention_limits_test.rego: ")
	assert.Regexp(t, `\n\d+ passed, 0 failed\n$`, out)

	code, out, _ = ptRun(t, "test", "policies")
	require.Equal(t, 0, code, out)
	assert.Equal(t, "17 passed, 0 failed", ptLastLine(out))
}

// ptBuiltinIDRule is a user rule that takes the built-in id SEC-005.
const ptBuiltinIDRule = `# METADATA
# title: Default passwords changed
# custom:
#   id: SEC-005
#   severity: high
#   principle: security
package citygate.rules.security.lisbon_credentials

import data.citygate.lib

deny contains lib.finding(lib.system(s), "id", "m") if {
	some s in input.systems
	s.id == "x"
}
`

// TestTestRefusesBuiltinIDs: citygate test DIR refuses a rule with a
// built-in id as check does, naming the user's file and the built-in one
// so that they cannot be confused, even in a folder named policies.
func TestTestRefusesBuiltinIDs(t *testing.T) {
	dir := t.TempDir()
	require.NoError(t, os.MkdirAll(filepath.Join(dir, "policies", "security"), 0o755))
	require.NoError(t, os.WriteFile(filepath.Join(dir, "policies", "security", "default_credentials.rego"), []byte(ptBuiltinIDRule), 0o644))
	t.Chdir(dir)
	want := "Error: policies/security/default_credentials.rego:7:1: rule id SEC-005 of policies/security/default_credentials.rego " +
		"is already the id of the built-in rule <builtin>/policies/security/default_credentials.rego " +
		"(hint: give the rule its own custom.id, e.g. with the city's prefix (CITY-LIS-001); built-in ids stay reserved even with --no-builtin)\n"
	for _, args := range [][]string{
		{"test", "policies"},
		{"test", "--builtin", "policies"},
		{"test", "--no-builtin", "--policy", "policies"},
		{"check", "--policy", "policies", "policies"},
		{"check", "--no-builtin", "--policy", "policies", "policies"},
	} {
		code, out, errOut := ptRun(t, args...)
		assert.Equal(t, 2, code, "%v", args)
		assert.Empty(t, out, "%v", args)
		assert.True(t, strings.HasPrefix(errOut, want), "%v:\n%s", args, errOut)
	}
}

// TestPolicyFile: --policy and citygate test take one .rego file as
// well as a directory, as opa and conftest do.
func TestPolicyFile(t *testing.T) {
	rule := filepath.Join(ptCustomPolicy, "video_register.rego")
	code, out, errOut := ptRun(t, "check", "--policy", rule, "--rule", "CITY-LIS-001", "--as-of", "2026-01-01",
		filepath.Join(ptCustomPolicy, "fixtures", "unregistered-video"))
	require.Equal(t, 1, code, "%s%s", out, errOut)
	assert.Equal(t, 2, strings.Count(out, " CITY-LIS-001 "), out)

	code, out, errOut = ptRun(t, "test", rule, filepath.Join(ptCustomPolicy, "video_register_test.rego"))
	require.Equal(t, 0, code, "%s%s", out, errOut)
	assert.Equal(t, ptCustomLines[6:13], ptLines(out, "../../fixtures/custom-policy/")[:7])
	assert.Equal(t, "7 passed, 0 failed", ptLastLine(out))

	code, _, errOut = ptRun(t, "check", "--policy", "no/such.rego", ptCustomPolicy)
	assert.Equal(t, 2, code)
	assert.Equal(t, "Error: policy no/such.rego does not exist: give a directory of .rego files or one .rego file\n\n"+
		"1 policy error(s); nothing was evaluated.\n", errOut)
}

// TestFixTextFollowsParams: with video footage limited to 14 days in the
// config, the fix under a PRIV-005 finding says 14, as its message does,
// in English and in a translation.
func TestFixTextFollowsParams(t *testing.T) {
	city, err := filepath.Abs("../../fixtures/city")
	require.NoError(t, err)
	ptPoliciesFolder(t, "params:\n  retention_max_days:\n    video: 14\n")
	code, out, errOut := ptRun(t, "check", city, "--rule", "PRIV-005", "--as-of", "2026-01-01")
	require.Equal(t, 1, code, "%s%s", out, errOut)
	assert.Contains(t, out, "keeps video data for 31 days, above the 14-day limit")
	assert.Contains(t, out, "\n  fix: Set data.retention_days to at most the limit for data.kind (video 14, location 3, biometric 1 days; "+
		"params retention_max_days), or state the reason for a longer period in data.retention_justification. A system with personal data states its data.kind.\n")
	assert.NotContains(t, out, "video 30")

	code, out, _ = ptRun(t, "check", city, "--rule", "PRIV-005", "--as-of", "2026-01-01", "--lang", "fr")
	require.Equal(t, 1, code, out)
	assert.Contains(t, out, "(vidéo 14, localisation 3, biométrie 1 jours ; params retention_max_days)")
}
