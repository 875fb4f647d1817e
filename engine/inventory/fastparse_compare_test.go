package inventory

import (
	"fmt"
	"io/fs"
	"regexp"
	"sort"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/stretchr/testify/require"
)

// Helpers that hold fastParse to the usual path (Precheck, then
// hclsyntax.ParseConfig and the converter): the same views, and the same
// loaded inventory.

// requireSameAsHCL checks a file fastParse accepted: Precheck and hcl
// accept it too, and both views hold the same attributes, blocks, ranges,
// values and source-map nodes.
func requireSameAsHCL(t testing.TB, src []byte, name string, limits Limits, fast bodyView) {
	t.Helper()
	limits = limits.WithDefaults()
	require.Empty(t, Precheck(src, name, limits), "Precheck refuses what fastParse accepted")
	file, diags := hclsyntax.ParseConfig(src, name, hcl.InitialPos)
	require.Empty(t, diags, "hcl refuses what fastParse accepted")
	slow := syntaxBody{body: file.Body.(*hclsyntax.Body), conv: &converter{src: src, limits: limits}}
	if d := viewDiff(fast, slow, "body"); d != "" {
		t.Fatalf("fastParse differs from hcl at %s\nsource:\n%s", d, src)
	}
	fb := fast.(*fastBody)
	for off := 0; off <= len(src); off += max(1, len(src)/4096) {
		nav := file.Nav.(interface{ ContextString(int) string })
		require.Equal(t, nav.ContextString(off), fb.ContextString(off), "ContextString(%d)", off)
		dr := file.Nav.(interface{ ContextDefRange(int) hcl.Range })
		require.Equal(t, dr.ContextDefRange(off), fb.ContextDefRange(off), "ContextDefRange(%d)", off)
	}
}

// viewDiff describes the first difference between two bodies, "" if none.
func viewDiff(fast, slow bodyView, path string) string {
	fa, fb, _ := fast.content(nil)
	sa, sb, _ := slow.content(nil)
	if len(fa) != len(sa) || len(fb) != len(sb) {
		return fmt.Sprintf("%s: %d attributes and %d blocks, want %d and %d", path, len(fa), len(fb), len(sa), len(sb))
	}
	for i := range fa {
		f, s := fa[i], sa[i]
		p := path + "." + s.name
		if f.name != s.name || f.nameRange != s.nameRange || f.fullRange != s.fullRange || f.valueRange != s.valueRange {
			return fmt.Sprintf("%s: attribute %q %v %v %v, want %q %v %v %v", p,
				f.name, f.nameRange, f.fullRange, f.valueRange, s.name, s.nameRange, s.fullRange, s.valueRange)
		}
		fv, fn, fd := f.convert()
		sv, sn, sd := s.convert()
		if len(fd) > 0 || len(sd) > 0 {
			return fmt.Sprintf("%s: diagnostics %v and %v", p, fd, sd)
		}
		if d := valueDiff(fv, sv); d != "" {
			return p + ": " + d
		}
		if d := nodeDiff(fn, sn, p, map[[2]*Node]bool{}); d != "" {
			return d
		}
	}
	for i := range fb {
		f, s := fb[i], sb[i]
		p := fmt.Sprintf("%s.%s%q", path, s.typeName, s.labels)
		if f.typeName != s.typeName || fmt.Sprint(f.labels) != fmt.Sprint(s.labels) || f.typeRange != s.typeRange ||
			fmt.Sprint(f.labelRanges) != fmt.Sprint(s.labelRanges) || f.defRange != s.defRange || f.fullRange != s.fullRange {
			return fmt.Sprintf("%s: block %+v, want %+v", p, f, s)
		}
		if d := viewDiff(f.body, s.body, p); d != "" {
			return d
		}
	}
	return ""
}

func valueDiff(a, b ast.Value) string {
	switch {
	case a == nil && b == nil:
		return ""
	case a == nil || b == nil:
		return fmt.Sprintf("value %v, want %v", a, b)
	case a.Compare(b) != 0 || a.String() != b.String():
		return fmt.Sprintf("value %s, want %s", a, b)
	}
	return ""
}

// nodeDiff compares source-map trees deeply, ranges included. A group
// node is reachable under two names, so pairs already compared are skipped.
func nodeDiff(a, b *Node, path string, seen map[[2]*Node]bool) string {
	if a == nil || b == nil {
		if a != b {
			return fmt.Sprintf("%s: node %v, want %v", path, a, b)
		}
		return ""
	}
	if seen[[2]*Node{a, b}] {
		return ""
	}
	seen[[2]*Node{a, b}] = true
	if a.kind != b.kind || a.Range != b.Range || a.Header != b.Header || a.Value != b.Value ||
		a.typeName != b.typeName || a.label != b.label || a.single != b.single {
		return fmt.Sprintf("%s: node kind %d range %v header %v value %v %q %q %t, want kind %d range %v header %v value %v %q %q %t",
			path, a.kind, a.Range, a.Header, a.Value, a.typeName, a.label, a.single,
			b.kind, b.Range, b.Header, b.Value, b.typeName, b.label, b.single)
	}
	if len(a.children) != len(b.children) || len(a.items) != len(b.items) {
		return fmt.Sprintf("%s: %d children and %d items, want %d and %d", path, len(a.children), len(a.items), len(b.children), len(b.items))
	}
	for k, cb := range b.children {
		if d := nodeDiff(a.children[k], cb, path+"."+k, seen); d != "" {
			return d
		}
	}
	for i := range b.items {
		if d := nodeDiff(a.items[i], b.items[i], fmt.Sprintf("%s[%d]", path, i), seen); d != "" {
			return d
		}
	}
	return ""
}

