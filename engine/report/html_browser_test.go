package report

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"
	"unicode"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/log"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
	"github.com/stretchr/testify/require"
	"golang.org/x/text/unicode/norm"

	"github.com/citygate/citygate/engine"
	"github.com/citygate/citygate/engine/finding"
	"github.com/citygate/citygate/engine/i18n"
	"github.com/citygate/citygate/engine/policy"
)

// The browser tests open the HTML reports in headless Chromium, as a
// committee member would: no console error and no network request, the
// verdict, scorecard and first finding in the first screen, Arabic laid out
// right to left, no WCAG 2.1 A/AA violation that axe-core can find, and a
// print to A4 PDF that cuts no table row. Screenshots go to
// bin/screenshots/ for review. They skip only when no Chromium is
// installed (.ci/run installs Debian's chromium).

const (
	viewportW, viewportH = 1280, 800
	axeVersion           = "4.10.3"
)

var repoRoot = filepath.Join("..", "..")

func chromiumPath(t *testing.T) string {
	t.Helper()
	if p := os.Getenv("CITYGATE_CHROMIUM"); p != "" {
		return p
	}
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome", "headless-shell"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	t.Skip("browser tests skipped: no Chromium found (apt-get install chromium, or set CITYGATE_CHROMIUM)")
	return ""
}

// axeSource installs axe-core with npm into bin/axe once and returns it.
func axeSource(t *testing.T) string {
	t.Helper()
	dir := filepath.Join(repoRoot, "bin", "axe")
	file := filepath.Join(dir, "node_modules", "axe-core", "axe.min.js")
	if _, err := os.Stat(file); err != nil {
		cmd := exec.Command("npm", "install", "--no-audit", "--no-fund", "--prefix", dir, "axe-core@"+axeVersion)
		out, err := cmd.CombinedOutput()
		require.NoError(t, err, "installing axe-core with npm: %s", out)
	}
	b, err := os.ReadFile(file)
	require.NoError(t, err)
	return string(b)
}

// The browser tests share one headless Chromium, started by the first
// that needs it and closed by TestMain; each page opens in its own tab
// (its own browser context, so its own renderer process), and pages are
// checked in parallel (go test -parallel, GOMAXPROCS by default).
var shared struct {
	sync.Mutex
	ctx    context.Context
	cancel func()
}

func TestMain(m *testing.M) {
	code := m.Run()
	shared.Lock()
	if shared.cancel != nil {
		shared.cancel()
	}
	shared.Unlock()
	os.Exit(code)
}

// browser returns the shared Chromium, starting it on first use.
func browser(t *testing.T) context.Context {
	t.Helper()
	path := chromiumPath(t)
	shared.Lock()
	defer shared.Unlock()
	if shared.ctx != nil {
		return shared.ctx
	}
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(path),
		chromedp.NoSandbox,
		chromedp.WindowSize(viewportW, viewportH),
		chromedp.Flag("disable-gpu", true),
		chromedp.Flag("lang", "en"),
	)
	actx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancel := chromedp.NewContext(actx)
	_, err := chromedp.Run(ctx, chromedp.Title())
	if err != nil {
		cancel()
		cancelAlloc()
		require.NoError(t, err, "starting Chromium")
	}
	shared.ctx, shared.cancel = ctx, func() { cancel(); cancelAlloc() }
	return ctx
}

// pageProblems collects console errors, uncaught exceptions and any
// request that is not the report file itself.
type pageProblems struct {
	mu   sync.Mutex
	list []string
}

func (p *pageProblems) add(s string) { p.mu.Lock(); p.list = append(p.list, s); p.mu.Unlock() }

func (p *pageProblems) get() []string {
	p.mu.Lock()
	defer p.mu.Unlock()
	return append([]string(nil), p.list...)
}

// openReport writes page to a file and loads it in a new tab.
func openReport(t *testing.T, parent context.Context, name, html string) (context.Context, *pageProblems) {
	t.Helper()
	path := filepath.Join(t.TempDir(), name+".html")
	require.NoError(t, os.WriteFile(path, []byte(html), 0o644))
	ctx, cancel := chromedp.NewContext(parent, chromedp.WithNewBrowserContext())
	t.Cleanup(cancel)
	// A full-page axe run takes tens of seconds on a loaded machine.
	ctx, cancelTimeout := context.WithTimeout(ctx, 8*time.Minute)
	t.Cleanup(cancelTimeout)
	probs := &pageProblems{}
	require.NoError(t, chromedp.Listen(ctx, func(ev any) {
		switch e := ev.(type) {
		case *runtime.EventConsoleAPICalled:
			if e.Type == runtime.ConsoleAPICalledTypeError || e.Type == runtime.ConsoleAPICalledTypeWarning {
				probs.add(fmt.Sprintf("console %s: %v", e.Type, argsText(e.Args)))
			}
		case *runtime.EventExceptionThrown:
			probs.add(fmt.Sprintf("exception: %s", e.ExceptionDetails.Text))
		case *log.EventEntryAdded:
			if e.Entry.Level == log.EntryLevelError {
				probs.add("log: " + e.Entry.Text)
			}
		case *network.EventRequestWillBeSent:
			if !strings.HasPrefix(e.Request.URL, "file://") && !strings.HasPrefix(e.Request.URL, "data:") {
				probs.add("network request: " + e.Request.URL)
			}
		}
	}))
	_, err := chromedp.Call(ctx, log.Enable, cdp.Empty{})
	require.NoError(t, err)
	_, err = chromedp.Call(ctx, runtime.Enable, cdp.Empty{})
	require.NoError(t, err)
	_, err = chromedp.Call(ctx, network.Enable, network.EnableParams{})
	require.NoError(t, err)
	abs, err := filepath.Abs(path)
	require.NoError(t, err)
	require.NoError(t, chromedp.Do(ctx,
		chromedp.EmulateViewport(viewportW, viewportH),
		chromedp.Navigate("file://"+abs),
		chromedp.WaitReady("body"),
	))
	return ctx, probs
}

