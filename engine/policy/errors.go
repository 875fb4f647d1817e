package policy

import (
	"fmt"
	"regexp"
	"sort"
	"strings"

	"github.com/open-policy-agent/opa/v1/ast"

	"github.com/citygate/citygate/internal/didyoumean"
)

// Error is one problem with a policy, located in its file.
type Error struct {
	File    string
	Line    int
	Column  int
	Message string
	// Hint is a one-line suggestion for the fix, when there is one.
	Hint string
	// Snippet is, for a parse error, the source line and a caret line
	// under the column (snippet.go); Error prints them indented by a tab.
	Snippet []string
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
	for _, l := range e.Snippet {
		b.WriteString("\n\t")
		b.WriteString(l)
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
		out = append(out, at(e.Location, hintFor(e), "%s: %s", e.Code, compilerVars.ReplaceAllString(e.Message, "_")))
	}
	return out
}

// compilerVars are the variables the compiler rewrites `some x in` and
// wildcards to; in a message the author wrote `_` or a name there.
var compilerVars = regexp.MustCompile(`__local\d+__`)

func hintFor(e *ast.Error) string {
	switch d := e.Details.(type) {
	case *ast.RefErrInvalidDetail:
		oneOf := make([]string, len(d.OneOf))
		for i, v := range d.OneOf {
			oneOf[i] = strings.Trim(v.String(), `"`)
		}
		have, path := "", d.Ref
		if d.Pos < len(d.Ref) {
			have = strings.Trim(d.Ref[d.Pos].String(), `"`)
			path = d.Ref[:d.Pos+1]
		}
		shown := compilerVars.ReplaceAllString(path.String(), "_")
		where := "is not in the inventory schema"
		if d.Ref[0].Equal(ast.DefaultRootDocument) {
			where = "is not defined"
		}
		if best := didyoumean.Closest(have, oneOf); best != "" && len(path) > 1 {
			parent := compilerVars.ReplaceAllString(path[:len(path)-1].String(), "_")
			return fmt.Sprintf("%s %s; did you mean %s.%s?", shown, where, parent, best)
		}
		if where == "is not defined" {
			return shown + " " + where
		}
		return fmt.Sprintf("%s %s (see docs/inventory.md)", shown, where)
	}
	if e.Code == ast.ParseErr && strings.HasPrefix(e.Message, "yaml: ") {
		return "a METADATA block is YAML after \"# \": indent each key under its parent by the same spaces (two per level), and put \": \" after each key"
	}
	if e.Code == ast.ParseErr {
		return "this is not valid Rego v1: rules need `if` before a body and `contains` for sets; the mistake is here or just before"
	}
	if name, ok := strings.CutPrefix(e.Message, "undefined function "); ok {
		return builtinHint(name)
	}
	return ""
}

// builtinHint says why a function is undefined: a builtin citygate's
// capabilities leave out (and what to use instead), or a misspelt name.
func builtinHint(name string) string {
	removed := false
	for _, b := range ast.CapabilitiesForThisVersion().Builtins {
		removed = removed || b.Name == name
	}
	switch {
	case !removed:
		return "no builtin or rule has this name: check the spelling and the import of the package that defines it"
	case name == "http.send" || strings.HasPrefix(name, "net."):
		return name + " is not available: citygate rules have no network access; put what the rule needs in the inventory or in params"
	case strings.HasPrefix(name, "time."):
		return name + " is not available: rules never read the clock; compare dates with lib.as_of (data.citygate.as_of, set with --as-of)"
	case name == "opa.runtime":
		return "opa.runtime is not available: rules cannot read the environment or config; use params (params: in .citygate.yaml)"
	}
	return name + " is not available: citygate compiles rules without network, runtime and nondeterministic builtins so that results are reproducible"
}

// QueryErrors converts the errors of compiling query (citygate eval) as
// policy errors are converted, with their hints and, for a syntax error,
// the query's line and a caret; a location without a file is the query's
// own. Nil when err is not a compile error.
func QueryErrors(err error, query string) Errors {
	aerrs, ok := err.(ast.Errors)
	if !ok {
		return nil
	}
	errs := fromAST(aerrs)
	for _, e := range errs {
		if e.File == "" {
			e.File = "query"
		}
	}
	addSnippets(errs, "query", []byte(query))
	return errs
}
