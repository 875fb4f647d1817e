package inventory

import (
	"sort"

	"github.com/hashicorp/hcl/v2"
	"github.com/open-policy-agent/opa/v1/ast"
)

// Walk visits every value of doc (the inventory's document, as Load built
// it) that the source map locates, in document order with object keys
// sorted, calling fn with its path as a Rego reference under input
// (input.systems[0].auth.mfa_privileged) and its range: a block's whole
// range, an attribute's "name = value", an element's value. citygate input
// --with-source prints these, so a policy author can see which line each
// value of the input came from.
func (m *SourceMap) Walk(doc ast.Value, fn func(path ast.Ref, rng hcl.Range)) {
	if m == nil || m.root == nil || doc == nil {
		return
	}
	walkSource(m.root, doc, ast.Ref{ast.InputRootDocument}, fn)
}

func walkSource(n *Node, v ast.Value, path ast.Ref, fn func(ast.Ref, hcl.Range)) {
	if n.kind == groupNode && n.single && len(n.items) > 0 {
		n = n.items[0]
	}
	if n.kind != groupNode && len(path) > 1 {
		fn(path.Copy(), n.Range)
	}
	switch val := v.(type) {
	case ast.Object:
		keys := make([]string, 0, val.Len())
		for _, k := range val.Keys() {
			if s, ok := k.Value.(ast.String); ok {
				keys = append(keys, string(s))
			}
		}
		sort.Strings(keys)
		for _, k := range keys {
			if c := n.child(k); c != nil {
				walkSource(c, val.Get(ast.StringTerm(k)).Value, append(path, ast.StringTerm(k)), fn)
			}
		}
	case *ast.Array:
		for i := 0; i < val.Len(); i++ {
			if i < len(n.items) {
				walkSource(n.items[i], val.Elem(i).Value, append(path, ast.InternedTerm(i)), fn)
			}
		}
	}
}
