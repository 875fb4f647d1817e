package policy_test

import (
	"strings"
	"testing"
	"testing/fstest"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/citygate/citygate/engine/policy"
)

// header is a valid rule head: METADATA on lines 1-6, package on 7, the
// lib import on 9; a body written after it starts on line 11.
const header = `# METADATA
# title: Cameras are registered
# custom:
#   id: CITY-LIS-001
#   severity: medium
#   principle: privacy
package citygate.rules.privacy.camera_register

import data.citygate.lib

`

func withHeader(body string) string { return header + body }

// deny is a rule body that fails at line 12 with the expression given.
func deny(expr string) string {
	return withHeader("deny contains lib.finding(lib.system(s), \"id\", \"m\") if {\n" +
		"\tsome s in input.systems\n" + // 12
		"\t" + expr + "\n" + // 13
		"}\n")
}

// wantErr is one expected error: where, what, and the fix hint.
type wantErr struct {
	file    string
	line    int
	message string // substring
	hint    string // substring; "" means no hint is required
}

func TestLoadErrors(t *testing.T) {
	cases := []struct {
		name  string
		files map[string]string
		want  []wantErr
	}{
		{
			name: "syntax error",
			files: map[string]string{"rule.rego": withHeader(
				"deny contains lib.finding(lib.system(s), \"id\", \"m\") if {\n" +
					"\tsome s in input.systems\n" +
					"\ts.id ==\n" +
					"}\n")},
			want: []wantErr{{file: "user/rule.rego", line: 14, message: "rego_parse_error: unexpected } token", hint: "not valid Rego v1"}},
		},
		{
			name: "v0 syntax",
			files: map[string]string{"rule.rego": withHeader(
				"deny[msg] {\n" +
					"\tmsg := \"x\"\n" +
					"}\n")},
			want: []wantErr{
				{file: "user/rule.rego", line: 11, message: "rego_parse_error: `if` keyword is required before rule body", hint: "not valid Rego v1"},
				{file: "user/rule.rego", line: 11, message: "rego_parse_error: `contains` keyword is required for partial set rules", hint: "`contains` for sets"},
			},
		},
		{
			name:  "unknown top-level field",
			files: map[string]string{"rule.rego": deny(`some t in input.sytems`)},
			want: []wantErr{{file: "user/rule.rego", line: 13, message: "rego_type_error: undefined ref: input.sytems[_]",
				hint: "input.sytems is not in the inventory schema; did you mean input.systems?"}},
		},
		{
			name:  "unknown nested field",
			files: map[string]string{"rule.rego": deny(`s.transparency.registr_url == "x"`)},
			want: []wantErr{{file: "user/rule.rego", line: 13, message: "undefined ref: s.transparency.registr_url",
				hint: "s.transparency.registr_url is not in the inventory schema; did you mean s.transparency.register_url?"}},
		},
		{
			name:  "unknown field of a constant",
			files: map[string]string{"rule.rego": deny(`s.data.retention_days > limits.vidoe`) + "\nlimits := {\"video\": 30}\n"},
			want: []wantErr{{file: "user/rule.rego", line: 13, message: "undefined ref: data.citygate.rules.privacy.camera_register.limits.vidoe",
				hint: "limits.vidoe is not defined; did you mean data.citygate.rules.privacy.camera_register.limits.video?"}},
		},
		{
			name:  "wrong type against the schema",
			files: map[string]string{"rule.rego": deny(`s.data.retention_days == "thirty"`)},
			want:  []wantErr{{file: "user/rule.rego", line: 13, message: "rego_type_error: match error"}},
		},
		{
			name: "missing id, bad severity, no title",
			files: map[string]string{"rule.rego": `# METADATA
# custom:
#   severity: urgent
#   principle: privacy
package citygate.rules.privacy.camera_register

import data.citygate.lib

deny contains lib.finding(lib.system(s), "id", "m") if {
	some s in input.systems
}
`},
			want: []wantErr{
				{file: "user/rule.rego", line: 1, message: "METADATA of citygate.rules.privacy.camera_register has no title", hint: "# title:"},
				{file: "user/rule.rego", line: 1, message: "has no custom.id", hint: "custom: {id: ABC-001}"},
				{file: "user/rule.rego", line: 1, message: `has invalid custom.severity "urgent"`, hint: "critical, high, medium or low"},
			},
		},
		{
			name: "no principle, invalid id",
			files: map[string]string{"rule.rego": strings.Replace(strings.Replace(deny("true"),
				"#   principle: privacy\n", "", 1), "CITY-LIS-001", "city_lis_1", 1)},
			want: []wantErr{
				{file: "user/rule.rego", line: 1, message: `invalid custom.id "city_lis_1"`, hint: "CITY-LIS-001"},
				{file: "user/rule.rego", line: 1, message: "has no custom.gsca_principle", hint: "custom.gsca_principle"},
			},
		},
		{
			name: "no METADATA",
			files: map[string]string{"rule.rego": "package citygate.rules.privacy.camera_register\n\nimport data.citygate.lib\n\n" +
				"deny contains lib.finding(lib.system(s), \"id\", \"m\") if {\n\tsome s in input.systems\n}\n"},
			want: []wantErr{{file: "user/rule.rego", line: 1, message: "has no package-scoped METADATA", hint: "# METADATA"}},
		},
		{
			name:  "package outside the rule layout",
			files: map[string]string{"rule.rego": strings.Replace(deny("true"), "citygate.rules.privacy.camera_register", "citygate.rules.camera_register", 1)},
			want:  []wantErr{{file: "user/rule.rego", line: 7, message: "must have exactly two parts under citygate.rules", hint: "citygate.rules.<principle>.<rule_name>"}},
		},
		{
			name: "duplicate id",
			files: map[string]string{
				"a/first.rego":  deny("true"),
				"b/second.rego": strings.Replace(deny("true"), "camera_register", "camera_register_again", 1),
			},
			want: []wantErr{{file: "user/b/second.rego", line: 7,
				message: "rule id CITY-LIS-001 is used by both user/a/first.rego and user/b/second.rego", hint: "its own custom.id"}},
		},
		{
			name:  "duplicate of a built-in id",
			files: map[string]string{"rule.rego": strings.Replace(deny("true"), "CITY-LIS-001", "SEC-005", 1)},
			want: []wantErr{{file: "user/rule.rego", line: 7,
				message: "rule id SEC-005 of user/rule.rego is already the id of the built-in rule <builtin>/policies/security/default_credentials.rego",
				hint:    "built-in ids stay reserved"}},
		},
		{
			name: "result not built with the helper",
			files: map[string]string{"rule.rego": withHeader(
				"deny contains {\"resource\": lib.system(s), \"message\": \"m\"} if {\n" +
					"\tsome s in input.systems\n" +
					"}\n")},
			want: []wantErr{{file: "user/rule.rego", line: 11,
				message: "deny rule of CITY-LIS-001 (citygate.rules.privacy.camera_register) does not use the result helper",
				hint:    "lib.fail(resource, field, template, args) or lib.not_stated(resource, field)"}},
		},
		{
			name:  "no deny rule",
			files: map[string]string{"rule.rego": withHeader("violation contains lib.finding(lib.city, \"id\", \"m\") if {\n\tinput.city\n}\n")},
			want:  []wantErr{{file: "user/rule.rego", line: 7, message: "defines no deny rule", hint: "deny contains lib.fail"}},
		},
		{
			name:  "http.send",
			files: map[string]string{"rule.rego": deny(`http.send({"method": "GET", "url": s.id}).status_code == 200`)},
			want: []wantErr{{file: "user/rule.rego", line: 13, message: "rego_type_error: undefined function http.send",
				hint: "http.send is not available: citygate rules have no network access"}},
		},
		{
			name:  "time.now_ns",
			files: map[string]string{"rule.rego": deny(`time.now_ns() > 0`)},
			want: []wantErr{{file: "user/rule.rego", line: 13, message: "undefined function time.now_ns",
				hint: "rules never read the clock; compare dates with lib.as_of"}},
		},
		{
			name:  "opa.runtime",
			files: map[string]string{"rule.rego": deny(`opa.runtime().env.CITY == s.id`)},
			want: []wantErr{{file: "user/rule.rego", line: 13, message: "undefined function opa.runtime",
				hint: "opa.runtime is not available: rules cannot read the environment"}},
		},
		{
			name:  "rand.intn",
			files: map[string]string{"rule.rego": deny(`rand.intn("x", 10) > 5`)},
			want:  []wantErr{{file: "user/rule.rego", line: 13, message: "undefined function rand.intn", hint: "results are reproducible"}},
		},
		{
			name:  "misspelt helper",
			files: map[string]string{"rule.rego": deny(`lib.in_servce(s)`)},
			want: []wantErr{{file: "user/rule.rego", line: 13, message: "undefined function data.citygate.lib.in_servce",
				hint: "check the spelling"}},
		},
		{
			name:  "unused import (strict mode)",
			files: map[string]string{"rule.rego": strings.Replace(deny("true"), "import data.citygate.lib\n", "import data.citygate.lib\nimport data.citygate.params\n", 1)},
			want:  []wantErr{{file: "user/rule.rego", line: 10, message: "import data.citygate.params unused"}},
		},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			mfs := fstest.MapFS{}
			for name, src := range tc.files {
				mfs[name] = &fstest.MapFile{Data: []byte(src)}
			}
			lib, errs := policy.Load([]policy.Source{policy.Builtin(), {FS: mfs, Prefix: "user"}}, policy.Options{})
			require.Nil(t, lib)
			require.Len(t, errs, len(tc.want), "%v", errs)
			for i, w := range tc.want {
				e := errs[i]
				assert.Equal(t, w.file, e.File, "file of %v", e)
				assert.Equal(t, w.line, e.Line, "line of %v", e)
				assert.Contains(t, e.Message, w.message)
				assert.NotContains(t, e.Message, "__local", "compiler variables leak into %q", e.Message)
				if w.hint != "" {
					assert.Contains(t, e.Hint, w.hint)
					assert.NotContains(t, e.Hint, "\n", "a hint is one line")
				}
			}
		})
	}
}