func argsText(args []*runtime.RemoteObject) string {
	parts := make([]string, 0, len(args))
	for _, a := range args {
		if a.Value != nil {
			parts = append(parts, string(a.Value))
		} else {
			parts = append(parts, a.Description)
		}
	}
	return strings.Join(parts, " ")
}

// firstScreen reports which of the key parts are not wholly inside the
// first viewport.
const firstScreenJS = `(() => {
  const need = {verdict: '.verdict h2', blockers_or_detail: '.verdict-detail', scorecard: '.scorecard table', first_finding: '.finding h5'};
  const out = [];
  for (const [name, sel] of Object.entries(need)) {
    const el = document.querySelector(sel);
    if (!el) { out.push(name + ': missing'); continue; }
    const r = el.getBoundingClientRect();
    if (r.top < 0 || r.bottom > window.innerHeight || r.left < 0 || r.right > window.innerWidth || r.height === 0)
      out.push(name + ': outside the first screen at ' + JSON.stringify([r.left, r.top, r.right, r.bottom]));
  }
  return out;
})()`

const rtlJS = `(() => {
  const v = document.querySelector('.verdict').getBoundingClientRect();
  const s = document.querySelector('.scorecard').getBoundingClientRect();
  return {dir: getComputedStyle(document.documentElement).direction, verdictRightOfScorecard: v.left > s.left,
          headingAlign: getComputedStyle(document.querySelector('h1')).textAlign};
})()`

// axeRunJS runs axe-core's WCAG 2.0/2.1 A and AA rules on %s.
const axeRunJS = `axe.run(%s, {resultTypes: ['violations'], runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}})
  .then(r => r.violations.map(v => v.id + ' (' + v.impact + '): ' + v.help + ' at ' + v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(', ')))`

// rowTextsJS lists, for every table row, the text of each of its cells.
const rowTextsJS = `Array.from(document.querySelectorAll('tbody tr')).map(tr => Array.from(tr.cells).map(c => c.innerText.replace(/\s+/g, ' ').trim()).filter(s => s.length > 0))`

type fixtureReport struct {
	name, lang string
	result     *finding.Result
}

// fixtureReports are the check reports of every fixture, each in every
// language, and the unit tests' sample.
func fixtureReports(t *testing.T) []fixtureReport {
	lib, errs := policy.Load([]policy.Source{policy.Builtin()}, policy.Options{})
	require.Empty(t, errs, "%v", errs)
	eng, err := engine.New(context.Background(), lib, engine.WithAsOf("2026-11-23"))
	require.NoError(t, err)
	var out []fixtureReport
	for _, fixture := range []string{"city", "bid", "compliant", "us-city"} {
		res, err := eng.Check(context.Background(), []string{"../../fixtures/" + fixture})
		require.NoError(t, err)
		for _, l := range i18n.Codes() {
			out = append(out, fixtureReport{fixture + "-" + l, l, res})
		}
	}
	return append(out, fixtureReport{"sample-en", "en", sampleResult()})
}

func TestHTMLInBrowser(t *testing.T) {
	if testing.Short() {
		t.Skip("browser tests skipped in -short mode")
	}
	chromiumPath(t)
	start := time.Now()
	ctx := browser(t)
	axe := axeSource(t)
	shots := filepath.Join(repoRoot, "bin", "screenshots")
	require.NoError(t, os.MkdirAll(shots, 0o755))

	t.Run("pages", func(t *testing.T) {
		for _, fr := range fixtureReports(t) {
			t.Run(fr.name, func(t *testing.T) {
				t.Parallel()
				checkReportPage(t, ctx, axe, shots, fr)
			})
		}
	})
	t.Logf("browser tests took %s", time.Since(start).Round(time.Millisecond))
}

