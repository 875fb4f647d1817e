package report

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/citygate/citygate/engine/finding"
)

func TestMarkdownVerdictAndPrinciples(t *testing.T) {
	out := string(render(t, "markdown", Options{}, sampleResult()))
	assert.Contains(t, out, "**FAIL**: 6 findings (2 critical, 1 high, 1 medium, 2 low), 2 suppressed; fail-on: high; 1 error")
	assert.Contains(t, out, "| Safety, Security &amp; Resiliency | FAIL | 0 | 2 | 0 | 1 | 1 |")
	assert.Contains(t, out, "| Operational &amp; Financial Sustainability | INCOMPLETE | 2 | 0 | 0 | 0 | 2 |", "with a load error no principle can pass")
	assert.Contains(t, out, "| Equity, Inclusion &amp; Societal Impact | INCOMPLETE | 0 | 1 | 1 | 0 | 0 |")
	assert.Contains(t, out, "| fixtures/city | lisbon | FAIL | 1 | 4 | 0 | 1 | 1 |")
	assert.Contains(t, out, "| bids/acme.hcl | acme.hcl | FAIL | 2 | 1 | 1 | 0 | 3 |")
	assert.Contains(t, out, "| bids/broken.hcl | broken.hcl | INCOMPLETE | 0 | 0 | 0 | 0 | 0 |", "an inventory that did not load passes nothing; error is INCOMPLETE in every human format")
	assert.Contains(t, out, "## Errors")

	r := sampleResult()
	r.Errors = nil
	out = string(render(t, "markdown", Options{}, r))
	assert.Contains(t, out, "| Operational &amp; Financial Sustainability | PASS | 2 | 0 | 0 | 0 | 2 |")
	assert.NotContains(t, out, "## Errors")

	r = emptyResult()
	out = string(render(t, "markdown", Options{}, r))
	assert.Contains(t, out, "**PASS**: no findings, 0 suppressed; fail-on: high")
	assert.Contains(t, out, "| Transparency &amp; Privacy | N/A | 0 | 0 | 0 | 0 | 0 |", "nothing evaluated is not a pass")
}

// TestMarkdownGroupByArea: --group-by area counts and groups by the
// library's topical areas.
func TestMarkdownGroupByArea(t *testing.T) {
	out := string(render(t, "markdown", Options{GroupBy: GroupByArea}, sampleResult()))
	assert.Contains(t, out, "## Areas\n\n| Area | Verdict | Pass | Fail | Not stated | Waived | N/A |")
	assert.Contains(t, out, "| Broadband and Dig Once | INCOMPLETE | 0 | 0 | 0 | 0 | 2 |")
	assert.Contains(t, out, "| Operational sustainability | INCOMPLETE | 2 | 0 | 0 | 0 | 0 |")
	assert.Contains(t, out, "### Accessibility\n")
	assert.NotContains(t, out, "## Principles")
}

func TestMarkdownPrincipleOrder(t *testing.T) {
	r := sampleResult()
	r.Rules = append(r.Rules,
		finding.Rule{ID: "ZZZ-1", Principle: "resilience", Severity: finding.Low},
		finding.Rule{ID: "AAA-1", Principle: "equity", Severity: finding.Low})
	r.Findings = append(r.Findings, finding.Finding{RuleID: "ZZZ-1", Principle: "resilience", Severity: finding.Low, Title: "z"})
	out := string(render(t, "markdown", Options{}, r))
	order := []string{"| Transparency &amp; Privacy", "| Safety, Security &amp; Resiliency", "| Interoperability &amp; Openness",
		"| Operational &amp; Financial Sustainability", "| Equity, Inclusion &amp; Societal Impact",
		"| equity", "| resilience"}
	last := -1
	for _, p := range order {
		i := strings.Index(out, p)
		assert.Greater(t, i, last, "%s out of order", p)
		last = i
	}
	// Findings: principle order, then critical first within a principle.
	sec := out[strings.Index(out, "### Safety, Security &amp; Resiliency"):]
	assert.Less(t, strings.Index(sec, "#### Critical"), strings.Index(sec, "#### High"))
	assert.Less(t, strings.Index(out, "### Transparency &amp; Privacy"), strings.Index(out, "### Safety, Security &amp; Resiliency"))
	assert.Less(t, strings.Index(out, "### Interoperability &amp; Openness"), strings.Index(out, "### resilience"))
}

// TestMarkdownEscaping: vendor strings cannot add HTML, links, code spans,
// math or table cells to a report a procurement officer reads on GitHub.
func TestMarkdownEscaping(t *testing.T) {
	r := sampleResult()
	r.Findings[0].Message = "<script>alert(1)</script> <!-- x --> [click](https://evil.example) `code` a|b $x$ *em* _u_ ~~s~~ ![img](x.png)\nnext"
	r.Findings[0].HelpURI = "javascript:alert(1)"
	r.Findings[0].Resource.ID = "id|with|pipes"
	out := string(render(t, "markdown", Options{}, r))
	assert.NotContains(t, out, "<script")
	assert.NotContains(t, out, "<!--")
	assert.NotRegexp(t, `[^\\]\]\(javascript:`, out, "no link to the vendor's help URI")
	assert.NotContains(t, out, "[rule documentation](javascript:")
	assert.Contains(t, out, `&lt;script&gt;alert(1)&lt;/script&gt; &lt;!-- x --&gt; \[click\](https://evil.example) \`+"`code\\`"+` a\|b \$x\$ \*em\* \_u\_ \~\~s\~\~ !\[img\](x.png)<br>next`)
	assert.Contains(t, out, `system id\|with\|pipes`)
}

func TestMarkdownShowsSuppressedFindings(t *testing.T) {
	out := string(render(t, "markdown", Options{}, sampleResult()))
	assert.Contains(t, out, "##### SEC-006 Vulnerability disclosure policy published (waived)")
	assert.Contains(t, out, "- **Waived:** Policy drafted, publication due Q1 \\| see CITY-42 (approved by ciso@lisboa.example, expires 2027-03-31)")
	assert.Contains(t, out, "##### ACC-002 Public channels meet WCAG 2.1 AA (baselined)")
	assert.Contains(t, out, "- **Sources:** ETSI EN 303 645 5.2-1; ISO/IEC 29147")
}
