package engine_test

import (
	"bytes"
	"context"
	"fmt"
	"io/fs"
	"regexp"
	"strings"
	"testing"
	"testing/fstest"
	"time"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/citygate/citygate/engine"
	"github.com/citygate/citygate/engine/finding"
	"github.com/citygate/citygate/engine/policy"
	"github.com/citygate/citygate/engine/report"
)

// safetyHeader is a valid user rule head: METADATA on lines 1-6, the
// package on 7, the lib import on 9; a body written after it starts on
// line 11.
const safetyHeader = `# METADATA
# title: A user rule
# custom:
#   id: USER-001
#   severity: high
#   principle: security
package citygate.rules.security.user_rule

import data.citygate.lib

`

// userDeny is a deny rule whose line 13 is expr.
func userDeny(expr string) string {
	return safetyHeader + "deny contains lib.finding(lib.system(s), \"vendor\", \"m\") if {\n" + // 11
		"\tsome s in input.systems\n" + // 12
		"\t" + expr + "\n" + // 13
		"}\n"
}

func userSource(rego string) policy.Source {
	return policy.Source{FS: fstest.MapFS{"rule.rego": {Data: []byte(rego)}}, Prefix: "user"}
}

// loadUser loads the built-in library plus one user rule module.
func loadUser(rego string, builtinRules bool) (*policy.Library, policy.Errors) {
	return policy.Load([]policy.Source{policy.Builtin(), userSource(rego)}, policy.Options{NoBuiltinRules: !builtinRules})
}

// TestForbiddenBuiltinsFailToLoad: builtins that reach the network, the
// runtime or the clock, or that are random, are not in citygate's
// capabilities: a policy calling one fails to load, naming file and line.
func TestForbiddenBuiltinsFailToLoad(t *testing.T) {
	for _, c := range []struct{ name, call string }{
		{"http.send", `http.send({"method": "GET", "url": "https://example.com/" + s.id}).status_code == 200`},
		{"net.lookup_ip_addr", `count(net.lookup_ip_addr(s.id)) > 0`},
		{"opa.runtime", `opa.runtime().env.GITHUB_TOKEN != ""`},
		{"time.now_ns", `time.now_ns() > 0`},
		{"rand.intn", `rand.intn(s.id, 10) == 0`},
		{"uuid.rfc4122", `uuid.rfc4122(s.id) != ""`},
	} {
		t.Run(c.name, func(t *testing.T) {
			lib, errs := loadUser(userDeny(c.call), false)
			require.Nil(t, lib)
			require.NotEmpty(t, errs)
			e := errs[0]
			assert.Equal(t, "user/rule.rego", e.File)
			assert.Equal(t, 13, e.Line)
			assert.Contains(t, e.Message, "undefined function "+c.name)
			assert.Contains(t, e.Error(), "user/rule.rego:13:")
		})
	}
}

// TestWithCannotBringForbiddenBuiltinsBack: `with` may replace functions
// in tests, but not reintroduce what the capabilities removed (the class
// of OPA CVE-2022-36085, where `with count as http.send` called http.send).
func TestWithCannotBringForbiddenBuiltinsBack(t *testing.T) {
	// A removed builtin is no function at all: as a replacement it is an
	// unknown variable, as a target not a function that exists.
	for _, c := range []struct{ name, expr, message string }{
		{"replace an allowed builtin with http.send", `count("https://example.com") > 0 with count as http.send`, "var http is unsafe"},
		{"replace an allowed builtin with opa.runtime", `count(s.id) > 0 with count as opa.runtime`, "var opa is unsafe"},
		{"replace an allowed builtin with net.lookup_ip_addr", `count(s.id) > 0 with count as net.lookup_ip_addr`, "var net is unsafe"},
		{"replace a lib function with time.now_ns", `lib.as_of_ns > 0 with lib.date_ns as time.now_ns`, "var time is unsafe"},
		{"replace a lib function with rand.intn", `lib.past("2020-01-01") with lib.date_ns as rand.intn`, "var rand is unsafe"},
		{"mock time.now_ns with a value", `time.now_ns() > 0 with time.now_ns as 1`, "with keyword target must reference existing input, data, or a function"},
		{"mock http.send with a value", `http.send({"method": "GET", "url": s.id}) with http.send as {"status_code": 200}`, "with keyword target must reference existing input, data, or a function"},
	} {
		t.Run(c.name, func(t *testing.T) {
			lib, errs := loadUser(userDeny(c.expr), false)
			require.Nil(t, lib, "a policy using %s loaded", c.message)
			require.NotEmpty(t, errs)
			assert.Equal(t, "user/rule.rego", errs[0].File)
			assert.Equal(t, 13, errs[0].Line)
			assert.Contains(t, errs.Error(), c.message)
		})
	}
}