// loadBoth loads an inventory with the fast path and with the slow path
// only, and requires the same results.
func loadBoth(t testing.TB, fsys fs.FS, root string, limits Limits) *Inventory {
	t.Helper()
	fast, fd := Load(fsys, root, Options{Limits: limits})
	slow, sd := Load(fsys, root, Options{Limits: limits, slowPath: true})
	require.Equal(t, sortedDiagList(sd), sortedDiagList(fd), "diagnostics")
	subjects := func(diags hcl.Diagnostics) (out []string) {
		for _, d := range diagList(diags) {
			out = append(out, d.Subject)
		}
		return out
	}
	require.Equal(t, subjects(sd), subjects(fd), "diagnostics' order")
	if !additionalProps.MatchString(fmt.Sprint(diagList(sd))) {
		// As printed, with snippets and the block each is in (Nav).
		require.Equal(t, renderDiags(t, slow, sd), renderDiags(t, fast, fd), "printed diagnostics")
	}
	if d := valueDiff(fast.Doc, slow.Doc); d != "" {
		t.Fatalf("document: %s", d)
	}
	if d := nodeDiff(fast.Source.root, slow.Source.root, "root", map[[2]*Node]bool{}); d != "" {
		t.Fatalf("source map: %s", d)
	}
	require.Equal(t, slow.Resources, fast.Resources)
	require.Equal(t, slow.Systems, fast.Systems)
	require.Equal(t, slow.Name, fast.Name)
	require.Equal(t, len(slow.Files), len(fast.Files))
	for name, sf := range slow.Files {
		ff := fast.Files[name]
		require.NotNil(t, ff, name)
		require.Equal(t, sf.Bytes, ff.Bytes, name)
	}
	return fast
}

// loadSrcBoth is loadBoth of one native-syntax file.
func loadSrcBoth(t testing.TB, src []byte, limits Limits) *Inventory {
	t.Helper()
	return loadBoth(t, fstestFS(string(src)), "inv.hcl", limits)
}

func fstestFS(src string) fstest.MapFS {
	return fstest.MapFS{"inv.hcl": {Data: []byte(src)}}
}

// slowReports reports whether the usual path finds an error in a file:
// Precheck, hcl, or the converter on any attribute.
func slowReports(src []byte, limits Limits) bool {
	limits = limits.WithDefaults()
	if Precheck(src, "inv.hcl", limits).HasErrors() {
		return true
	}
	file, diags := hclsyntax.ParseConfig(src, "inv.hcl", hcl.InitialPos)
	if diags.HasErrors() {
		return true
	}
	var walk func(b bodyView) bool
	walk = func(b bodyView) bool {
		attrs, blocks, _ := b.content(nil)
		for _, a := range attrs {
			if _, _, d := a.convert(); d.HasErrors() {
				return true
			}
		}
		for _, blk := range blocks {
			if walk(blk.body) {
				return true
			}
		}
		return false
	}
	return walk(syntaxBody{body: file.Body.(*hclsyntax.Body), conv: &converter{src: src, limits: limits}})
}

// tookFastPath reports whether Load read a file with fastParse.
func tookFastPath(inv *Inventory, name string) bool {
	f := inv.Files[name]
	return f != nil && f.Fast
}

func renderDiags(t testing.TB, inv *Inventory, diags hcl.Diagnostics) string {
	var b strings.Builder
	require.NoError(t, hcl.NewDiagnosticTextWriter(&b, inv.HCLFiles(), 100, false).WriteDiagnostics(diags))
	return b.String()
}

type diagEntry struct {
	Severity         hcl.DiagnosticSeverity
	Summary, Detail  string
	Subject, Context string
}

func diagList(diags hcl.Diagnostics) []diagEntry {
	rng := func(r *hcl.Range) string {
		if r == nil {
			return "<nil>"
		}
		return fmt.Sprintf("%s:%d,%d,%d-%d,%d,%d", r.Filename, r.Start.Line, r.Start.Column, r.Start.Byte, r.End.Line, r.End.Column, r.End.Byte)
	}
	out := make([]diagEntry, len(diags))
	for i, d := range diags {
		out[i] = diagEntry{d.Severity, d.Summary, d.Detail, rng(d.Subject), rng(d.Context)}
	}
	return out
}

// additionalProps is the list in a schema message that jsonschema writes
// in Go map order: validate's messages about unknown object keys vary from
// run to run, on either path.
var additionalProps = regexp.MustCompile(`additional propert(?:y|ies) (.*) not allowed`)

// sortedDiagList is diagList with those lists sorted, in a fixed order:
// the order of diagnostics at one position follows the schema validator's
// map iteration too.
func sortedDiagList(diags hcl.Diagnostics) []diagEntry {
	out := diagList(diags)
	for i := range out {
		out[i].Detail = additionalProps.ReplaceAllStringFunc(out[i].Detail, func(m string) string {
			sub := additionalProps.FindStringSubmatch(m)
			names := strings.Split(sub[1], ", ")
			sort.Strings(names)
			return strings.Replace(m, sub[1], strings.Join(names, ", "), 1)
		})
	}
	sort.SliceStable(out, func(i, j int) bool {
		a, b := out[i], out[j]
		if a.Subject != b.Subject {
			return a.Subject < b.Subject
		}
		if a.Summary != b.Summary {
			return a.Summary < b.Summary
		}
		return a.Detail < b.Detail
	})
	return out
}
