package report

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/stretchr/testify/require"

	"github.com/citygate/citygate/engine/i18n"
)

// comparisonInFirstScreenJS says what of the bid comparison table lies
// outside the first 1280x800 screen: the committee's first question is
// answered without scrolling.
const comparisonInFirstScreenJS = `(() => {
  const t = document.querySelector('#comparison table');
  if (!t) return ['comparison: missing'];
  const r = t.getBoundingClientRect();
  const out = [];
  if (r.bottom > window.innerHeight) out.push('comparison: bottom at ' + r.bottom + ' of ' + window.innerHeight);
  if (r.right > window.innerWidth + 1) out.push('comparison: right at ' + r.right + ' of ' + window.innerWidth);
  return out;
})()`

// The tender page as a committee member sees it, in every language: no
// console error or request, the comparison in the first screen, no
// axe-core WCAG 2.1 A/AA violation on the whole page, and (English) no
// table row cut when printed to A4. Languages are checked in parallel
// tabs of the shared browser.
func TestTenderHTMLInBrowser(t *testing.T) {
	if testing.Short() {
		t.Skip("browser tests skipped in -short mode")
	}
	chromiumPath(t)
	ctx := browser(t)
	axe := axeSource(t)
	shots := filepath.Join(repoRoot, "bin", "screenshots")
	require.NoError(t, os.MkdirAll(shots, 0o755))
	rep := fixtureTender(t)
	for _, lang := range i18n.Codes() {
		name := "tender-" + lang
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			var buf bytes.Buffer
			require.NoError(t, WriteTenderLang(&buf, "html", rep, lang))
			tab, probs := openReport(t, ctx, name, buf.String())

			outside, err := chromedp.Run(tab, chromedp.Evaluate[[]string](comparisonInFirstScreenJS))
			require.NoError(t, err)
			require.Empty(t, outside, "first screen")
			png, err := chromedp.Run(tab, chromedp.CaptureScreenshot())
			require.NoError(t, err)
			require.NoError(t, os.WriteFile(filepath.Join(shots, name+".png"), png, 0o644))

			require.Empty(t, runAxe(t, tab, axe), "axe-core WCAG 2.1 A/AA violations")
			if lang == "en" {
				checkPrint(t, tab, name)
			}
			require.Empty(t, probs.get(), "console errors or network requests")
		})
	}
}