// safetyFS is a bid whose vendor a rule converts, and an inventory
// without systems that no system rule touches.
func safetyFS() fstest.MapFS {
	return fstest.MapFS{
		"bid.hcl":    {Data: []byte("system \"cam\" {\n  category = \"iot\"\n  vendor   = \"x\"\n  auth {\n    default_credentials = \"universal\"\n  }\n}\n")},
		"zones.hcl":  {Data: []byte("zone \"ot\" {\n}\n")},
		"broken.hcl": {Data: []byte("system \"b\" {\n  categry = \"iot\"\n}\n")},
	}
}

func checkUser(t *testing.T, rego string, builtinRules bool, paths []string, opts ...engine.Option) *finding.Result {
	t.Helper()
	lib, errs := loadUser(rego, builtinRules)
	require.Empty(t, errs, "%v", errs)
	eng, err := engine.New(context.Background(), lib, append([]engine.Option{engine.WithAsOf(fixtureAsOf), engine.WithFS(safetyFS())}, opts...)...)
	require.NoError(t, err)
	done := make(chan *finding.Result, 1)
	go func() { done <- mustCheck(t, eng, paths...) }()
	select {
	case res := <-done:
		return res
	case <-time.After(30 * time.Second):
		t.Fatal("check did not finish within 30s")
		return nil
	}
}

// TestBuiltinErrorIsAnError: to_number("x") is an evaluation error of the
// inventory it happened on (exit 2), never a silent pass; other
// inventories are still evaluated and reported.
func TestBuiltinErrorIsAnError(t *testing.T) {
	res := checkUser(t, userDeny(`to_number(s.vendor) > 0`), true, []string{"bid.hcl", "zones.hcl", "broken.hcl"})
	require.Equal(t, 2, res.ExitCode())

	var evalErrs, loadErrs []finding.Error
	for _, e := range res.Errors {
		switch e.Inventory {
		case "bid.hcl":
			evalErrs = append(evalErrs, e)
		case "broken.hcl":
			loadErrs = append(loadErrs, e)
		default:
			t.Errorf("unexpected error %+v", e)
		}
	}
	require.Len(t, evalErrs, 1)
	assert.Equal(t, "Evaluation failed", evalErrs[0].Summary)
	assert.Contains(t, evalErrs[0].Detail, "user/rule.rego:13")
	assert.Contains(t, evalErrs[0].Detail, "to_number")
	require.Len(t, loadErrs, 1)
	assert.Equal(t, "Unsupported argument", loadErrs[0].Summary)
	assert.Equal(t, 2, loadErrs[0].Line)

	// zones.hcl was evaluated: its city-less zone findings are there
	// (or at least it loaded), and bid.hcl reports no partial findings.
	for _, inv := range res.Inventories {
		if inv.Path == "zones.hcl" {
			assert.True(t, inv.Loaded)
		}
	}
	for _, f := range res.Findings {
		assert.NotEqual(t, "bid.hcl", f.Inventory, "a failed evaluation reports no partial findings: %+v", f)
	}
}

