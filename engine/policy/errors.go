package policy

import (
	"fmt"
	"sort"
	"strings"

	"github.com/open-policy-agent/opa/v1/ast"

	"github.com/citygate/citygate/engine/didyoumean"
)

// Error is one problem with a policy, located in its file.
type Error struct {
	File    string
	Line    int
	Column  int
	Message string
	// Hint is a one-line suggestion for the fix, when there is one.
	Hint string
}

func (e *Error) Error() string {
	var b strings.Builder
	if e.File != "" {
		b.WriteString(e.File)
		if e.Line > 0 {
			fmt.Fprintf(&b, ":%d", e.Line)
			if e.Column > 0 {
				fmt.Fprintf(&b, ":%d", e.Column)
			}
		}
		b.WriteString(": ")
	}
	b.WriteString(e.Message)
	if e.Hint != "" {
		b.WriteString(" (hint: ")
		b.WriteString(e.Hint)
		b.WriteString(")")
	}
	return b.String()
}

// Errors is every problem found while loading, in file and line order.
type Errors []*Error

func (es Errors) Error() string {
	lines := make([]string, len(es))
	for i, e := range es {
		lines[i] = e.Error()
	}
	return strings.Join(lines, "\n")
}

func (es Errors) sort() {
	sort.SliceStable(es, func(i, j int) bool {
		if es[i].File != es[j].File {
			return es[i].File < es[j].File
		}
		if es[i].Line != es[j].Line {
			return es[i].Line < es[j].Line
		}
		return es[i].Column < es[j].Column
	})
}

// at builds an Error at an OPA location (which may be nil).
func at(loc *ast.Location, hint, format string, args ...any) *Error {
	e := &Error{Message: fmt.Sprintf(format, args...), Hint: hint}
	if loc != nil {
		e.File, e.Line, e.Column = loc.File, loc.Row, loc.Col
	}
	return e
}

// fromAST converts OPA parse and compile errors, adding a fix hint for the
// classes policy authors hit most: schema typos and forbidden builtins.
func fromAST(errs ast.Errors) Errors {
	out := make(Errors, 0, len(errs))
	for _, e := range errs {
		out = append(out, at(e.Location, hintFor(e), "%s: %s", e.Code, e.Message))
	}
	return out
}

func hintFor(e *ast.Error) string {
	switch d := e.Details.(type) {
	case *ast.RefErrInvalidDetail:
		oneOf := make([]string, len(d.OneOf))
		for i, v := range d.OneOf {
			oneOf[i] = strings.Trim(v.String(), `"`)
		}
		have := ""
		if d.Pos < len(d.Ref) {
			have = strings.Trim(d.Ref[d.Pos].String(), `"`)
		}
		if best := didyoumean.Closest(have, oneOf); best != "" {
			return fmt.Sprintf("%s is not in the inventory schema; did you mean %q?", d.Ref, best)
		}
		return fmt.Sprintf("%s is not in the inventory schema (see docs/inventory.md)", d.Ref)
	}
	if strings.Contains(e.Message, "undefined function") {
		return "citygate compiles policies without network, runtime and nondeterministic builtins (http.send, net.*, opa.runtime, time.now_ns, rand.*); use data.citygate.as_of for dates"
	}
	return ""
}
