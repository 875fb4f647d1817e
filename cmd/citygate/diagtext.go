package main

import (
	"bytes"
	"fmt"
	"io"
	"maps"
	"sort"
	"unicode/utf8"

	"github.com/hashicorp/hcl/v2"
	"github.com/mitchellh/go-wordwrap"

	"github.com/citygate/citygate/engine/finding"
	"github.com/citygate/citygate/engine/inventory"
	"github.com/citygate/citygate/engine/report"
)

// Diagnostics are printed the way hcl's DiagnosticTextWriter (and
// Terraform) print them, but at a cost bounded per diagnostic: hcl's writer
// scans the whole file for every diagnostic and prints every line the
// range touches in full, so 1,000 diagnostics on a 1 MB line of a hostile
// file printed 4 GB over three minutes. Here each file's lines are indexed
// once, long lines are cut around the problem, and long ranges show their
// first lines only.
const (
	// snippetWidth is the most bytes of one source line shown.
	snippetWidth = 1000
	// snippetLines is the most source lines shown for one diagnostic.
	snippetLines = 10
	// detailWidth is where details are wrapped, as hcl's writer does.
	detailWidth = 100
)

// diagPrinter writes diagnostics with snippets from files.
type diagPrinter struct {
	w     io.Writer
	files map[string]*hcl.File
	lines map[string][]int // line start offsets per file, built on first use
}

func newDiagPrinter(w io.Writer, files map[string]*hcl.File) *diagPrinter {
	return &diagPrinter{w: w, files: files, lines: map[string][]int{}}
}

func (p *diagPrinter) writeAll(diags hcl.Diagnostics) {
	for _, d := range diags {
		p.write(d)
	}
}

func (p *diagPrinter) write(d *hcl.Diagnostic) {
	severity := "Error"
	if d.Severity == hcl.DiagWarning {
		severity = "Warning"
	}
	fmt.Fprintf(p.w, "%s: %s\n\n", severity, d.Summary)
	if d.Subject != nil {
		p.snippet(d)
	}
	if d.Detail != "" {
		fmt.Fprintf(p.w, "%s\n\n", wordwrap.WrapString(d.Detail, detailWidth))
	}
}

func (p *diagPrinter) snippet(d *hcl.Diagnostic) {
	name := d.Subject.Filename
	file := p.files[name]
	if file == nil || file.Bytes == nil {
		fmt.Fprintf(p.w, "  on %s line %d:\n  (source code not available)\n\n", name, d.Subject.Start.Line)
		return
	}
	where := ""
	if s := contextString(file, d.Subject.Start.Byte); s != "" {
		where = ", in " + s
	}
	fmt.Fprintf(p.w, "  on %s line %d%s:\n", name, d.Subject.Start.Line, where)

	// The lines shown are those hcl's writer shows: every non-empty line
	// that overlaps the subject and context, an empty range widened to one
	// byte.
	rng := *d.Subject
	if d.Context != nil {
		rng = hcl.RangeOver(rng, *d.Context)
	}
	s, e := rng.Start.Byte, rng.End.Byte
	if s == e {
		e++
	}
	src := file.Bytes
	starts := p.lineStarts(name, src)
	shown := 0
	for i := max(lineOf(starts, s), 0); i >= 0 && i <= lineOf(starts, e) && i < len(starts); i++ {
		ls, le := starts[i], len(src)
		if i+1 < len(starts) {
			le = starts[i+1]
		}
		line := bytes.TrimSuffix(bytes.TrimSuffix(src[ls:le], []byte("\n")), []byte("\r"))
		le = ls + len(line)
		in := func(off, from, to int) bool { return off >= from && off < to }
		if ls == le || !(in(s, ls, le) || in(e, ls, le) || in(ls, s, e) || in(le, s, e)) {
			continue
		}
		if shown == snippetLines {
			fmt.Fprintf(p.w, "%4s  (more lines not shown)\n", "...")
			break
		}
		fmt.Fprintf(p.w, "%4d: %s\n", i+1, cut(line, s-ls))
		shown++
	}
	fmt.Fprintln(p.w)
}