// TestOneBrokenInventoryHidesNothing: a broken inventory next to a valid
// one: the valid one's findings are reported, and the run exits 2.
func TestOneBrokenInventoryHidesNothing(t *testing.T) {
	eng := builtinEngine(t, engine.WithFS(safetyFS()))
	res := mustCheck(t, eng, "broken.hcl", "bid.hcl")
	require.Equal(t, 2, res.ExitCode())
	require.Len(t, res.Errors, 1)
	assert.Equal(t, "broken.hcl", res.Errors[0].File)
	var sec005 bool
	for _, f := range res.Findings {
		assert.Equal(t, "bid.hcl", f.Inventory)
		sec005 = sec005 || f.RuleID == "SEC-005" && f.Location.Start.Line == 5
	}
	assert.True(t, sec005, "the valid inventory's findings are reported: %+v", res.Findings)
}

// TestDeadlineStopsHeavyPolicies: a rule stuck in heavy computation is
// stopped by the deadline, and the error names the inventory and the rule
// with its line; inventories the rule does not touch are evaluated.
func TestDeadlineStopsHeavyPolicies(t *testing.T) {
	for _, c := range []struct{ name, expr string }{
		{"numbers.range comprehension", `count([x | some x in numbers.range(1, 100000000)]) > 0`},
		{"nested loops", `count([x | some x in numbers.range(1, 100000); some y in numbers.range(1, 100000); x == y]) > 0`},
		{"nested walk", `count([p | walk([[input, input], [input, input]], [p, _]); walk(input, _)]) > 0
	count([p | walk(numbers.range(1, 2000), [p, _]); walk(numbers.range(1, 2000), _); walk(numbers.range(1, 2000), _)]) > 0`},
	} {
		t.Run(c.name, func(t *testing.T) {
			start := time.Now()
			res := checkUser(t, userDeny(c.expr), false, []string{"bid.hcl", "zones.hcl"}, engine.WithTimeout(200*time.Millisecond))
			t.Logf("stopped after %s", time.Since(start))
			require.Equal(t, 2, res.ExitCode())
			require.Len(t, res.Errors, 1, "%+v", res.Errors)
			e := res.Errors[0]
			assert.Equal(t, "bid.hcl", e.Inventory)
			assert.Equal(t, "Evaluation failed", e.Summary)
			assert.Contains(t, e.Detail, "evaluating bid.hcl took longer than 200ms and was stopped in rule USER-001 (user/rule.rego:1")
			assert.Contains(t, e.Detail, "raise --timeout")
			for _, inv := range res.Inventories {
				if inv.Path == "zones.hcl" {
					assert.True(t, inv.Loaded, "the other inventory was evaluated")
				}
			}
		})
	}
}

// TestWorkerPanicIsAnInventoryError: a panic while checking one inventory
// (on a worker goroutine, out of reach of the CLI's recover) becomes an
// internal error of that inventory; the others are still reported.
func TestWorkerPanicIsAnInventoryError(t *testing.T) {
	fsys := panicFS{fstest.MapFS{"ok.hcl": {Data: []byte("system \"cam\" {\n  category = \"iot\"\n  auth {\n    default_credentials = \"universal\"\n  }\n}\n")}}}
	for _, debug := range []bool{false, true} {
		eng := builtinEngine(t, engine.WithFS(fsys), engine.WithDebug(debug))
		res := mustCheck(t, eng, "boom.hcl", "ok.hcl")
		require.Equal(t, 2, res.ExitCode())
		require.Len(t, res.Errors, 1)
		e := res.Errors[0]
		assert.Equal(t, "boom.hcl", e.Inventory)
		assert.Equal(t, "Internal error", e.Summary)
		assert.Contains(t, e.Detail, "citygate failed while checking boom.hcl: disk on fire. This is a bug")
		if debug {
			assert.Contains(t, e.Detail, "goroutine ")
			assert.Contains(t, e.Detail, "panicFS.Stat")
		} else {
			assert.Contains(t, e.Detail, "Run again with --debug for a stack trace.")
			assert.NotContains(t, e.Detail, "goroutine ")
		}
		assert.NotEmpty(t, res.Findings, "ok.hcl is still checked")

		veng, err := engine.New(context.Background(), nil, engine.WithFS(fsys), engine.WithParallel(2), engine.WithDebug(debug))
		require.NoError(t, err)
		v, err := veng.Validate(context.Background(), []string{"boom.hcl", "ok.hcl"})
		require.NoError(t, err)
		require.Len(t, v, 2)
		require.Len(t, v[0].Errors, 1)
		assert.Equal(t, "Internal error", v[0].Errors[0].Summary)
		assert.Equal(t, "boom.hcl", v[0].Errors[0].File)
		assert.True(t, v[1].Valid())
	}
}

