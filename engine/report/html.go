package report

import (
	_ "embed"
	"fmt"
	"html/template"
	"io"
	"strings"
	"unicode"

	"github.com/citygate/citygate/engine/finding"
	"github.com/citygate/citygate/engine/i18n"
)

//go:embed html/report.html.tmpl
var htmlTemplateText string

//go:embed html/groups.html.tmpl
var htmlGroupsTemplateText string

//go:embed html/report.css
var htmlCSS string

func init() {
	register("html", func(Options) Reporter { return htmlReporter{} })
}

// htmlTemplate is parsed once; html/template escapes every inventory
// string for the context it lands in (text, attribute, URL, CSS string),
// which is what makes an untrusted bid safe to open.
var htmlTemplate = parseHTML("report", htmlTemplateText)

// parseHTML parses a page with the shared findings template, so the
// single-inventory report and each bid of a tender lay findings out alike.
func parseHTML(name, page string) *template.Template {
	t := template.Must(template.New(name).Funcs(template.FuncMap{
		"css":       func() template.CSS { return template.CSS(htmlCSS) },
		"tenderCSS": func() template.CSS { return template.CSS(htmlTenderCSS) },
	}).Parse(page))
	return template.Must(t.Parse(htmlGroupsTemplateText))
}

// htmlReporter writes one self-contained HTML page for a committee: the
// verdict and what blocks it, a scorecard per Alliance principle, the
// findings in plain language, waivers and the evidence of passed rules.
// Inline CSS and server-side SVG only: no script, font or request leaves
// the file, so it reads the same offline, archived or printed to PDF.
type htmlReporter struct{ lang string }

func (h htmlReporter) Report(w io.Writer, r *finding.Result) error {
	c, err := i18n.Load(h.lang)
	if err != nil {
		return err
	}
	v := buildHTMLView(r, c)
	var b strings.Builder
	if err := htmlTemplate.Execute(&b, htmlPage{htmlView: v, T: c.T}); err != nil {
		return fmt.Errorf("html report: %w", err)
	}
	_, err = io.WriteString(w, htmlNeutralize(b.String()))
	return err
}

// htmlNeutralize finishes what html/template starts. It escapes markup but
// passes control characters, bidi overrides and line breaks through, so a
// bid could hide text or, in a page printed to a CI log, start a workflow
// command. Controls become visible escapes (\u202e), a line starting with
// "::" gets its first colon as a character reference, and "##[" becomes
// "##&#91;": the browser shows the same text.
func htmlNeutralize(page string) string {
	page = escapeControls(page, true)
	if !strings.Contains(page, "::") && !strings.Contains(page, "##[") {
		return page
	}
	lines := strings.Split(page, "\n")
	for i, l := range lines {
		rest := strings.TrimLeftFunc(l, unicode.IsSpace)
		if strings.HasPrefix(rest, "::") {
			l = l[:len(l)-len(rest)] + "&#58;" + rest[1:]
		}
		lines[i] = strings.ReplaceAll(l, "##[", "##&#91;")
	}
	return strings.Join(lines, "\n")
}

// htmlPage adds the UI-string lookup to the view for the template.
type htmlPage struct {
	htmlView
	T func(key string, args ...any) string
}

// htmlGroupsView is what the shared "groups" template lays out: findings
// by principle and severity, with the UI-string lookup.
type htmlGroupsView struct {
	Groups []htmlPrincipleGroup
	T      func(key string, args ...any) string
}

func (p htmlPage) GroupsView() htmlGroupsView { return htmlGroupsView{Groups: p.Groups, T: p.T} }

// PageHeaderCSS is the printed page header as a CSS string literal.
// html/template will not interpolate into an @page margin box, so the
// string is built here: letters, digits and spaces stay, every other
// character becomes a CSS hex escape, so no quote, brace or angle bracket
// from a city name can end the string or the style element.
func (p htmlPage) PageHeaderCSS() template.CSS { return cssString(p.PageHeader) }

func cssString(s string) template.CSS {
	var b strings.Builder
	b.WriteByte('"')
	for _, r := range s {
		if r == ' ' || unicode.IsLetter(r) || unicode.IsDigit(r) {
			b.WriteRune(r)
			continue
		}
		fmt.Fprintf(&b, "\\%x ", r)
	}
	b.WriteByte('"')
	return template.CSS(b.String())
}
