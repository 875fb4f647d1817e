package inventory

import (
	"fmt"

	"github.com/hashicorp/hcl/v2"
)

// ErrorLines are the errors among diags, one line each with its location
// (file:line:column: summary: detail), for callers that report load
// problems as plain text (citygate fmt, fixture runs).
func ErrorLines(diags hcl.Diagnostics) []string {
	var out []string
	for _, d := range diags {
		if d.Severity != hcl.DiagError {
			continue
		}
		s := d.Summary
		if d.Detail != "" {
			s += ": " + d.Detail
		}
		if d.Subject != nil {
			s = fmt.Sprintf("%s:%d:%d: %s", d.Subject.Filename, d.Subject.Start.Line, d.Subject.Start.Column, s)
		}
		out = append(out, s)
	}
	return out
}