// panicFS panics when asked about boom.hcl, like a bug in a loader would.
type panicFS struct{ fstest.MapFS }

func (p panicFS) Stat(name string) (fs.FileInfo, error) {
	if name == "boom.hcl" {
		panic("disk on fire")
	}
	return p.MapFS.Stat(name)
}

// hostilePayload is what a vendor might put in a free-text field: terminal
// escapes (colour, clear screen, OSC title and hyperlink, C1 CSI), a bell,
// carriage return, bidi override, line separator, and workflow commands
// after a newline and in the legacy ##[ form.
const hostilePayload = "Acme\x1b[31m red\x1b[2J\x1b]0;owned\x07\x1b]8;;https://evil.example\x1b\\link\x1b]8;;\x1b\\" +
	"\u009b31m c1\rover\u202etxet\u2028sep" +
	"\n::add-mask::secret\n::stop-commands::tok\n  ::error file=x.hcl::fake\r\n##[group]legacy\n%0A::warning::encoded"

// echoPolicy puts input strings into a finding's message and field.
const echoPolicy = safetyHeader + `deny contains lib.finding(lib.system(s), s.name, msg) if {
	some s in input.systems
	msg := sprintf("vendor %s; description %s", [s.vendor, s.description])
}
`

// TestVendorStringsCannotInject: vendor text reaches every output format,
// through the built-in rules and a user rule that echoes it, with no
// control character, escape sequence or workflow command left raw.
func TestVendorStringsCannotInject(t *testing.T) {
	q := hclQuote
	inv := "system \"cam\" {\n  category    = \"iot\"\n  stage       = \"procurement\"\n  public_facing = true\n" +
		"  name        = " + q("field\n::error::"+hostilePayload) + "\n" +
		"  vendor      = " + q(hostilePayload) + "\n" +
		"  description = " + q(hostilePayload) + "\n" +
		// A stated refusal of the city's data rights makes a built-in rule
		// (PRIV-012) name the vendor in its message.
		"  contract {\n    city_data_access = false\n  }\n}\n"
	fsys := fstest.MapFS{"bid.hcl": {Data: []byte(inv)}}

	lib, errs := policy.Load([]policy.Source{policy.Builtin(), userSource(echoPolicy)}, policy.Options{})
	require.Empty(t, errs, "%v", errs)
	eng, err := engine.New(context.Background(), lib, engine.WithAsOf(fixtureAsOf), engine.WithFS(fsys))
	require.NoError(t, err)
	res := mustCheck(t, eng, "bid.hcl")
	require.Empty(t, res.Errors)
	echoed := 0
	for _, f := range res.Findings {
		if strings.Contains(f.Message, "::add-mask::") {
			echoed++
		}
	}
	require.GreaterOrEqual(t, echoed, 2, "the payload reaches finding messages (built-in and user rules)")

	for _, format := range report.Formats() {
		t.Run(format, func(t *testing.T) {
			var out, summary bytes.Buffer
			r, err := report.New(format, report.Options{Color: true, ShowSuppressed: true, StepSummary: &summary})
			require.NoError(t, err)
			require.NoError(t, r.Report(&out, res))
			require.Contains(t, out.String(), "Acme", "the vendor text is reported")
			assertNoInjection(t, format, out.String())
			assertNoInjection(t, format+" step summary", summary.String())
		})
	}
}

// hclQuote writes s as an HCL string literal: every control character as
// a \u escape, template sequences escaped.
func hclQuote(s string) string {
	var b strings.Builder
	b.WriteByte('"')
	for _, r := range s {
		switch {
		case r == '"' || r == '\\':
			b.WriteByte('\\')
			b.WriteRune(r)
		case r < 0x20 || r == 0x7f || r >= 0x80 && r <= 0x9f || r >= 0x2028 && r <= 0x202e:
			fmt.Fprintf(&b, `\u%04x`, r)
		default:
			b.WriteRune(r)
		}
	}
	b.WriteByte('"')
	return strings.NewReplacer("${", "$${", "%{", "%%{").Replace(b.String())
}

