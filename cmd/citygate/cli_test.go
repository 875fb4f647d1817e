package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// citygate runs the CLI in-process and returns stdout, stderr and the exit code.
func citygate(t *testing.T, args ...string) (string, string, int) {
	t.Helper()
	var out, errOut bytes.Buffer
	code := run(args, &out, &errOut)
	return out.String(), errOut.String(), code
}

func write(t *testing.T, dir, name, body string) string {
	t.Helper()
	p := filepath.Join(dir, name)
	require.NoError(t, os.MkdirAll(filepath.Dir(p), 0o755))
	require.NoError(t, os.WriteFile(p, []byte(body), 0o644))
	return p
}

const universalCam = `system "cam" {
  category = "iot"
  auth {
    default_credentials = "universal"
  }
}
`

func TestCheckJSONLocatesFindings(t *testing.T) {
	dir := t.TempDir()
	inv := write(t, dir, "cam.hcl", universalCam)
	out, stderr, code := citygate(t, "check", inv, "--rule", "SEC-005", "-f", "json", "--as-of", "2026-01-01")
	require.Equal(t, 1, code, stderr)
	var doc struct {
		Findings []struct {
			RuleID   string `json:"rule_id"`
			Field    string `json:"field"`
			Location struct {
				File  string         `json:"file"`
				Start map[string]int `json:"start"`
				End   map[string]int `json:"end"`
			} `json:"location"`
		} `json:"findings"`
	}
	require.NoError(t, json.Unmarshal([]byte(out), &doc))
	require.Len(t, doc.Findings, 1)
	f := doc.Findings[0]
	assert.Equal(t, "SEC-005", f.RuleID)
	assert.Equal(t, "auth.default_credentials", f.Field)
	assert.Equal(t, inv, f.Location.File)
	assert.Equal(t, map[string]int{"line": 4, "column": 5}, f.Location.Start)
	assert.Equal(t, map[string]int{"line": 4, "column": 38}, f.Location.End)
}

func TestCheckExitCodes(t *testing.T) {
	dir := t.TempDir()
	bad := write(t, dir, "cam.hcl", universalCam)
	good := write(t, dir, "ok.hcl", "system \"ok\" {\n  auth {\n    default_credentials = \"none\"\n  }\n}\n")
	broken := write(t, dir, "broken.hcl", "system \"x\" {\n  categry = \"iot\"\n}\n")

	_, _, code := citygate(t, "check", good, "--rule", "SEC-005")
	assert.Equal(t, 0, code)
	_, _, code = citygate(t, "check", bad, "--rule", "SEC-005")
	assert.Equal(t, 1, code)
	_, _, code = citygate(t, "check", bad, "--rule", "SEC-005", "--fail-on", "none")
	assert.Equal(t, 0, code)

	// A broken inventory makes the run exit 2, and the others' findings are still reported.
	out, _, code := citygate(t, "check", broken, bad, "--rule", "SEC-005", "-f", "json")
	assert.Equal(t, 2, code)
	assert.Contains(t, out, `"rule_id": "SEC-005"`)
	assert.Contains(t, out, `"summary": "Unsupported argument"`)
}

func TestConfigPrecedence(t *testing.T) {
	dir := t.TempDir()
	inv := write(t, dir, "cam.hcl", universalCam)
	cfg := write(t, dir, "citygate.yaml", "fail_on: none\nrule: [SEC-005]\n")

	_, _, code := citygate(t, "check", inv, "--config", cfg)
	assert.Equal(t, 0, code, "file: fail_on none")

	t.Setenv("CITYGATE_FAIL_ON", "critical")
	_, _, code = citygate(t, "check", inv, "--config", cfg)
	assert.Equal(t, 1, code, "environment over file")

	_, _, code = citygate(t, "check", inv, "--config", cfg, "--fail-on", "none")
	assert.Equal(t, 0, code, "flag over environment")
}

func TestConfigUnknownKey(t *testing.T) {
	dir := t.TempDir()
	inv := write(t, dir, "cam.hcl", universalCam)
	cfg := write(t, dir, "citygate.yaml", "rule: [SEC-005]\nfail-on: high\n")
	_, stderr, code := citygate(t, "check", inv, "--config", cfg)
	assert.Equal(t, 2, code)
	assert.Contains(t, stderr, cfg+`:2:1: unknown setting "fail-on"; did you mean "fail_on"?`)

	cfg = write(t, dir, "params.yaml", "params:\n  log_retention_dayz: 30\n")
	_, stderr, code = citygate(t, "check", inv, "--config", cfg)
	assert.Equal(t, 2, code)
	assert.Contains(t, stderr, "unknown parameter params.log_retention_dayz (hint: did you mean log_retention_days?)")
}

