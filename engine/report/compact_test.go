package report

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestCompactText: one line per error and open finding, escaped as text
// is, then the summary line.
func TestCompactText(t *testing.T) {
	out := string(render(t, "text", Options{Compact: true}, sampleResult()))
	lines := strings.Split(strings.TrimSuffix(out, "\n"), "\n")
	require.Len(t, lines, 8, "one error, six open findings, then the text format's summary line alone")
	assert.Equal(t, `bids/broken.hcl:7:3: error Unsupported argument: An argument named "colour" is not expected here. Did you mean "color"?`, lines[0])
	assert.Equal(t, "fixtures/city/transport.hcl:14:5: critical SEC-005 system traffic-signal-control ships with a vendor default password [system.traffic-signal-control]", lines[4])
	assert.Contains(t, lines[1], `\x1b[31madmin`, "terminal escapes are shown, not sent")
	assert.NotContains(t, out, "\x1b")
	assert.True(t, strings.HasPrefix(lines[len(lines)-1], "6 findings (2 critical, 1 high, 1 medium, 2 low), 2 suppressed"))
}

// TestGitHubStepSummaryInventories: a run over several inventories gets a
// verdict per inventory in the job summary.
func TestGitHubStepSummaryInventories(t *testing.T) {
	s := stepSummary(sampleResult(), stepSummaryLimit)
	assert.Contains(t, s, "### Inventories\n\n| Inventory | Verdict | critical | high | medium | low |\n")
	c, err := catalogFor("")
	require.NoError(t, err)
	for _, v := range inventoryVerdicts(sampleResult(), c) {
		assert.Contains(t, s, "| "+markdownText(v.path)+" | "+v.verdict+" |")
	}
}
