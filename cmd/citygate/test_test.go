package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"encoding/xml"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/citygate/citygate/engine/policy"
)

const ptCustomPolicy = "../../fixtures/custom-policy"

// ptRun runs the CLI in-process and returns its exit code and output.
func ptRun(t *testing.T, args ...string) (int, string, string) {
	t.Helper()
	var stdout, stderr bytes.Buffer
	code := run(args, &stdout, &stderr)
	return code, stdout.String(), stderr.String()
}

// ptLastLine is the summary line CI parses.
func ptLastLine(s string) string {
	lines := strings.Split(strings.TrimRight(s, "\n"), "\n")
	return lines[len(lines)-1]
}

var ptSummaryLine = regexp.MustCompile(`^(\d+) passed, (\d+) failed$`)

// ptWriteFiles creates files (slash paths) under a new temporary directory.
func ptWriteFiles(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for name, content := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		require.NoError(t, os.MkdirAll(filepath.Dir(p), 0o755))
		require.NoError(t, os.WriteFile(p, []byte(content), 0o644))
	}
	return dir
}

func TestTestCustomPolicy(t *testing.T) {
	code, out, errOut := ptRun(t, "test", ptCustomPolicy)
	require.Equal(t, 0, code, "stdout:\n%s\nstderr:\n%s", out, errOut)
	assert.Empty(t, errOut)
	// 13 Rego tests and 3 fixture inventories.
	assert.Equal(t, "16 passed, 0 failed", ptLastLine(out))
	assert.Regexp(t, `(?m)^PASS  \.\./\.\./fixtures/custom-policy/video_register_test\.rego: test_unregistered_public_video_fires \(\d`, out)
	assert.Regexp(t, `(?m)^PASS  \.\./\.\./fixtures/custom-policy/fixtures/unregistered-video: 2 findings, as expected \(`, out)
	assert.Regexp(t, `(?m)^PASS  \.\./\.\./fixtures/custom-policy/fixtures/police-sharing: 3 findings, as expected \(`, out)
	assert.Regexp(t, `(?m)^PASS  \.\./\.\./fixtures/custom-policy/fixtures/compliant: no findings, as expected \(`, out)
	assert.NotContains(t, out, "policies/", "the built-in tests do not run when a DIR is given")
	assert.NotContains(t, out, "coverage")
}

func TestTestCustomPolicyCoverage(t *testing.T) {
	code, out, _ := ptRun(t, "test", ptCustomPolicy, "--coverage-min", "100")
	require.Equal(t, 0, code, out)
	assert.Contains(t, out, "\ncoverage:\n"+
		"  100.00%  ../../fixtures/custom-policy/police_sharing.rego\n"+
		"  100.00%  ../../fixtures/custom-policy/video_register.rego\n"+
		"  100.00%  total (19 of 19 lines)\n")
	assert.NotContains(t, out, "_test.rego  ", "test modules are not in the coverage")
	assert.NotContains(t, out, "lib.rego", "the built-in helpers are not under test")
}