// lineStarts indexes the byte offset where each line of a file begins.
func (p *diagPrinter) lineStarts(name string, src []byte) []int {
	if s, ok := p.lines[name]; ok {
		return s
	}
	s := []int{0}
	for i, c := range src {
		if c == '\n' && i+1 < len(src) {
			s = append(s, i+1)
		}
	}
	p.lines[name] = s
	return s
}

// lineOf is the 0-based line holding byte offset b (-1 if none does).
func lineOf(starts []int, b int) int {
	if b < 0 || len(starts) == 0 {
		return -1
	}
	return sort.Search(len(starts), func(i int) bool { return starts[i] > b }) - 1
}

// cut shortens a line longer than snippetWidth to a window around offset
// at (where the problem starts on it), marking what was left out.
func cut(line []byte, at int) []byte {
	if len(line) <= snippetWidth {
		return line
	}
	from := min(max(at-snippetWidth/2, 0), len(line)-snippetWidth)
	to := from + snippetWidth
	for from > 0 && !utf8.RuneStart(line[from]) {
		from--
	}
	for to < len(line) && !utf8.RuneStart(line[to]) {
		to++
	}
	out := make([]byte, 0, to-from+8)
	if from > 0 {
		out = append(out, "..."...)
	}
	out = append(out, line[from:to]...)
	if to < len(line) {
		out = append(out, "..."...)
	}
	return out
}

// contextString names the block a position is in, as hcl's writer does
// (", in system "cctv"").
func contextString(file *hcl.File, offset int) string {
	type contextStringer interface {
		ContextString(offset int) string
	}
	if cs, ok := file.Nav.(contextStringer); ok {
		return cs.ContextString(offset)
	}
	return ""
}

// errorPrinter prints a run's errors the way validate prints diagnostics,
// with the source line and the block they are in: the inventories that
// have errors are loaded again (only those) for their files.
func errorPrinter(limits inventory.Limits) func(w io.Writer, errs []finding.Error) {
	return func(w io.Writer, errs []finding.Error) {
		files := map[string]*hcl.File{}
		loaded := map[string]bool{}
		diags := make(hcl.Diagnostics, 0, len(errs))
		for _, e := range errs {
			if e.Inventory != "" && !loaded[e.Inventory] {
				loaded[e.Inventory] = true
				inv, _ := inventory.Load(inventory.OS{}, e.Inventory, inventory.Options{Limits: limits})
				maps.Copy(files, inv.HCLFiles())
			}
			diags = append(diags, diagnosticOf(e, files[e.File]))
		}
		var buf bytes.Buffer
		newDiagPrinter(&buf, files).writeAll(diags)
		io.WriteString(w, report.SafeText(buf.String()))
	}
}

// diagnosticOf turns a reported error back into the diagnostic it came
// from; without a line it has no subject, and is printed without a snippet.
func diagnosticOf(e finding.Error, file *hcl.File) *hcl.Diagnostic {
	d := &hcl.Diagnostic{Severity: hcl.DiagError, Summary: e.Summary, Detail: e.Detail}
	if e.File == "" || e.Line <= 0 {
		if e.Detail == "" && e.File != "" {
			d.Detail = "in " + e.File
		}
		return d
	}
	rng := hcl.Range{Filename: e.File,
		Start: hcl.Pos{Line: e.Line, Column: e.Column},
		End:   hcl.Pos{Line: max(e.EndLine, e.Line), Column: max(e.EndColumn, e.Column)}}
	if file != nil {
		rng.Start.Byte = inventory.Offset(file.Bytes, rng.Start.Line, rng.Start.Column)
		rng.End.Byte = inventory.Offset(file.Bytes, rng.End.Line, rng.End.Column)
	}
	d.Subject = &rng
	return d
}
