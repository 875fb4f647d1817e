package main

import (
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// debugTests fail one test on purpose, with a print in it.
const debugTests = `package citygate.rules.privacy.debug_register_test

import data.citygate.rules.privacy.debug_register as rule

test_fires if {
	count(rule.deny) == 1 with input as {"systems": [{"id": "cam"}]}
}

test_counts_wrong if {
	s := {"id": "cam", "transparency": {"signage": true}}
	n := count(rule.deny) with input as {"systems": [s]}
	print("n is", n)
	n == 2
}
`

// TestTestDebugOutput: citygate test writes print() output to stderr, of
// unit tests and fixture runs, and a failing test shows the values of the
// variables of the expression that failed, as opa test --var-values does.
func TestTestDebugOutput(t *testing.T) {
	dir := ptWriteFiles(t, map[string]string{
		"rules/register.rego":      debugRule,
		"rules/register_test.rego": debugTests,
		"rules/fixtures/cam.hcl":   "system \"cam\" { # expect: CITY-DBG-001\n  category = \"iot\"\n}\n",
	})
	t.Chdir(dir)
	code, out, stderr := ptRun(t, "test", "rules")
	require.Equal(t, 1, code, "stdout:\n%s\nstderr:\n%s", out, stderr)
	assert.Equal(t, "print output of rules/register_test.rego:5: test_fires:\nchecking cam\n"+
		"print output of rules/register_test.rego:9: test_counts_wrong:\nchecking cam\nn is 1\n"+
		"print output of fixture rules/fixtures/cam.hcl:\nchecking cam\n", stderr)
	assert.Contains(t, out, `FAIL  rules/register_test.rego: test_counts_wrong (`)
	assert.Contains(t, out, `
      failed at rules/register_test.rego:13: n == 2
        n == 2
        |
        1
      print output:
      checking cam
      n is 1
`)
	assert.Contains(t, out, "PASS  rules/fixtures/cam.hcl: 1 finding, as expected (")
}

// TestTestInputTypo: a misspelt field in a test's input is an error at its
// line, with a suggestion, and no test runs: the test would otherwise pass
// without testing anything.
func TestTestInputTypo(t *testing.T) {
	typo := `package citygate.rules.privacy.debug_register_test

import data.citygate.rules.privacy.debug_register as rule

test_not_personal if {
	count(rule.deny) == 1 with input as {"systems": [{"id": "cam", "data": {"kind": "video", "persnal": false}}]}
}
`
	dir := ptWriteFiles(t, map[string]string{"rules/register.rego": debugRule, "rules/register_test.rego": typo})
	code, out, stderr := ptRun(t, "test", filepath.Join(dir, "rules"))
	assert.Equal(t, 2, code)
	assert.Empty(t, out)
	assert.Equal(t, "Error: "+filepath.Join(dir, "rules/register_test.rego")+`:6:91: test input: the inventory schema has no field "persnal" in input.systems[0].data, so this test does not test what it says (hint: did you mean "personal"?)`+
		"\n\n1 policy error(s); no test was run.\n", stderr)
}