func TestTestCustomPolicyJSON(t *testing.T) {
	code, out, _ := ptRun(t, "test", ptCustomPolicy, "-f", "json", "--coverage")
	require.Equal(t, 0, code, out)
	var doc struct {
		TestsAsOf    string `json:"tests_as_of"`
		FixturesAsOf string `json:"fixtures_as_of"`
		Tests        []struct {
			Package, Name, File string
			Line                int
			Pass                bool
		} `json:"tests"`
		Fixtures []struct {
			Inventory string `json:"inventory"`
			Status    string `json:"status"`
			Expected  int    `json:"expected"`
		} `json:"fixtures"`
		Coverage struct {
			Coverage float64 `json:"coverage"`
			Files    []struct {
				File string `json:"file"`
			} `json:"files"`
		} `json:"coverage"`
		Summary struct {
			Passed, Failed, Skipped, Errors int
		} `json:"summary"`
	}
	require.NoError(t, json.Unmarshal([]byte(out), &doc))
	assert.Equal(t, policy.TestAsOf, doc.TestsAsOf)
	assert.Equal(t, policy.TestAsOf, doc.FixturesAsOf)
	assert.Len(t, doc.Tests, 13)
	assert.Equal(t, "citygate.rules.privacy.lisbon_police_sharing_test", doc.Tests[0].Package)
	assert.Equal(t, "test_sharing_without_legal_basis_fires_medium", doc.Tests[0].Name)
	assert.Equal(t, "../../fixtures/custom-policy/police_sharing_test.rego", doc.Tests[0].File)
	assert.Positive(t, doc.Tests[0].Line)
	require.Len(t, doc.Fixtures, 3)
	for _, f := range doc.Fixtures {
		assert.Equal(t, "pass", f.Status, f.Inventory)
	}
	assert.Equal(t, 3, doc.Fixtures[1].Expected)
	assert.InDelta(t, 100.0, doc.Coverage.Coverage, 0.001)
	assert.Len(t, doc.Coverage.Files, 2)
	assert.Equal(t, 16, doc.Summary.Passed)
	assert.Zero(t, doc.Summary.Failed)
}

func TestTestCustomPolicyJUnit(t *testing.T) {
	out := filepath.Join(t.TempDir(), "rego.xml")
	code, stdout, _ := ptRun(t, "test", ptCustomPolicy, "-f", "junit", "-o", out)
	require.Equal(t, 0, code)
	assert.Empty(t, stdout, "the report goes to -o")
	b, err := os.ReadFile(out)
	require.NoError(t, err)
	var doc struct {
		Tests    int `xml:"tests,attr"`
		Failures int `xml:"failures,attr"`
		Suites   []struct {
			Name  string `xml:"name,attr"`
			Cases []struct {
				Classname string `xml:"classname,attr"`
				Name      string `xml:"name,attr"`
			} `xml:"testcase"`
		} `xml:"testsuite"`
	}
	require.NoError(t, xml.Unmarshal(b, &doc))
	assert.Equal(t, 16, doc.Tests)
	assert.Zero(t, doc.Failures)
	require.Len(t, doc.Suites, 3)
	assert.Equal(t, "citygate.rules.privacy.lisbon_video_register_test", doc.Suites[1].Name)
	assert.Equal(t, "citygate.rules.privacy.lisbon_video_register_test", doc.Suites[1].Cases[0].Classname)
	assert.Equal(t, "test_unregistered_public_video_fires", doc.Suites[1].Cases[0].Name)
	assert.Equal(t, "../../fixtures/custom-policy/fixtures", doc.Suites[2].Name)
	assert.Equal(t, "compliant", doc.Suites[2].Cases[0].Name)
	seen := map[string]bool{}
	for _, s := range doc.Suites {
		for _, c := range s.Cases {
			id := c.Classname + "." + c.Name
			assert.False(t, seen[id], "duplicate test case %s", id)
			seen[id] = true
		}
	}
}

func TestTestRunFilter(t *testing.T) {
	code, out, _ := ptRun(t, "test", ptCustomPolicy, "--run", "police|compliant")
	require.Equal(t, 0, code, out)
	// 6 police_sharing tests, the police-sharing and compliant fixtures.
	assert.Equal(t, "8 passed, 0 failed", ptLastLine(out))
	assert.NotContains(t, out, "video_register_test.rego")

	code, out, errOut := ptRun(t, "test", ptCustomPolicy, "--run", "no_such_test")
	assert.Equal(t, 2, code, "a filter that matches nothing must not pass silently")
	assert.Equal(t, "0 passed, 0 failed", ptLastLine(out))
	assert.Contains(t, errOut, `no test or fixture inventory matches --run "no_such_test"`)

	code, _, errOut = ptRun(t, "test", ptCustomPolicy, "--run", "(")
	assert.Equal(t, 2, code)
	assert.Contains(t, errOut, "--run: error parsing regexp")
}

