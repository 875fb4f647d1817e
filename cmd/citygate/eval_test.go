package main

import (
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// debugRule prints and traces each system it looks at.
const debugRule = `# METADATA
# title: Cameras are registered
# custom:
#   id: CITY-DBG-001
#   severity: medium
#   principle: privacy
package citygate.rules.privacy.debug_register

import data.citygate.lib

deny contains lib.finding(lib.system(s), "id", "unregistered") if {
	some s in input.systems
	print("checking", s.id)
	trace(sprintf("no register for %s", [s.id]))
	not s.transparency.register_url
}
`

const bareCam = "system \"cam\" {\n  category = \"iot\"\n}\n"

// debugDir is a policy directory with debugRule and an inventory beside it.
func debugDir(t *testing.T) (policyDir, inv string) {
	t.Helper()
	dir := t.TempDir()
	write(t, dir, "rules/register.rego", debugRule)
	return filepath.Join(dir, "rules"), write(t, dir, "cam.hcl", bareCam)
}

func TestEvalResult(t *testing.T) {
	out, stderr, code := citygate(t, "eval", "input.systems[_].id", "../../fixtures/bid/acme-smart-lighting.hcl")
	require.Equal(t, 0, code, stderr)
	assert.Empty(t, stderr)
	assert.Equal(t, `{
  "result": [
    {
      "expressions": [
        {
          "value": "acme-smart-lighting",
          "text": "input.systems[_].id",
          "location": {
            "row": 1,
            "col": 1
          }
        }
      ]
    }
  ]
}
`, out)
}

// TestEvalWithoutInput: without PATH the query sees the params and the
// as-of date, and no input.
func TestEvalWithoutInput(t *testing.T) {
	out, stderr, code := citygate(t, "eval", "x := data.citygate.params.retention_max_days.video; d := data.citygate.as_of", "--as-of", "2026-03-01")
	require.Equal(t, 0, code, stderr)
	assert.Contains(t, out, `"bindings": {
        "d": "2026-03-01",
        "x": 30
      }`)

	out, _, code = citygate(t, "eval", "input.systems", "--fail")
	assert.Equal(t, 1, code, "--fail: undefined without input")
	assert.Equal(t, "{}\n", out)
	out, _, code = citygate(t, "eval", "input.systems")
	assert.Equal(t, 0, code)
	assert.Equal(t, "{}\n", out)
}

// TestEvalExplainNotes: --explain notes prints trace() notes with the
// lineage that led to them, as opa eval does, before the result; print()
// output goes to stderr.
func TestEvalExplainNotes(t *testing.T) {
	_, inv := debugDir(t)
	t.Chdir(filepath.Dir(inv))
	out, stderr, code := citygate(t, "eval", "data.citygate.rules.privacy.debug_register.deny", "cam.hcl",
		"--no-builtin", "--policy", "rules", "--explain", "notes")
	require.Equal(t, 0, code, stderr)
	assert.Equal(t, "checking cam\n", stderr)
	assert.Equal(t, `query:1                    Enter data.citygate.rules.privacy.debug_register.deny = _
rules/register.rego:11     | Enter data.citygate.rules.privacy.debug_register.deny
rules/register.rego:14     | | Note "no register for cam"
{
  "result": [
    {
      "expressions": [
        {
          "value": [
            {
              "field": "id",
              "message": "unregistered",
              "resource": {
                "id": "cam",
                "kind": "system"
              }
            }
          ],
          "text": "data.citygate.rules.privacy.debug_register.deny",
          "location": {
            "row": 1,
            "col": 1
          }
        }
      ]
    }
  ]
}
`, out)

	out, _, code = citygate(t, "eval", "data.citygate.rules.privacy.debug_register.deny", "cam.hcl",
		"--no-builtin", "--policy", "rules", "--explain", "fails")
	require.Equal(t, 0, code)
	assert.Contains(t, out, "rules/register.rego:15     | | | Fail s.transparency.register_url\n")

	out, _, code = citygate(t, "eval", "data.citygate.rules.privacy.debug_register.deny", "cam.hcl",
		"--no-builtin", "--policy", "rules", "--explain", "full")
	require.Equal(t, 0, code)
	// The location column is as wide as the longest file name traced.
	assert.Regexp(t, `rules/register.rego:13 +\| \| Eval internal.print\(`, out)
	assert.Contains(t, out, "policies/lib/lib.rego:")
}

// TestEvalSafety: a query has the rules' restrictions and deadline.
func TestEvalSafety(t *testing.T) {
	for _, q := range []string{`http.send({"method": "get", "url": "http://example.org"})`, "time.now_ns()", `opa.runtime()`} {
		out, stderr, code := citygate(t, "eval", q)
		assert.Equal(t, 2, code, q)
		assert.Empty(t, out, q)
		assert.Contains(t, stderr, "undefined function", q)
	}
	out, stderr, code := citygate(t, "eval", "count([x | some x in numbers.range(1, 100000000)])", "--timeout", "50ms")
	assert.Equal(t, 2, code)
	assert.Empty(t, out)
	assert.Contains(t, stderr, "took longer than 50ms and was stopped")

	_, stderr, code = citygate(t, "eval", `to_number("abc")`)
	assert.Equal(t, 2, code, "strict builtin errors")
	assert.Contains(t, stderr, "to_number")

	_, stderr, code = citygate(t, "eval", "input.sytems", "../../fixtures/bid/acme-smart-lighting.hcl")
	assert.Equal(t, 2, code, "the query is type-checked against the inventory schema")
	assert.Contains(t, stderr, "undefined ref: input.sytems")

	_, stderr, code = citygate(t, "eval", `http.send({"url": "x"})`)
	assert.Equal(t, 2, code)
	assert.Equal(t, "Error: query:1:1: rego_type_error: undefined function http.send (hint: http.send is not available: citygate rules have no network access; put what the rule needs in the inventory or in params)\n\n1 query error(s); nothing was evaluated.\n", stderr)

	_, stderr, code = citygate(t, "eval", "x := 1)")
	assert.Equal(t, 2, code)
	assert.Contains(t, stderr, "Error: query:1:7: rego_parse_error: unexpected ) token")
	assert.Contains(t, stderr, "\n\tx := 1)\n\t      ^\n")

	_, stderr, code = citygate(t, "eval", "input", "--explain", "everything")
	assert.Equal(t, 2, code)
	assert.Contains(t, stderr, `unknown --explain "everything": want full, notes or fails`)
}

// TestPrintOutput: print() goes to stderr in check --debug, and nowhere
// in a plain check, whose report is the same either way.
func TestPrintOutput(t *testing.T) {
	rules, inv := debugDir(t)
	plain, stderr, code := citygate(t, "check", "-q", "--no-builtin", "--policy", rules, inv, "-f", "sarif")
	require.Equal(t, 1, code, stderr)
	assert.Empty(t, stderr)
	debug, stderr, code := citygate(t, "check", "-q", "--debug", "--no-builtin", "--policy", rules, inv, "-f", "sarif")
	require.Equal(t, 1, code, stderr)
	assert.Contains(t, stderr, "checking cam\n")
	assert.Equal(t, plain, debug)

	// eval: always.
	_, stderr, code = citygate(t, "eval", "data.citygate.rules.privacy.debug_register.deny", inv, "--no-builtin", "--policy", rules)
	require.Equal(t, 0, code, stderr)
	assert.Equal(t, "checking cam\n", stderr)

	// print output is inventory text: a bid cannot drive the terminal.
	hostile := write(t, t.TempDir(), "bid.hcl", "system \"cam\" {\n  category = \"iot\"\n  name = \"cam\\u001b[2J\"\n}\n")
	_, stderr, code = citygate(t, "eval", "print(input.systems[0].name)", hostile)
	require.Equal(t, 0, code, stderr)
	assert.Equal(t, "cam\\x1b[2J\n", stderr)
}
