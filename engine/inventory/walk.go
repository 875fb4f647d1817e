package inventory

import (
	"fmt"
	"sort"
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/open-policy-agent/opa/v1/ast"

	"github.com/citygate/citygate/internal/didyoumean"
)

// objectState is a document object under construction and its node.
type objectState struct {
	obj    ast.Object
	node   *Node
	groups map[string]*group
}

// group collects the labelled blocks of one type: they become an array of
// objects (or one object for a block that appears at most once, like city).
type group struct {
	spec  *blockSpec
	node  *Node
	terms []*ast.Term
	// labels are the terms' labels, for a keyed group (extension blocks).
	labels []string
}

func newObjectState(node *Node) *objectState {
	return &objectState{obj: ast.NewObject(), node: node, groups: map[string]*group{}}
}

// walker builds the document and source map of one inventory, collecting
// every diagnostic instead of stopping at the first.
type walker struct {
	diags hcl.Diagnostics
}

func (w *walker) body(bv bodyView, spec *blockSpec, st *objectState) {
	attrs, blocks, diags := bv.content(spec)
	w.diags = append(w.diags, diags...)
	for _, a := range attrs {
		w.attribute(a, spec, st)
	}
	for _, b := range blocks {
		w.block(b, spec, st)
	}
}

func (w *walker) attribute(a attrView, spec *blockSpec, st *objectState) {
	switch {
	case spec.attrs[a.name]:
		v, n, diags := a.convert()
		w.diags = append(w.diags, diags...)
		n.kind, n.Range, n.Header, n.Value = attrNode, a.fullRange, a.nameRange, a.valueRange
		st.node.setChild(a.name, n)
		if v != nil {
			if spec.upper[a.name] {
				v = upperCodes(v)
			}
			st.obj.Insert(ast.StringTerm(a.name), ast.NewTerm(v))
		}
	case spec.blocks[a.name] != nil:
		w.errorf(a.nameRange, "Unsupported argument",
			"%s is a block, not an argument: write %s without the equals sign.", a.name, blockExample(spec.blocks[a.name]))
	case spec.label != "" && a.name == spec.label:
		w.errorf(a.nameRange, "Unsupported argument",
			"The %s of %s %s block is its label: write %s \"<%s>\" { ... }.", a.name, article(spec.typeName), spec.typeName, spec.typeName, a.name)
	default:
		w.errorf(a.nameRange, "Unsupported argument", "An argument named %q is not expected %s.%s",
			a.name, where(spec), suggestion(a.name, spec))
	}
}

