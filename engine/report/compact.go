package report

import (
	"fmt"
	"io"
	"strings"

	"github.com/citygate/citygate/engine/finding"
)

// compactText is text with --compact: one line per error and finding,
// "file:line:col: severity RULE-ID message [resource]", for grep, editors'
// quickfix lists and long CI logs, then the summary line. Order and
// escaping are the text format's.
func (t textReporter) compactText(w io.Writer, s Stream) error {
	c, err := catalogFor(t.lang)
	if err != nil {
		return err
	}
	r, tl := s.Head(), s.Tally()
	out := &lineWriter{w: w}
	b := &out.b
	for i := range r.Errors {
		e := &r.Errors[i]
		where := e.Inventory
		if e.File != "" {
			where = locationString(e.File, e.Line, e.Column)
		}
		msg := e.Summary
		if e.Detail != "" {
			msg += ": " + strings.Join(strings.Fields(e.Detail), " ")
		}
		fmt.Fprintf(b, "%s: %s %s\n", oneLine(where), t.paint(ansiRed, "error"), oneLine(msg))
	}
	if err := eachFileGroup(s, func(group []*finding.Finding) error {
		for _, f := range group {
			if f.Suppressed != nil && !t.opts.ShowSuppressed {
				continue
			}
			l := f.Location
			fmt.Fprintf(b, "%s: %s %s %s [%s]", oneLine(locationString(l.File, l.Start.Line, l.Start.Column)),
				t.paint(severityColor[f.Severity], oneLine(string(f.Severity))), t.paint(ansiBold, oneLine(f.RuleID)),
				oneLine(f.Message), oneLine(f.Resource.String()))
			if f.Suppressed != nil {
				b.WriteString(" " + t.paint(ansiDim, "("+suppressionLabel(c, f.Suppressed)+")"))
			}
			b.WriteString("\n")
		}
		return out.flush()
	}); err != nil {
		return err
	}
	t.writeSummary(b, r, tl, c)
	return out.close()
}
