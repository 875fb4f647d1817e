package report

import (
	_ "embed"
	"fmt"
	"html/template"
	"io"

	"github.com/citygate/citygate/engine/finding"
	"github.com/citygate/citygate/engine/i18n"
)

//go:embed html/report.html.tmpl
var htmlTemplateText string

//go:embed html/report.css
var htmlCSS string

func init() {
	register("html", func(Options) Reporter { return htmlReporter{} })
}

// htmlTemplate is parsed once; html/template escapes every inventory
// string for the context it lands in (text, attribute, URL, CSS string),
// which is what makes an untrusted bid safe to open.
var htmlTemplate = template.Must(template.New("report").Funcs(template.FuncMap{
	"css": func() template.CSS { return template.CSS(htmlCSS) },
}).Parse(htmlTemplateText))

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
	if err := htmlTemplate.Execute(w, htmlPage{htmlView: v, T: c.T}); err != nil {
		return fmt.Errorf("html report: %w", err)
	}
	return nil
}

// htmlPage adds the UI-string lookup to the view for the template.
type htmlPage struct {
	htmlView
	T func(key string, args ...any) string
}
