package testrunner

import (
	"bytes"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/citygate/citygate/engine/policy"
	"github.com/citygate/citygate/internal/expect"
)

func sampleRun() *Run {
	return &Run{
		AsOf: policy.TestAsOf,
		Tests: []policy.TestResult{
			{Package: "citygate.rules.security.x_test", Name: "test_ok", File: "p/x_test.rego", Line: 3, Pass: true, Status: policy.TestPassed, Duration: time.Millisecond},
			{Package: "citygate.rules.security.x_test", Name: "test_bad", File: "p/x_test.rego", Line: 9, Status: policy.TestFailed, Error: "failed at p/x_test.rego:10: x == 1\nmore"},
		},
		Fixtures: []FixtureResult{
			{Dir: "p/fixtures", Inventory: "p/fixtures/ok.hcl", Status: FixturePass},
			{Dir: "p/fixtures", Inventory: "p/fixtures/bad.hcl", Status: FixtureFail, Missing: []expect.Expectation{{File: "p/fixtures/bad.hcl", Line: 2, RuleID: "SEC-005"}}},
			{Dir: "p/fixtures", Inventory: "p/fixtures/broken.hcl", Status: FixtureError, Errors: []string{"p/fixtures/broken.hcl:1:1: Unsupported argument"}},
			{Dir: "p/cases", Inventory: "p/cases/none.hcl", Status: FixtureSkip},
		},
	}
}

func TestCountsByStatus(t *testing.T) {
	assert.Equal(t, Counts{Passed: 2, Failed: 3, Skipped: 1, Errors: 1}, sampleRun().Counts())
}

// TestJUnitUsesTheSharedStructs: the document has one suite per package
// and fixture directory, with failures, errors and skips counted.
func TestJUnitUsesTheSharedStructs(t *testing.T) {
	var b bytes.Buffer
	require.NoError(t, WriteJUnit(&b, sampleRun()))
	out := b.String()
	assert.Contains(t, out, `<testsuites name="citygate test" tests="6" failures="2" errors="1" skipped="1"`)
	assert.Contains(t, out, `<testsuite name="citygate.rules.security.x_test" tests="2" failures="1" errors="0" skipped="0"`)
	assert.Contains(t, out, `<failure message="failed at p/x_test.rego:10: x == 1">failed at p/x_test.rego:10: x == 1&#xA;more</failure>`)
	assert.Contains(t, out, `<failure message="1 missing, 0 unexpected">missing finding p/fixtures/bad.hcl:2: SEC-005</failure>`)
	assert.Contains(t, out, `<error message="the inventory could not be checked">`)
	assert.Contains(t, out, `<skipped message="no # expect: markers"></skipped>`)
}