func TestPolicyErrorsStopTheRun(t *testing.T) {
	dir := t.TempDir()
	inv := write(t, dir, "cam.hcl", universalCam)
	for name, tc := range map[string]struct{ body, want string }{
		"typo in an input path": {
			body: "package citygate.rules.local.typo\n\nimport data.citygate.lib\n\ndeny contains lib.finding(lib.system(s), \"x\", \"m\") if {\n\tsome s in input.sytems\n}\n",
			want: "typo.rego:12:12: rego_type_error: undefined ref: input.sytems[_] (hint: input.sytems is not in the inventory schema; did you mean input.systems?)",
		},
		"http.send": {
			body: "package citygate.rules.local.net\n\nimport data.citygate.lib\n\ndeny contains lib.finding(lib.system(s), \"x\", \"m\") if {\n\tsome s in input.systems\n\thttp.send({\"method\": \"get\", \"url\": \"https://example.com\"})\n}\n",
			want: "net.rego:13:2: rego_type_error: undefined function http.send",
		},
	} {
		t.Run(name, func(t *testing.T) {
			pdir := t.TempDir()
			file := strings.SplitN(tc.want, ":", 2)[0]
			meta := "# METADATA\n# title: t\n# custom:\n#   id: LOCAL-001\n#   severity: low\n#   principle: local\n"
			write(t, pdir, file, meta+tc.body)
			_, stderr, code := citygate(t, "check", inv, "--policy", pdir)
			assert.Equal(t, 2, code)
			assert.Contains(t, stderr, tc.want)
		})
	}
}

func TestSeveralOutputsInOneRun(t *testing.T) {
	dir := t.TempDir()
	inv := write(t, dir, "cam.hcl", universalCam)
	sarif, md := filepath.Join(dir, "out.sarif"), filepath.Join(dir, "out.md")
	out, stderr, code := citygate(t, "check", inv, "--rule", "SEC-005", "-f", "sarif", "-o", sarif, "-f", "markdown", "-o", md)
	require.Equal(t, 1, code, stderr)
	assert.Empty(t, out)
	b, err := os.ReadFile(sarif)
	require.NoError(t, err)
	assert.Contains(t, string(b), `"ruleId": "SEC-005"`)
	b, err = os.ReadFile(md)
	require.NoError(t, err)
	assert.Contains(t, string(b), "SEC-005")

	_, stderr, code = citygate(t, "check", inv, "-f", "sarif", "-f", "json", "-f", "junit", "-o", sarif)
	assert.Equal(t, 2, code)
	assert.Contains(t, stderr, "formats sarif, json all write to standard output")
}

func TestValidate(t *testing.T) {
	out, stderr, code := citygate(t, "validate", "../../fixtures/bid")
	assert.Equal(t, 0, code, stderr)
	assert.Contains(t, out, "1 inventories valid")

	out, _, code = citygate(t, "validate", "../../fixtures/invalid/unknown_attribute.hcl")
	assert.Equal(t, 2, code)
	assert.Contains(t, out, "Error: Unsupported argument")
	assert.Contains(t, out, "unknown_attribute.hcl line 3")
	assert.Contains(t, out, `Did you mean "criticality"?`)

	out, _, code = citygate(t, "validate", "-f", "json", "../../fixtures/invalid/wrong_type.hcl")
	assert.Equal(t, 2, code)
	assert.Contains(t, out, `"line": 3`)
	assert.Contains(t, out, `"summary": "Incorrect value type"`)
}

func TestRulesListsTheCatalog(t *testing.T) {
	out, _, code := citygate(t, "rules")
	require.Equal(t, 0, code)
	assert.Contains(t, out, "SEC-005")
	assert.True(t, strings.HasSuffix(out, "73 rules: 68 of policies, 5 of the engine\n"), out[len(out)-60:])
	assert.Contains(t, out, "BID-WAIVER")
	assert.Contains(t, out, "Waiver expired (engine)\n")
}

func TestLimitsFromConfig(t *testing.T) {
	dir := t.TempDir()
	inv := write(t, dir, "deep.hcl", "system \"a\" {\n  data {\n    purposes = [[[[\"x\"]]]]\n  }\n}\n")
	cfg := write(t, dir, "citygate.yaml", "limits:\n  max_depth: 4\n")
	out, _, code := citygate(t, "validate", inv, "--config", cfg)
	assert.Equal(t, 2, code)
	assert.Contains(t, out, "Error: Nesting too deep")
	assert.Contains(t, out, "deep.hcl line 3")

	cfg = write(t, dir, "bad.yaml", "limits:\n  max_dept: 4\n")
	_, stderr, code := citygate(t, "validate", inv, "--config", cfg)
	assert.Equal(t, 2, code)
	assert.Contains(t, stderr, `bad.yaml:2:3: unknown setting "limits.max_dept"; did you mean "limits.max_depth"?`)
}