func (w *walker) block(b blockView, spec *blockSpec, st *objectState) {
	cs := spec.blocks[b.typeName]
	if cs == nil {
		if spec.attrs[b.typeName] {
			w.errorf(b.typeRange, "Unsupported block type",
				"%s is an argument, not a block: write %s = <value>.", b.typeName, b.typeName)
			return
		}
		w.errorf(b.typeRange, "Unsupported block type", "Blocks of type %q are not expected %s.%s",
			b.typeName, where(spec), suggestion(b.typeName, spec))
		return
	}
	want := 0
	if cs.label != "" {
		want = 1
	}
	switch {
	case len(b.labels) < want:
		w.errorf(b.defRange, "Missing label", "%s %s block needs one label, its %s: %s.", capitalized(article(b.typeName)), b.typeName, cs.label, blockExample(cs))
		return
	case len(b.labels) > want:
		w.errorf(b.labelRanges[want], "Extraneous label", "%s %s block takes %s: %s.", capitalized(article(b.typeName)), b.typeName, labelCount(want), blockExample(cs))
		return
	}

	if cs.keyed != nil {
		w.keyedBlock(b, cs, spec, st)
		return
	}

	node := &Node{kind: blockNode, Range: b.fullRange, Header: b.defRange}
	child := newObjectState(node)
	if want == 0 {
		if prev := st.node.child(b.typeName); prev != nil {
			w.errorf(b.defRange, "Duplicate block", "Only one %s block is allowed %s; the first is at %s.", b.typeName, where(spec), position(prev.Header))
			return
		}
		st.node.setChild(cs.prop, node)
		w.body(b.body, cs, child)
		w.finish(child)
		st.obj.Insert(ast.StringTerm(cs.prop), ast.NewTerm(child.obj))
		return
	}

	label := b.labels[0]
	g := st.groups[b.typeName]
	if g == nil {
		g = &group{spec: cs, node: &Node{kind: groupNode, single: !cs.repeated}}
		st.groups[b.typeName] = g
		st.node.setChild(b.typeName, g.node)
		st.node.setChild(cs.prop, g.node)
	}
	if !cs.repeated && len(g.node.items) > 0 {
		first := g.node.items[0]
		w.errorf(b.defRange, fmt.Sprintf("More than one %s block", b.typeName),
			"An inventory holds at most one %s; %q is already declared at %s. Check each city folder as its own inventory: citygate check --each cities/ (or inventories: [cities/*] in .citygate.yaml).",
			b.typeName, first.label, position(first.Header))
		return
	}
	if prev := g.node.child(label); prev != nil && !cs.repeatLabel {
		w.errorf(b.labelRanges[0], fmt.Sprintf("Duplicate %s %s", b.typeName, cs.label),
			"%s %q is already declared at %s; each %s needs its own %s.", b.typeName, label, position(prev.Header), b.typeName, cs.label)
		return
	}
	node.typeName, node.label = b.typeName, label
	labelNode := &Node{kind: attrNode, Range: b.labelRanges[0], Header: b.labelRanges[0], Value: b.labelRanges[0]}
	node.setChild(cs.label, labelNode)
	child.obj.Insert(ast.StringTerm(cs.label), ast.StringTerm(label))
	w.body(b.body, cs, child)
	w.finish(child)
	if g.node.child(label) == nil {
		g.node.setChild(label, node)
	}
	g.node.items = append(g.node.items, node)
	g.terms = append(g.terms, ast.NewTerm(child.obj))
}

// finish inserts the collected groups into their object, in a fixed order.
func (w *walker) finish(st *objectState) {
	names := make([]string, 0, len(st.groups))
	for n := range st.groups {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		g := st.groups[n]
		if g.spec.keyed != nil {
			obj := ast.NewObject()
			for i, t := range g.terms {
				obj.Insert(ast.StringTerm(g.labels[i]), t)
			}
			st.obj.Insert(ast.StringTerm(g.spec.prop), ast.NewTerm(obj))
			continue
		}
		if g.spec.repeated {
			st.obj.Insert(ast.StringTerm(g.spec.prop), ast.ArrayTerm(g.terms...))
		} else if len(g.terms) > 0 {
			st.obj.Insert(ast.StringTerm(g.spec.prop), g.terms[0])
		}
	}
}

func (w *walker) errorf(rng hcl.Range, summary, format string, args ...any) {
	w.diags = append(w.diags, &hcl.Diagnostic{
		Severity: hcl.DiagError, Summary: summary, Detail: fmt.Sprintf(format, args...), Subject: rng.Ptr(),
	})
}

func where(spec *blockSpec) string {
	if spec.typeName == "" {
		return spec.where
	}
	return "in " + article(spec.typeName) + " " + spec.typeName + " block"
}

// maxSuggestLength bounds the names "did you mean" compares: edit distance
// is quadratic, and no name that long is a typo of a short one.
const maxSuggestLength = 100

func suggestion(name string, spec *blockSpec) string {
	if len(name) > maxSuggestLength {
		return ""
	}
	if best := didyoumean.Closest(name, spec.names()); best != "" {
		return fmt.Sprintf(" Did you mean %q?", best)
	}
	return ""
}

func blockExample(s *blockSpec) string {
	if s.label == "" {
		return s.typeName + " { ... }"
	}
	return fmt.Sprintf("%s \"<%s>\" { ... }", s.typeName, s.label)
}

func labelCount(n int) string {
	if n == 0 {
		return "no label"
	}
	return "exactly one label"
}

func position(r hcl.Range) string {
	return fmt.Sprintf("%s:%d,%d", r.Filename, r.Start.Line, r.Start.Column)
}

// capitalized is "An" for "an".
func capitalized(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}
