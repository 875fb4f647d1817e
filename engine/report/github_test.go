package report

import (
	"bytes"
	"fmt"
	"regexp"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/citygate/citygate/engine/finding"
)

func TestGitHubEscapingMatchesActionsCore(t *testing.T) {
	// @actions/core: escapeData %, \r, \n; escapeProperty also : and ,.
	assert.Equal(t, "50%25 done%0Anext%0Alast", githubData("50% done\nnext\r\nlast"))
	assert.Equal(t, "a::b", githubData("a::b"), "data may hold :: once the command is parsed")
	assert.Equal(t, "a%3A%3Ab%2Cc%25d", githubProperty("a::b,c%d"))
	assert.Equal(t, `x\ny`, githubProperty("x\ny"), "a property never spans lines")
	assert.Equal(t, `\x1b[31m`, githubData("\x1b[31m"))
}

func TestGitHubAnnotations(t *testing.T) {
	out := string(render(t, "github", Options{}, sampleResult()))
	lines := strings.Split(strings.TrimSuffix(out, "\n"), "\n")
	require.Len(t, lines, 7, "one load error and six unsuppressed findings")
	assert.True(t, strings.HasPrefix(lines[0], "::error file=bids/broken.hcl,line=7,col=3,endLine=7,endColumn=9,title=Unsupported argument::"))
	assert.Equal(t, "::error file=fixtures/city/transport.hcl,line=14,col=5,endLine=14,endColumn=43,"+
		"title=SEC-005 No universal default passwords::system traffic-signal-control ships with a vendor default password", lines[2])
	assert.True(t, strings.HasPrefix(lines[3], "::error file=fixtures/city/city.hcl,line=6,"), "high after critical")
	assert.True(t, strings.HasPrefix(lines[4], "::warning "), "medium is a warning, after high")
	assert.True(t, strings.HasPrefix(lines[5], "::notice "), "low is a notice, last")
	assert.NotContains(t, out, "SEC-006", "waived findings are not annotated")
	assert.NotContains(t, out, "wcag_level", "baselined findings are not annotated")
	assert.Contains(t, lines[1], `%0A::error::pwned%0A::set-output`, "line breaks stay inside the annotation")
}

// TestGitHubAnnotationCap: past the cap, the most severe are printed and
// one notice says how many were left out.
func TestGitHubAnnotationCap(t *testing.T) {
	out := string(render(t, "github", Options{GitHubMaxAnnotations: 3}, sampleResult()))
	lines := strings.Split(strings.TrimSuffix(out, "\n"), "\n")
	require.Len(t, lines, 4)
	assert.True(t, strings.HasPrefix(lines[0], "::error file=bids/broken.hcl"), "errors first")
	assert.Contains(t, lines[2], "SEC-005", "then critical findings")
	assert.Equal(t, "::notice title=citygate::4 more errors and findings were not annotated (the first 3, most severe first, are; "+
		"raise --github-max-annotations to see more). The job summary, SARIF and JSON reports list every finding.", lines[3])

	all := string(render(t, "github", Options{GitHubMaxAnnotations: 7}, sampleResult()))
	assert.NotContains(t, all, "not annotated", "no notice when nothing is left out")
}

func TestGitHubErrorWithoutFile(t *testing.T) {
	r := emptyResult()
	r.Errors = []finding.Error{{Summary: "evaluation deadline exceeded"}}
	assert.Equal(t, "::error title=evaluation deadline exceeded::evaluation deadline exceeded\n",
		string(render(t, "github", Options{}, r)))
}

func TestGitHubStepSummaryOnlyWhenAsked(t *testing.T) {
	var summary bytes.Buffer
	a := render(t, "github", Options{}, sampleResult())
	b := render(t, "github", Options{StepSummary: &summary}, sampleResult())
	assert.Equal(t, a, b, "the summary never goes to stdout")
	assert.Contains(t, summary.String(), "## citygate: FAIL")
	assert.Contains(t, summary.String(), "| critical | 2 |")
}

// TestGitHubStepSummaryCap: GitHub rejects a job summary over 1 MiB, so
// the findings table stops early and says how many rows it left out.
func TestGitHubStepSummaryCap(t *testing.T) {
	r := emptyResult()
	long := strings.Repeat("<|>", 200) // escaping triples it
	for i := range 3000 {
		r.Findings = append(r.Findings, finding.Finding{RuleID: "SEC-005", Title: "t", Severity: finding.High,
			Message: fmt.Sprintf("%d %s", i, long), Resource: finding.Resource{Kind: "system", ID: fmt.Sprint(i)},
			Location: loc("a.hcl", i+1, 1, i+1, 2)})
	}
	r.Summary = summarize(r, 3000, "high")
	var summary bytes.Buffer
	render(t, "github", Options{StepSummary: &summary}, r)
	out := summary.String()
	assert.LessOrEqual(t, len(out), stepSummaryLimit)
	m := regexp.MustCompile(`_(\d+) rows were left out`).FindStringSubmatch(out)
	require.NotNil(t, m, "the cut is announced")
	var left int
	fmt.Sscan(m[1], &left)
	rows := strings.Count(out, "\n| SEC-005 ")
	assert.Equal(t, 3000, rows+left, "every finding is either a row or counted as left out")
	assert.Greater(t, rows, 100)
	assert.Contains(t, out, "…", "messages are cut to keep rows short")
}