// TestTestBuiltin: no DIR tests the built-in library, with coverage.
func TestTestBuiltin(t *testing.T) {
	code, out, errOut := ptRun(t, "test", "--coverage")
	require.Equal(t, 0, code, "stdout:\n%s\nstderr:\n%s", out, errOut)
	m := ptSummaryLine.FindStringSubmatch(ptLastLine(out))
	require.NotNil(t, m, ptLastLine(out))
	passed, _ := strconv.Atoi(m[1])
	assert.Greater(t, passed, 100)
	assert.Equal(t, "0", m[2])
	assert.Equal(t, passed, strings.Count(out, "\nPASS  ")+1, "one line per test")
	assert.Contains(t, out, "\nPASS  <builtin>/policies/security/default_credentials_test.rego: test_")
	assert.Regexp(t, `(?m)^ +\d+\.\d\d%  <builtin>/policies/lib/lib\.rego`, out)
	assert.Regexp(t, `(?m)^ +\d+\.\d\d%  total \(\d+ of \d+ lines\)$`, out)
}

// TestTestBuiltinWithDir: --builtin tests both; the custom fixtures are
// still checked against the custom rules only, so the built-in rules'
// findings on them do not count.
func TestTestBuiltinWithDir(t *testing.T) {
	code, out, _ := ptRun(t, "test", "--builtin", ptCustomPolicy)
	require.Equal(t, 0, code, out)
	assert.Contains(t, out, "\nPASS  <builtin>/policies/security/mfa_test.rego: test_")
	assert.Contains(t, out, "fixtures/custom-policy/fixtures/police-sharing: 3 findings, as expected")

	code, _, errOut := ptRun(t, "test", "--builtin", "--no-builtin", ptCustomPolicy)
	assert.Equal(t, 2, code)
	assert.Contains(t, errOut, "contradict")
}

// ptFailingPolicy is a rule with a failing test, a failing fixture, a
// broken fixture and an uncovered branch.
func ptFailingPolicy(t *testing.T) string {
	rule, err := os.ReadFile(filepath.Join(ptCustomPolicy, "video_register.rego"))
	require.NoError(t, err)
	return ptWriteFiles(t, map[string]string{
		"video_register.rego": string(rule),
		"video_register_test.rego": `package citygate.rules.privacy.lisbon_video_register_test

import data.citygate.rules.privacy.lisbon_video_register as rule

cam := {"id": "cam", "data": {"kind": "video", "public_space_monitoring": true}}

test_fires if {
	count(rule.deny) == 1 with input as {"systems": [cam]}
}

test_wrong_count if {
	n := count(rule.deny) with input as {"systems": [cam]}
	print("findings:", n)
	n == 2
}
`,
		"fixtures/wrong-marker/video.hcl": `system "cam" { # expect: CITY-LIS-009
  data {
    kind                    = "video"
    public_space_monitoring = true
  }
}
`,
		"fixtures/ok/video.hcl": `system "cam" { # expect: CITY-LIS-001
  data {
    kind                    = "video"
    public_space_monitoring = true
  }
}
`,
		"fixtures/broken.hcl": "system \"cam\" {\n  colour = \"red\"\n}\n",
	})
}

