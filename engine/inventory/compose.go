package inventory

import (
	"github.com/open-policy-agent/opa/v1/ast"
)

// Part is the top-level blocks of one kind taken from a loaded document
// into a composed inventory. Keep, when set, chooses which; Rewrite, when
// set, replaces a block's document object (its source-map node still
// points where the block was written, so findings stay located).
type Part struct {
	From    *Inventory
	Kind    string // the HCL block type: city, system, zone, excavation, waiver
	Keep    func(obj ast.Object) bool
	Rewrite func(obj ast.Object) ast.Object
}

// Compose builds one inventory from blocks of others, each still located
// in its own files: a bid evaluated in its city's context. The parts must
// have loaded (Doc not nil); blocks of a kind the inventory language does
// not have are skipped.
func Compose(path, name string, parts ...Part) *Inventory {
	inv := &Inventory{Path: path, Name: name, Files: map[string]*SourceFile{}}
	root := &Node{kind: blockNode}
	doc := ast.NewObject()
	groups := map[string]*Node{}
	arrays := map[string][]*ast.Term{}
	var order []string
	for _, p := range parts {
		spec := topLevel().blocks[p.Kind]
		from, ok := p.From.Doc.(ast.Object)
		if spec == nil || !ok {
			continue
		}
		for n, f := range p.From.Files {
			inv.Files[n] = f
		}
		t := from.Get(ast.StringTerm(spec.prop))
		if t == nil {
			continue
		}
		terms := []*ast.Term{t}
		if arr, isArr := t.Value.(*ast.Array); isArr {
			terms = terms[:0]
			arr.Foreach(func(e *ast.Term) { terms = append(terms, e) })
		}
		nodes := p.From.Source.Blocks(p.Kind)
		g := groups[p.Kind]
		if g == nil {
			g = &Node{kind: groupNode, single: !spec.repeated}
			groups[p.Kind] = g
			root.setChild(p.Kind, g)
			root.setChild(spec.prop, g)
			order = append(order, p.Kind)
		}
		for i, term := range terms {
			obj, isObj := term.Value.(ast.Object)
			if !isObj || i >= len(nodes) || (p.Keep != nil && !p.Keep(obj)) {
				continue
			}
			if p.Rewrite != nil {
				obj = p.Rewrite(obj)
			}
			n := nodes[i]
			if g.child(n.label) == nil {
				g.setChild(n.label, n)
			}
			g.items = append(g.items, n)
			arrays[p.Kind] = append(arrays[p.Kind], ast.NewTerm(obj))
		}
	}
	for _, kind := range order {
		spec := topLevel().blocks[kind]
		terms := arrays[kind]
		switch {
		case spec.repeated:
			doc.Insert(ast.StringTerm(spec.prop), ast.ArrayTerm(terms...))
		case len(terms) > 0:
			doc.Insert(ast.StringTerm(spec.prop), terms[0])
		}
	}
	inv.Doc = doc
	inv.Source = &SourceMap{root: root}
	inv.Resources, inv.Systems = resources(root)
	return inv
}

// Label is a labelled block's label ("cctv-north"), empty otherwise.
func (n *Node) Label() string { return n.label }