// checkReportPage checks one report as a reader sees it.
func checkReportPage(t *testing.T, ctx context.Context, axe, shots string, fr fixtureReport) {
	began := time.Now()
	step := func(what string) { t.Logf("%s: %s after %s", fr.name, what, time.Since(began).Round(time.Millisecond)) }
	defer step("done")
	html := renderHTML(t, fr.lang, fr.result)
	tab, probs := openReport(t, ctx, fr.name, html)

	outside, err := chromedp.Run(tab, chromedp.Evaluate[[]string](firstScreenJS))
	require.NoError(t, err)
	hasFindings := strings.Contains(html, `class="finding"`)
	for _, o := range outside {
		// The unit-test sample still uses version-1 areas as
		// principles, which lengthens its scorecard.
		if fr.name == "sample-en" && strings.HasPrefix(o, "first_finding") {
			continue
		}
		if !hasFindings && strings.HasPrefix(o, "first_finding: missing") {
			continue
		}
		t.Errorf("first screen: %s", o)
	}

	step("loaded")
	png, err := chromedp.Run(tab, chromedp.CaptureScreenshot())
	require.NoError(t, err)
	require.NoError(t, os.WriteFile(filepath.Join(shots, fr.name+".png"), png, 0o644))

	if fr.lang == "ar" {
		rtl, err := chromedp.Run(tab, chromedp.Evaluate[struct {
			Dir                     string `json:"dir"`
			VerdictRightOfScorecard bool   `json:"verdictRightOfScorecard"`
		}](rtlJS))
		require.NoError(t, err)
		require.Equal(t, "rtl", rtl.Dir)
		require.True(t, rtl.VerdictRightOfScorecard, "Arabic: the verdict (first in reading order) must be on the right")
	}

	step("screenshot")
	// The whole page, in every language: translations change text
	// lengths, wrapping and so contrast and overlap.
	violations := runAxe(t, tab, axe)
	step("axe")
	require.Empty(t, violations, "axe-core WCAG 2.1 A/AA violations")

	// Arabic is left out: pdftotext gives its words back in visual
	// order, so they cannot be matched to the DOM's text.
	if fr.name == "city-en" || fr.name == "city-ru" {
		checkPrint(t, tab, fr.name)
	}
	require.Empty(t, probs.get(), "console errors or network requests")
}

// runAxe loads axe-core into a tab and runs its WCAG 2.0/2.1 A and AA
// rules on the whole document.
func runAxe(t *testing.T, tab context.Context, axe string) []string {
	t.Helper()
	_, err := chromedp.Run(tab, chromedp.Evaluate[*runtime.RemoteObject](axe))
	require.NoError(t, err, "loading axe-core")
	violations, err := chromedp.Run(tab, chromedp.Evaluate[[]string](fmt.Sprintf(axeRunJS, "document"), chromedp.EvalAwaitPromise))
	require.NoError(t, err)
	return violations
}

// checkPrint prints the page to A4 PDF and checks with pdftotext that
// every table row's cells are on one page: a row cut across a page break
// would leave part of a cell's text on the next page.
func checkPrint(t *testing.T, tab context.Context, name string) {
	t.Helper()
	rows, err := chromedp.Run(tab, chromedp.Evaluate[[][]string](rowTextsJS))
	require.NoError(t, err)
	pdf, err := chromedp.Run(tab, chromedp.PrintToPDF(chromedp.PDFPaper(chromedp.PaperA4), chromedp.PDFPreferCSSPageSize(), chromedp.PDFPrintBackground()))
	require.NoError(t, err)
	path := filepath.Join(repoRoot, "bin", "screenshots", name+".pdf")
	require.NoError(t, os.WriteFile(path, pdf, 0o644))
	pdftotext, err := exec.LookPath("pdftotext")
	if err != nil {
		t.Errorf("pdftotext (Debian poppler-utils) is needed to check page breaks")
		return
	}
	out, err := exec.Command(pdftotext, "-enc", "UTF-8", path, "-").Output()
	require.NoError(t, err)
	pages := strings.Split(string(out), "\f")
	require.Greater(t, len(pages), 2, "the report should span several A4 pages")
	// Words, not lines: pdftotext may interleave the lines of wrapped
	// cells.
	words := make([]map[string]bool, len(pages))
	for i, p := range pages {
		words[i] = map[string]bool{}
		for _, w := range pdfWords(p) {
			words[i][w] = true
		}
	}
	cut := 0
	for _, row := range rows {
		joined, _ := json.Marshal(row)
		onOnePage := false
		for _, p := range words {
			all := true
			for _, w := range pdfWords(strings.Join(row, " ")) {
				if !wordOnPage(w, p) {
					all = false
					break
				}
			}
			if all {
				onOnePage = true
				break
			}
		}
		if !onOnePage {
			cut++
			if cut <= 5 {
				t.Errorf("%s: table row not on one printed page: %s", name, joined)
			}
		}
	}
	t.Logf("%s: %d pages, %d table rows checked, %d cut", name, len(pages)-1, len(rows), cut)
}

// pdfWords splits text into words of letters and digits. pdftotext
// sometimes joins a word broken at a hyphen at a line end
// ("trafficsignal-control"), so wordOnPage also accepts a page word that
// begins or ends with the word.
func pdfWords(s string) []string {
	return strings.FieldsFunc(norm.NFKC.String(s), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
}

func wordOnPage(w string, page map[string]bool) bool {
	if page[w] {
		return true
	}
	for p := range page {
		if len(p) > len(w) && (strings.HasPrefix(p, w) || strings.HasSuffix(p, w)) {
			return true
		}
	}
	return false
}