func TestTestFailures(t *testing.T) {
	dir := ptFailingPolicy(t)
	code, out, _ := ptRun(t, "test", dir)
	assert.Equal(t, 2, code, "a fixture that cannot be loaded is an error:\n%s", out)
	d := filepath.ToSlash(dir)
	assert.Contains(t, out, "FAIL  "+d+"/video_register_test.rego: test_wrong_count (")
	assert.Contains(t, out, "\n      failed at "+d+"/video_register_test.rego:14: n == 2\n")
	assert.Contains(t, out, "      print output:\n      findings: 1\n")
	assert.Contains(t, out, "FAIL  "+d+"/fixtures/wrong-marker: 1 missing, 1 unexpected (")
	assert.Contains(t, out, "      missing finding     "+d+"/fixtures/wrong-marker/video.hcl:1: CITY-LIS-009 (no loaded rule has this id)\n")
	assert.Contains(t, out, "      unexpected finding  "+d+"/fixtures/wrong-marker/video.hcl:1: CITY-LIS-001 system cam films public space")
	assert.Contains(t, out, "ERROR "+d+"/fixtures/broken.hcl: the inventory could not be checked\n")
	assert.Contains(t, out, d+"/fixtures/broken.hcl:2:3: Unsupported argument")
	assert.Contains(t, out, "PASS  "+d+"/fixtures/ok: 1 finding, as expected")
	assert.Equal(t, "2 passed, 3 failed", ptLastLine(out))
}

func TestTestFailuresExitOne(t *testing.T) {
	dir := ptFailingPolicy(t)
	require.NoError(t, os.Remove(filepath.Join(dir, "fixtures", "broken.hcl")))
	code, out, _ := ptRun(t, "test", dir)
	assert.Equal(t, 1, code, out)
	assert.Equal(t, "2 passed, 2 failed", ptLastLine(out))

	code, out, _ = ptRun(t, "test", dir, "-f", "json")
	assert.Equal(t, 1, code)
	var doc struct {
		Fixtures []struct {
			Status     string                          `json:"status"`
			Missing    []struct{ File, RuleID string } `json:"missing"`
			Unexpected []struct {
				Line   int    `json:"line"`
				RuleID string `json:"rule_id"`
			} `json:"unexpected"`
		} `json:"fixtures"`
	}
	require.NoError(t, json.Unmarshal([]byte(out), &doc))
	require.Len(t, doc.Fixtures, 2)
	assert.Equal(t, "pass", doc.Fixtures[0].Status)
	assert.Equal(t, "fail", doc.Fixtures[1].Status)
	assert.Equal(t, 1, doc.Fixtures[1].Unexpected[0].Line)
	assert.Equal(t, "CITY-LIS-001", doc.Fixtures[1].Unexpected[0].RuleID)

	code, out, _ = ptRun(t, "test", dir, "-f", "junit")
	assert.Equal(t, 1, code)
	assert.Contains(t, out, `<failure message="failed at `)
	assert.Contains(t, out, `<failure message="1 missing, 1 unexpected">missing finding `)
}

// TestTestExplicitFixtures: a --fixtures directory replaces fixtures/,
// is checked against every loaded rule, and skips unmarked inventories.
func TestTestExplicitFixtures(t *testing.T) {
	cases := ptWriteFiles(t, map[string]string{
		"marked/video.hcl": `system "cam" { # expect: CITY-LIS-001
  data {
    kind                    = "video"
    public_space_monitoring = true
  }
}
`,
		"unmarked.hcl":  "system \"sensor\" {\n  category = \"iot\"\n}\n",
		".hidden/x.hcl": "not even hcl {",
		"README.md":     "not an inventory",
	})
	code, out, _ := ptRun(t, "test", ptCustomPolicy, "--fixtures", cases, "--run", "marked")
	require.Equal(t, 0, code, out)
	assert.Contains(t, out, "/marked: 1 finding, as expected")
	assert.Equal(t, "1 passed, 0 failed", ptLastLine(out))

	code, out, _ = ptRun(t, "test", ptCustomPolicy, "--fixtures", cases)
	require.Equal(t, 0, code, out)
	assert.Contains(t, out, "SKIP  "+filepath.ToSlash(cases)+"/unmarked.hcl: no # expect: markers\n")
	assert.NotContains(t, out, "custom-policy/fixtures/", "--fixtures replaces the policy directory's fixtures/")
	assert.Contains(t, out, "\n1 fixture inventory skipped (no # expect: markers)\n14 passed, 0 failed\n")
}

