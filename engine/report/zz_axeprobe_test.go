package report

import (
	"fmt"
	"testing"
	"time"

	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
	"github.com/stretchr/testify/require"
)

func TestZZAxeProbe(t *testing.T) {
	ctx := browser(t)
	axe := axeSource(t)
	frs := fixtureReports(t)
	html := renderHTML(t, "en", frs[0].result)
	tab, _ := openReport(t, ctx, "probe", html)
	_, err := chromedp.Run(tab, chromedp.Evaluate[*runtime.RemoteObject](axe))
	require.NoError(t, err)
	n, _ := chromedp.Run(tab, chromedp.Evaluate[int](`document.querySelectorAll('*').length`))
	t.Logf("elements: %d", n)
	for _, opts := range []string{
		`{resultTypes: ['violations'], runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}}`,
		`{resultTypes: ['violations'], selectors: false, ancestry: false, xpath: false, runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}}`,
		`{resultTypes: ['violations'], runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}, rules: {'color-contrast': {enabled: false}}}`,
		`{resultTypes: ['violations'], runOnly: {type: 'rule', values: ['color-contrast']}}`,
	} {
		began := time.Now()
		_, err := chromedp.Run(tab, chromedp.Evaluate[[]string](fmt.Sprintf(`axe.run(document, %s).then(r => r.violations.map(v => v.id))`, opts), chromedp.EvalAwaitPromise))
		require.NoError(t, err)
		t.Logf("%s: %s", time.Since(began).Round(time.Millisecond), opts)
	}
}
