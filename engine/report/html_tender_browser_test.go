package report

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
	"github.com/stretchr/testify/require"
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

// The tender page as a committee member sees it, in English and Arabic:
// no console error or request, the comparison in the first screen, no
// axe-core WCAG 2.1 A/AA violation, and (English) no table row cut when
// printed to A4.
func TestTenderHTMLInBrowser(t *testing.T) {
	if testing.Short() {
		t.Skip("browser tests skipped in -short mode")
	}
	chromiumPath(t)
	ctx := browser(t)
	axe := axeSource(t)
	shots := filepath.Join(repoRoot, "bin", "screenshots")
	require.NoError(t, os.MkdirAll(shots, 0o755))
	for _, lang := range []string{"en", "ar"} {
		name := "tender-" + lang
		t.Run(name, func(t *testing.T) {
			var buf bytes.Buffer
			require.NoError(t, WriteTenderLang(&buf, "html", fixtureTender(t), lang))
			tab, probs := openReport(t, ctx, name, buf.String())

			outside, err := chromedp.Run(tab, chromedp.Evaluate[[]string](comparisonInFirstScreenJS))
			require.NoError(t, err)
			require.Empty(t, outside, "first screen")
			png, err := chromedp.Run(tab, chromedp.CaptureScreenshot())
			require.NoError(t, err)
			require.NoError(t, os.WriteFile(filepath.Join(shots, name+".png"), png, 0o644))

			_, err = chromedp.Run(tab, chromedp.Evaluate[*runtime.RemoteObject](axe))
			require.NoError(t, err, "loading axe-core")
			violations, err := chromedp.Run(tab, chromedp.Evaluate[[]string](fmt.Sprintf(axeRunJS, "document"), chromedp.EvalAwaitPromise))
			require.NoError(t, err)
			require.Empty(t, violations, "axe-core WCAG 2.1 A/AA violations")
			if lang == "en" {
				checkPrint(t, tab, name)
			}
			require.Empty(t, probs.get(), "console errors or network requests")
		})
	}
}
