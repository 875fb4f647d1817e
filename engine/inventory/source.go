package inventory

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/hashicorp/hcl/v2"
)

// nodeKind says what a source-map node stands for.
type nodeKind uint8

const (
	blockNode nodeKind = iota
	// groupNode holds the labelled blocks of one type, by label and in
	// document order; it has no range of its own.
	groupNode
	attrNode
	// valueNode is an element of a tuple or an item of an object value.
	valueNode
)

// Node is one entry of the source map.
type Node struct {
	kind nodeKind
	// Range is the whole block, attribute ("name = value") or value.
	Range hcl.Range
	// Header is a block's type and labels, or an attribute's name: where
	// errors about the thing itself point.
	Header hcl.Range
	// Value is an attribute's value expression.
	Value hcl.Range
	// children are attributes and blocks by HCL name, a group's blocks by
	// label, an object value's items by key.
	children map[string]*Node
	// items are a group's blocks or a tuple's elements, in order.
	items []*Node
	// typeName and label are a labelled block's type and label.
	typeName string
	label    string
	// single marks the group of a block that appears at most once (city),
	// which the document holds as an object rather than an array.
	single bool
	// keyed marks the group of a keyed block type (extension "NAME"),
	// which the document holds as an object by label.
	keyed bool
}

func (n *Node) child(name string) *Node {
	if n == nil || n.children == nil {
		return nil
	}
	return n.children[name]
}

func (n *Node) setChild(name string, c *Node) {
	if n.children == nil {
		n.children = map[string]*Node{}
	}
	n.children[name] = c
}

// SourceMap locates resources and fields of one inventory in its files.
type SourceMap struct {
	root *Node
}

// Resource returns the block of a resource: kind is the block type (city,
// system, zone, excavation, waiver), id its label.
func (m *SourceMap) Resource(kind, id string) (*Node, bool) {
	g := m.root.child(kind)
	if g == nil {
		return nil, false
	}
	n := g.child(id)
	return n, n != nil
}

// Blocks returns the blocks of one top-level kind in document order, which
// is also their order in the document's array.
func (m *SourceMap) Blocks(kind string) []*Node {
	if g := m.root.child(kind); g != nil {
		return g.items
	}
	return nil
}

// Field returns a child attribute or block of a block by name.
func (n *Node) Field(name string) (*Node, bool) {
	c := n.child(name)
	return c, c != nil
}

// Element returns the i-th element of a tuple value.
func (n *Node) Element(i int) (*Node, bool) {
	if i < 0 || i >= len(n.items) {
		return nil, false
	}
	return n.items[i], true
}

// Locate resolves a field path of a resource ("auth.mfa_privileged",
// "assessment.pia.date", "data.shared_with.0.agreement") to a range: the
// attribute when it exists, otherwise the header of the nearest enclosing
// block. exact reports whether the field itself was found.
func (m *SourceMap) Locate(kind, id, field string) (r hcl.Range, exact bool, ok bool) {
	n, found := m.Resource(kind, id)
	if !found {
		return hcl.Range{}, false, false
	}
	if field == "" {
		return n.Header, true, true
	}
	best := n
	segs := strings.Split(field, ".")
	cur := n
	for i := 0; i < len(segs); {
		next, used := step(cur, segs[i:])
		if next == nil {
			return rangeOf(best), false, true
		}
		cur = next
		i += used
		if cur.kind == blockNode || cur.kind == attrNode {
			best = cur
		}
	}
	if cur.kind == groupNode {
		return rangeOf(best), false, true
	}
	return rangeOf(cur), true, true
}

// step descends one level: a child by name, a group member by label
// (labels may contain dots, so the longest matching run of segments wins),
// or a tuple element by index.
func step(n *Node, segs []string) (*Node, int) {
	if n.kind == groupNode {
		for k := len(segs); k >= 1; k-- {
			if c := n.child(strings.Join(segs[:k], ".")); c != nil {
				return c, k
			}
		}
		return nil, 0
	}
	if c := n.child(segs[0]); c != nil {
		return c, 1
	}
	if i, err := strconv.Atoi(segs[0]); err == nil && i >= 0 && i < len(n.items) {
		return n.items[i], 1
	}
	return nil, 0
}

// rangeOf is where a finding on a node points: a block's header line, an
// attribute's whole "name = value".
func rangeOf(n *Node) hcl.Range {
	if n.kind == blockNode {
		return n.Header
	}
	return n.Range
}

// pointer resolves a JSON pointer into the document (as schema validation
// errors report them) to the deepest node on its path, and renders the
// path as users write it: system "cctv".data.retention_days.
func (m *SourceMap) pointer(segs []string) (*Node, string) {
	cur := m.root
	var path []string
	for _, s := range segs {
		if cur.kind == groupNode && cur.single && len(cur.items) > 0 {
			cur = cur.items[0]
		}
		var next *Node
		switch {
		case cur.kind == groupNode && cur.keyed:
			next = cur.child(s)
		case cur.kind == groupNode:
			if i, err := strconv.Atoi(s); err == nil && i >= 0 && i < len(cur.items) {
				next = cur.items[i]
			}
		default:
			next, _ = step(cur, []string{s})
		}
		if next == nil {
			break
		}
		switch {
		case next.kind == groupNode:
		case next.label != "":
			path = append(path, fmt.Sprintf("%s %q", next.typeName, next.label))
		default:
			path = append(path, s)
		}
		cur = next
	}
	if cur.kind == groupNode && len(cur.items) > 0 {
		cur = cur.items[0]
		path = append(path, fmt.Sprintf("%s %q", cur.typeName, cur.label))
	}
	return cur, strings.Join(path, ".")
}
