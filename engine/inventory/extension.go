package inventory

import (
	"fmt"
	"sort"

	"github.com/open-policy-agent/opa/v1/ast"

	"github.com/citygate/citygate/internal/didyoumean"
)

// keyedBlock reads one block of a keyed type, extension "NAME" { ... }:
// the label selects the body's spec (the schema fragment of the pack that
// declares NAME), and the block becomes the property NAME of the
// enclosing object's extensions object. spec is the enclosing block's.
func (w *walker) keyedBlock(b blockView, cs, spec *blockSpec, st *objectState) {
	label := b.labels[0]
	body := cs.keyed[label]
	if body == nil {
		w.errorf(b.labelRanges[0], fmt.Sprintf("Unknown %s", b.typeName), "%s", unknownKeyed(b.typeName, label, cs, spec))
		return
	}
	g := st.groups[b.typeName]
	if g == nil {
		g = &group{spec: cs, node: &Node{kind: groupNode, keyed: true}}
		st.groups[b.typeName] = g
		st.node.setChild(b.typeName, g.node)
		st.node.setChild(cs.prop, g.node)
	}
	if prev := g.node.child(label); prev != nil {
		w.errorf(b.labelRanges[0], fmt.Sprintf("Duplicate %s block", b.typeName),
			"%s %q is already declared at %s; write all its attributes in one block.", b.typeName, label, position(prev.Header))
		return
	}
	node := &Node{kind: blockNode, Range: b.fullRange, Header: b.defRange, typeName: b.typeName, label: label}
	child := newObjectState(node)
	w.body(b.body, body, child)
	w.finish(child)
	g.node.setChild(label, node)
	g.node.items = append(g.node.items, node)
	g.terms = append(g.terms, ast.NewTerm(child.obj))
	g.labels = append(g.labels, label)
}

// unknownKeyed explains a label no loaded pack declares, with the names
// that are declared for this block type.
func unknownKeyed(typeName, label string, cs, spec *blockSpec) string {
	names := make([]string, 0, len(cs.keyed))
	for n := range cs.keyed {
		names = append(names, n)
	}
	sort.Strings(names)
	msg := fmt.Sprintf("No loaded policy pack declares %s %s %q %s.", article(typeName), typeName, label, where(spec))
	if len(names) == 0 {
		return msg + " Load the pack that defines it with --policy DIR (or policy: in .citygate.yaml); its citygate-pack.yaml lists its extensions."
	}
	if len(label) <= maxSuggestLength {
		if best := didyoumean.Closest(label, names); best != "" {
			return msg + fmt.Sprintf(" Did you mean %q?", best)
		}
	}
	return msg + fmt.Sprintf(" Declared for %s blocks: %s.", spec.typeName, quoteAll(names))
}

func quoteAll(names []string) string {
	out := ""
	for i, n := range names {
		if i > 0 {
			out += ", "
		}
		out += fmt.Sprintf("%q", n)
	}
	return out
}
