package report

import (
	"bytes"
	"regexp"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/citygate/citygate/engine/finding"
	"github.com/citygate/citygate/engine/i18n"
)

func renderHTML(t *testing.T, lang string, r *finding.Result) string {
	t.Helper()
	rep, err := New("html", Options{})
	require.NoError(t, err)
	rep, err = Localize(rep, lang)
	require.NoError(t, err)
	var b bytes.Buffer
	require.NoError(t, rep.Report(&b, r))
	return b.String()
}

// TestHTMLFixtureGolden renders the example city and bid in English and
// French: golden files, byte for byte.
func TestHTMLFixtureGolden(t *testing.T) {
	res := fixturesResult(t)
	for _, lang := range []string{"en", "fr"} {
		golden(t, "fixtures-html-"+lang+".html", []byte(renderHTML(t, lang, res)))
	}
}

// TestHTMLHostileStrings: markup in inventory strings arrives as text, a
// javascript: help URI is not a link, and nothing fetches anything.
func TestHTMLHostileStrings(t *testing.T) {
	const attack = `</title><script>alert(1)</script><img src=x onerror=alert(2)>"'&`
	r := sampleResult()
	for i := range r.Findings {
		f := &r.Findings[i]
		f.Resource.ID = attack
		f.Message = attack
		f.Field = attack
		f.Remediation = attack
		f.HelpURI = "javascript:alert(3)"
		f.SourceLines = []string{attack}
		if f.Suppressed != nil {
			f.Suppressed.Reason = attack
			f.Suppressed.ApprovedBy = attack
		}
	}
	r.Inventories = append([]finding.InventoryResult{{Path: attack, Loaded: true,
		Resources: []finding.ResourceLocation{{Resource: finding.Resource{Kind: "city", ID: attack + `";}body{color:red}`}}}}}, r.Inventories...)
	for i := range r.Rules {
		r.Rules[i].Title = attack
	}
	for _, lang := range i18n.Codes() {
		out := renderHTML(t, lang, r)
		assert.NotContains(t, out, "<script", lang)
		assert.NotContains(t, out, "<img", lang)
		assert.NotContains(t, out, "javascript:", lang)
		pageRule := out[strings.Index(out, "@page { @top-center"):]
		pageRule = pageRule[:strings.Index(pageRule, "</style>")]
		assert.NotContains(t, pageRule, "body{color:red}", "the city name broke out of the @page header string")
		assert.NotContains(t, pageRule, "<", lang)
		assert.Contains(t, out, "&lt;script&gt;alert(1)&lt;/script&gt;", lang)
		assertSelfContained(t, out)
	}
}

// assertSelfContained: no script, no external stylesheet, font, image or
// frame; the only URLs are the rules' documentation links.
func assertSelfContained(t *testing.T, page string) {
	t.Helper()
	for _, bad := range []string{"<script", "<link", "<img", "<iframe", "<object", "<embed", "@import", "url("} {
		assert.NotContains(t, page, bad)
	}
}

// TestHTMLEveryLanguage: each catalog renders the page with its lang and
// direction, and no UI key is left untranslated (shown as its id).
func TestHTMLEveryLanguage(t *testing.T) {
	keyLike := regexp.MustCompile(`\b(report|header|nav|verdict|scorecard|status|severity|principle|findings?|waivers|evidence|errors|footer|date)\.[a-z_]+\b`)
	for _, l := range i18n.Languages {
		out := renderHTML(t, l.Code, sampleResult())
		dir := "ltr"
		if l.RTL {
			dir = "rtl"
		}
		assert.Contains(t, out, `<html lang="`+l.Code+`" dir="`+dir+`">`)
		for _, m := range keyLike.FindAllString(out, -1) {
			if _, ok := i18n.UI[m]; ok {
				t.Errorf("%s: UI key %s shown untranslated", l.Code, m)
			}
		}
	}
}

// TestHTMLVerdictFirst: the verdict and what blocks it come before the
// scorecard, which comes before the findings, waivers and evidence.
func TestHTMLVerdictFirst(t *testing.T) {
	out := renderHTML(t, "en", sampleResult())
	order := []string{`id="verdict-h"`, `What blocks a pass`, `id="scorecard-h"`, `id="findings-h"`, `id="waivers-h"`, `id="evidence-h"`}
	last := -1
	for _, s := range order {
		i := strings.Index(out, s)
		require.Greater(t, i, last, "%s out of order", s)
		last = i
	}
}
