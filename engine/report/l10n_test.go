package report

import (
	"bytes"
	"context"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/citygate/citygate/engine"
	"github.com/citygate/citygate/engine/finding"
	"github.com/citygate/citygate/engine/policy"
)

// renderLang renders a result in a human format and language, as
// `citygate check --lang` does.
func renderLang(t *testing.T, format, lang string, r *finding.Result) []byte {
	t.Helper()
	rep, err := New(format, Options{})
	require.NoError(t, err)
	rep, err = Localize(rep, lang)
	require.NoError(t, err)
	var b bytes.Buffer
	require.NoError(t, rep.Report(&b, r))
	return b.Bytes()
}

// TestLocalizedFixtureGoldens: the example city and bid in text and
// markdown, translated throughout (regenerate with -update).
func TestLocalizedFixtureGoldens(t *testing.T) {
	res := fixturesResult(t)
	for _, tc := range []struct{ format, lang, file string }{
		{"text", "fr", "fixtures-text-fr.txt"},
		{"markdown", "fr", "fixtures-markdown-fr.md"},
		{"markdown", "ar", "fixtures-markdown-ar.md"},
	} {
		t.Run(tc.lang+"-"+tc.format, func(t *testing.T) {
			golden(t, tc.file, renderLang(t, tc.format, tc.lang, res))
		})
	}
}

// TestLocalizedTenderGoldens: the tender fixture in text and markdown,
// translated throughout.
func TestLocalizedTenderGoldens(t *testing.T) {
	for _, tc := range []struct{ format, lang, file string }{
		{"text", "fr", "tender-fr.txt"},
		{"markdown", "fr", "tender-fr.md"},
		{"markdown", "ar", "tender-ar.md"},
	} {
		t.Run(tc.lang+"-"+tc.format, func(t *testing.T) {
			var buf bytes.Buffer
			require.NoError(t, WriteTenderLang(&buf, tc.format, fixtureTender(t), tc.lang))
			golden(t, tc.file, buf.Bytes())
		})
	}
}

// englishUI are phrases of the English text and markdown reports' own
// wording; none may survive in a French report.
var englishUI = []string{
	"Findings", "No findings", "no findings", "Where:", "Fix:", "fix:", "Problem:", "Not stated", "not stated",
	"Checked ", "inventories", "in inventory", "Inventories", "Errors", "Error:", "## Principles", "Principles (", "rules per inventory",
	"suppressed", "Waived", "waived", "Required by", "More:", "rule documentation", "| Pass |", "| Fail |",
	"fail-on:", " pass,", " fail,", "not applicable", "N/A",
	": critical ", ": high ", ": medium ", ": low ", "Critical (", "High (", "Medium (", "Low (",
}

// englishTenderUI are the tender reports' own English phrases.
var englishTenderUI = []string{
	"City actions", "Bid comparison", "Comparison", "No findings", "no findings", "error at", "[bids:", "(bids:",
	"| Severity", "| Where", "| Finding", "Each principle", "compliance score =", "award blocked", "City inventory",
	"## Bid ", "Bid gamer (", "(waived)", "WAIVED", "not eligible", "eligible", "Errors in the tender", "none\n", "CRITICAL", "HIGH",
	"Privacy", "Security", "Openness", "Sustain.", "Equity",
}

// TestFrenchReportsHaveNoEnglishUI: the French text and markdown reports
// of fixtures/city and the tender fixture contain none of the English
// reports' own phrases (inventory values, ids and paths aside).
func TestFrenchReportsHaveNoEnglishUI(t *testing.T) {
	lib, errs := policy.Load([]policy.Source{policy.Builtin()}, policy.Options{})
	require.Empty(t, errs, "%v", errs)
	eng, err := engine.New(context.Background(), lib, engine.WithAsOf("2026-11-23"))
	require.NoError(t, err)
	res, err := eng.Check(context.Background(), []string{"../../fixtures/city"})
	require.NoError(t, err)
	require.NotEmpty(t, res.Findings)
	for _, format := range []string{"text", "markdown"} {
		out := string(renderLang(t, format, "fr", res))
		require.Empty(t, englishIn(out, englishUI), "French %s report of fixtures/city", format)
		require.NotRegexp(t, `\d (findings?|critical|high|medium|low|suppressed|rules?)\b`, out, "English counts in the French %s report", format)
		var buf bytes.Buffer
		require.NoError(t, WriteTenderLang(&buf, format, fixtureTender(t), "fr"))
		require.Empty(t, englishIn(buf.String(), append(englishUI, englishTenderUI...)), "French %s tender report", format)
	}
	// The English reports do hold them: the lists test something.
	en := string(renderLang(t, "markdown", "en", res))
	for _, phrase := range []string{"## Findings", "- **Where:**", "- **Fix:**", "Checked ", "Not stated"} {
		require.True(t, strings.Contains(en, phrase), phrase)
	}
}

// englishIn lists each phrase out contains, with the line it is in.
func englishIn(out string, phrases []string) []string {
	var found []string
	for _, p := range phrases {
		for _, line := range strings.Split(out, "\n") {
			if strings.Contains(line, p) {
				found = append(found, p+" in: "+truncateRunes(line, 160))
				break
			}
		}
	}
	return found
}