func TestTestCoverageMin(t *testing.T) {
	rule, err := os.ReadFile(filepath.Join(ptCustomPolicy, "police_sharing.rego"))
	require.NoError(t, err)
	dir := ptWriteFiles(t, map[string]string{
		"police_sharing.rego": string(rule),
		"police_sharing_test.rego": `package citygate.rules.privacy.lisbon_police_sharing_test

import data.citygate.rules.privacy.lisbon_police_sharing as rule

test_no_sharing if {
	count(rule.deny) == 0 with input as {"systems": [{"id": "cam", "data": {"kind": "video"}}]}
}
`,
	})
	code, out, _ := ptRun(t, "test", dir, "--coverage-min", "90")
	assert.Equal(t, 1, code, out)
	assert.Regexp(t, `(?m)^ +\d+\.\d\d%  .*/police_sharing\.rego  not covered: \d`, out)
	assert.Regexp(t, `(?m)^coverage \d+\.\d\d% is below --coverage-min 90%$`, out)
	assert.Equal(t, "1 passed, 0 failed", ptLastLine(out))

	code, _, errOut := ptRun(t, "test", dir, "--coverage-min", "90", "-f", "json")
	assert.Equal(t, 1, code)
	assert.Contains(t, errOut, "is below --coverage-min 90%")

	code, out, _ = ptRun(t, "test", dir, "--coverage-min", "10")
	assert.Equal(t, 0, code, out)
}

// TestTestPolicyError: a policy error stops the run with exit 2 and the
// error with its file, line and hint on stderr.
func TestTestPolicyError(t *testing.T) {
	dir := ptWriteFiles(t, map[string]string{"rule.rego": `# METADATA
# title: Cameras are registered
# custom:
#   id: CITY-LIS-001
#   severity: medium
#   principle: privacy
package citygate.rules.privacy.camera_register

import data.citygate.lib

deny contains lib.finding(lib.system(s), "transparency.register_url", "m") if {
	some s in input.sytems
	not s.transparency.register_url
}
`})
	for _, cmd := range [][]string{{"test", dir}, {"check", "--policy", dir, dir}} {
		code, out, errOut := ptRun(t, cmd...)
		assert.Equal(t, 2, code, "%v", cmd)
		assert.Empty(t, out)
		assert.Contains(t, errOut, "Error: "+filepath.ToSlash(dir)+"/rule.rego:12:12: rego_type_error: undefined ref: input.sytems[_] "+
			"(hint: input.sytems is not in the inventory schema; did you mean input.systems?)\n")
		assert.Contains(t, errOut, "1 policy error(s)")
	}
}

func TestTestUsageErrors(t *testing.T) {
	for name, args := range map[string][]string{
		"missing dir":   {"test", "no/such/dir"},
		"no tests":      {"test", filepath.Join(ptCustomPolicy, "video_register.rego")},
		"not rego":      {"test", filepath.Join(ptCustomPolicy, "fixtures", "compliant", "video.hcl")},
		"bad format":    {"test", ptCustomPolicy, "-f", "sarif"},
		"bad as-of":     {"test", ptCustomPolicy, "--as-of", "tomorrow"},
		"bad min":       {"test", ptCustomPolicy, "--coverage-min", "120"},
		"nothing":       {"test", "--no-builtin"},
		"bad fixtures":  {"test", ptCustomPolicy, "--fixtures", "no/such/cases"},
		"unknown flag":  {"test", "--covrage"},
		"empty policy ": {"test", t.TempDir()},
	} {
		t.Run(name, func(t *testing.T) {
			code, _, errOut := ptRun(t, args...)
			assert.Equal(t, 2, code)
			assert.NotEmpty(t, errOut)
		})
	}
}