// ownCommand is a workflow command the github format writes itself.
var ownCommand = regexp.MustCompile(`^::(error|warning|notice)( [^:]*)?::`)

func assertNoInjection(t *testing.T, what, s string) {
	t.Helper()
	require.True(t, utf8.ValidString(s), "%s: invalid UTF-8", what)
	for _, r := range s {
		switch {
		case r == '\n', r == '\t':
		case r == 0x1b && strings.HasPrefix(what, "text"):
			// the text format colours on a terminal; checked below
		case r < 0x20, r == 0x7f, r >= 0x80 && r <= 0x9f, r == 0x2028, r == 0x2029, r >= 0x202a && r <= 0x202e, r >= 0x2066 && r <= 0x2069:
			t.Fatalf("%s: raw control or bidi character %U in output:\n%s", what, r, s)
		}
	}
	if strings.HasPrefix(what, "text") {
		// Only the reporter's own SGR colour sequences: ESC [ digits;... m.
		stripped := regexp.MustCompile(`\x1b\[[0-9;]*m`).ReplaceAllString(s, "")
		assert.NotContains(t, stripped, "\x1b", "%s: an escape sequence other than colour", what)
		assert.NotContains(t, s, "\x1b[2J")
		assert.NotContains(t, s, "\x1b]")
	}
	for _, line := range strings.Split(s, "\n") {
		trimmed := strings.TrimLeft(line, " \t")
		if strings.HasPrefix(trimmed, "::") {
			assert.True(t, ownCommand.MatchString(line), "%s: a workflow command the vendor wrote: %q", what, line)
			for _, inj := range []string{"::add-mask::", "::stop-commands::", "::error file=x.hcl::"} {
				assert.False(t, strings.HasPrefix(trimmed, inj), "%s: injected %q", what, line)
			}
		}
		assert.NotContains(t, line, "##[group]", "%s: legacy workflow command", what)
	}
}

// TestManyFindingsOnOneLongLine: thousands of findings on one 100 KB line
// (one per element of a list) no longer each carry, and print, the whole
// line: that made a 110 KB bid cost 5 GB and 99 s in the text format.
func TestManyFindingsOnOneLongLine(t *testing.T) {
	var elems []string
	for i := range 5000 {
		elems = append(elems, fmt.Sprintf(`{ party = "p%05d" }`, i))
	}
	src := "system \"a\" {\n  category = \"iot\"\n  data {\n    personal = true\n    shared_with = [" +
		strings.Join(elems, ", ") + "]\n  }\n}\n"
	eng := builtinEngine(t, engine.WithFS(fstest.MapFS{"share.hcl": {Data: []byte(src)}}))
	done := make(chan *finding.Result, 1)
	go func() { done <- mustCheck(t, eng, "share.hcl") }()
	var res *finding.Result
	select {
	case res = <-done:
	case <-time.After(60 * time.Second):
		t.Fatal("check did not finish within 60s")
	}
	require.Empty(t, res.Errors)
	onLine5 := 0
	for _, f := range res.Findings {
		if f.Location.Start.Line == 5 {
			onLine5++
			assert.Empty(t, f.SourceLines, "a 100 KB line is not carried by each finding")
		} else {
			assert.NotEmpty(t, f.SourceLines, "%s at line %d", f.RuleID, f.Location.Start.Line)
		}
	}
	require.GreaterOrEqual(t, onLine5, 5000)
	for _, format := range report.Formats() {
		var out bytes.Buffer
		r, err := report.New(format, report.Options{})
		require.NoError(t, err)
		require.NoError(t, r.Report(&out, res))
		assert.Less(t, out.Len(), 20<<20, "%s output of %d findings is %d bytes", format, len(res.Findings), out.Len())
	}
}