// TestErrorString is the form the CLI prints: file:line:col: message (hint: ...).
func TestErrorString(t *testing.T) {
	mfs := fstest.MapFS{"rule.rego": {Data: []byte(deny(`some t in input.sytems`))}}
	_, errs := policy.Load([]policy.Source{policy.Builtin(), {FS: mfs, Prefix: "user"}}, policy.Options{})
	require.Len(t, errs, 1)
	assert.Equal(t, "user/rule.rego:13:12: rego_type_error: undefined ref: input.sytems[_] "+
		"(hint: input.sytems is not in the inventory schema; did you mean input.systems?)", errs[0].Error())
}

// TestParseErrorsShowCaret: a Rego syntax error and a METADATA YAML error
// each print file:line:col, the source line and a caret under the column,
// as opa does. The caret line copies the line's tabs, so it lines up.
func TestParseErrorsShowCaret(t *testing.T) {
	cases := []struct {
		name, src, want string
	}{
		{
			name: "stray paren",
			src:  deny(`s.id == "cam")`),
			want: "user/rule.rego:13:15: rego_parse_error: unexpected ) token: expected \\n or ; or } " +
				"(hint: this is not valid Rego v1: rules need `if` before a body and `contains` for sets; the mistake is here or just before)\n" +
				"\t\ts.id == \"cam\")\n" +
				"\t\t             ^",
		},
		{
			name: "badly indented METADATA",
			src:  strings.Replace(deny("true"), "#   severity: medium", "#  severity: medium", 1),
			want: "user/rule.rego:5:4: rego_parse_error: METADATA is not valid YAML: did not find expected key " +
				"(hint: a METADATA block is YAML after \"# \": indent each key under its parent by the same spaces (two per level), and put \": \" after each key)\n" +
				"\t#  severity: medium\n" +
				"\t   ^",
		},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			mfs := fstest.MapFS{"rule.rego": {Data: []byte(tc.src)}}
			_, errs := policy.Load([]policy.Source{policy.Builtin(), {FS: mfs, Prefix: "user"}}, policy.Options{})
			require.Len(t, errs, 1)
			assert.Equal(t, tc.want, errs[0].Error())
		})
	}
}