// TestCheckCustomPolicy: the example rule runs in check beside the
// built-in library and reports on fixtures/city at the register_url line
// of cctv-face-analytics (found here, since others edit that file).
func TestCheckCustomPolicy(t *testing.T) {
	code, out, errOut := ptRun(t, "check", "--policy", ptCustomPolicy, "--rule", "CITY-LIS-001",
		"--as-of", "2026-01-01", "-f", "json", "../../fixtures/city")
	require.Equal(t, 1, code, errOut)
	var doc struct {
		Findings []struct {
			RuleID   string `json:"rule_id"`
			Resource struct{ Kind, ID string }
			Location struct {
				File  string
				Start struct{ Line int }
			}
		}
	}
	require.NoError(t, json.Unmarshal([]byte(out), &doc))
	var lines []int
	for _, f := range doc.Findings {
		assert.Equal(t, "CITY-LIS-001", f.RuleID)
		if f.Resource.ID == "cctv-face-analytics" {
			assert.Equal(t, "../../fixtures/city/video.hcl", f.Location.File)
			lines = append(lines, f.Location.Start.Line)
		}
	}
	require.Equal(t, []int{ptRegisterLine(t, "../../fixtures/city/video.hcl", "cctv-face-analytics")}, lines)

	code, out, _ = ptRun(t, "check", "--policy", ptCustomPolicy, "--rule", "CITY-LIS-001", "--as-of", "2026-01-01", "../../fixtures/city")
	require.Equal(t, 1, code)
	assert.Regexp(t, `video\.hcl:\d+:\d+: medium CITY-LIS-001 Public-space video is in the city's surveillance register`, out)
	assert.Contains(t, out, "system cctv-face-analytics films public space but is not in the video-surveillance register")
}

// ptRegisterLine is where a missing register entry of a system is reported:
// its register_url attribute, else its transparency block, else its header.
func ptRegisterLine(t *testing.T, file, system string) int {
	f, err := os.Open(file)
	require.NoError(t, err)
	defer f.Close()
	header, block := 0, 0
	sc := bufio.NewScanner(f)
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		switch {
		case strings.HasPrefix(line, `system "`+system+`"`):
			header = n
		case header == 0:
		case strings.HasPrefix(line, `system "`):
			header = -header
		case header < 0:
		case strings.HasPrefix(line, "register_url"):
			return n
		case strings.HasPrefix(line, "transparency"):
			block = n
		}
	}
	require.NotZero(t, header, "%s has no system %s", file, system)
	if block > 0 {
		return block
	}
	if header < 0 {
		return -header
	}
	return header
}

// TestTestFixturesAsOf: fixtures are checked at policy.TestAsOf unless
// --as-of says otherwise; the clock never matters.
func TestTestFixturesAsOf(t *testing.T) {
	asOf, err := time.Parse(time.DateOnly, policy.TestAsOf)
	require.NoError(t, err)
	goLive := asOf.AddDate(0, 5, 0).Format(time.DateOnly)
	later := asOf.AddDate(0, 6, 0).Format(time.DateOnly)
	dir := ptWriteFiles(t, map[string]string{
		"live.rego": `# METADATA
# title: Live systems are registered
# custom:
#   id: CITY-TST-001
#   severity: low
#   principle: privacy
package citygate.rules.privacy.live_registered

import data.citygate.lib

deny contains lib.finding(lib.system(s), "go_live", "live") if {
	some s in input.systems
	lib.past(s.go_live)
}
`,
		"fixtures/summer/a.hcl": "system \"cam\" {\n  go_live = \"" + goLive + "\" # expect: CITY-TST-001\n}\n",
	})
	code, out, _ := ptRun(t, "test", dir)
	assert.Equal(t, 1, code, out)
	assert.Contains(t, out, "/fixtures/summer/a.hcl:2: CITY-TST-001\n")

	code, out, _ = ptRun(t, "test", dir, "--as-of", later)
	assert.Equal(t, 0, code, out)
	assert.Equal(t, "1 passed, 0 failed", ptLastLine(out))
}
