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
	cur := n
	// rest is the part of the path not yet resolved; the path is walked
	// in place (no split, no join), so locating a finding allocates nothing.
	for rest := field; rest != ""; {
		next, tail := step(cur, rest)
		if next == nil {
			return rangeOf(best), false, true
		}
		cur, rest = next, tail
		if cur.kind == blockNode || cur.kind == attrNode {
			best = cur
		}
	}
	if cur.kind == groupNode {
		return rangeOf(best), false, true
	}
	return rangeOf(cur), true, true
}

// step descends one level along path (dot-separated segments) and returns
// the rest of the path: a child by name, a group member by label (labels
// may contain dots, so the longest matching run of segments wins), or a
// tuple element by index.
func step(n *Node, path string) (*Node, string) {
	if n.kind == groupNode {
		for end := len(path); end > 0; end = strings.LastIndexByte(path[:end], '.') {
			if c := n.child(path[:end]); c != nil {
				if end == len(path) {
					return c, ""
				}
				return c, path[end+1:]
			}
		}
		return nil, ""
	}
	seg, rest, _ := strings.Cut(path, ".")
	if c := member(n, seg); c != nil {
		return c, rest
	}
	return nil, ""
}

// member is a child by name, or a tuple element by index.
func member(n *Node, seg string) *Node {
	if c := n.child(seg); c != nil {
		return c
	}
	if len(n.items) == 0 || !digits(seg) {
		return nil // a name not found: strconv.Atoi would allocate its error
	}
	if i, err := strconv.Atoi(seg); err == nil && i < len(n.items) {
		return n.items[i]
	}
	return nil
}

func digits(s string) bool {
	for i := range len(s) {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
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
			next = member(cur, s)
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
