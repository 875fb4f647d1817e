package inventory

import (
	"github.com/hashicorp/hcl/v2"
	"github.com/open-policy-agent/opa/v1/ast"
)

// fastParse's values are converted as they are read: convert only hands
// them over. Building them later would need an intermediate tree.

// value reads a literal value into what converter.syntaxValue makes of
// it: the document value (nil for null) and its source-map node.
func (p *fastParser) value(depth int) (ast.Value, *Node, bool) {
	start := p.s.pos()
	var v ast.Value
	switch c := p.s.peek(0); {
	case c == '"':
		s, rng, ok := p.quoted(depth, true)
		if !ok {
			return nil, nil, false
		}
		var diags hcl.Diagnostics
		if v, diags = p.conv.str(s, rng); diags != nil {
			return nil, nil, p.fail(FallbackString)
		}
	case c == '-' || isDigit(c):
		text, ok := p.s.number()
		if c := p.s.peek(0); !ok || c == '.' || isIdentStart(c) {
			// 1e5, 1.5.2, 01: number leaves what follows for the caller
			// to refuse, which would then not know why.
			return nil, nil, p.fail(FallbackNumber)
		}
		v = ast.Number(text)
	case c == '[':
		return p.tuple(depth)
	case c == '{':
		return p.object(depth)
	case isIdentStart(c):
		switch string(p.s.ident()) {
		case "true":
			v = ast.Boolean(true)
		case "false":
			v = ast.Boolean(false)
		case "null":
			// absent from the document, but located
		default:
			return nil, nil, p.fail(FallbackExpression) // a variable or function call
		}
	default:
		return nil, nil, p.fail(FallbackExpression) // a heredoc, parenthesis, operator
	}
	return v, p.node(p.s.rangeFrom(start)), true
}

// node is a value node with its ranges, as converter.syntaxValue makes.
func (p *fastParser) node(rng hcl.Range) *Node {
	if len(p.nodes) == cap(p.nodes) {
		// Slabs grow, so that a small file does not take a large one.
		p.nodes = make([]Node, 0, min(max(2*cap(p.nodes), 32), 64))
	}
	p.nodes = append(p.nodes, Node{kind: valueNode, Range: rng, Header: rng, Value: rng})
	return &p.nodes[len(p.nodes)-1]
}

// tuple reads [a, b, ...]: newlines are insignificant inside, items are
// separated by commas, and a trailing comma is allowed.
func (p *fastParser) tuple(depth int) (ast.Value, *Node, bool) {
	if depth+1 > p.depth {
		return nil, nil, p.fail(FallbackDepth)
	}
	start := p.s.pos()
	p.s.off++
	node := p.node(hcl.Range{})
	var terms []*ast.Term
	for {
		if !p.s.space(true) {
			return nil, nil, false
		}
		if p.s.peek(0) == ']' {
			break
		}
		v, n, ok := p.value(depth + 1)
		if !ok || !p.s.space(true) {
			return nil, nil, false
		}
		node.items = append(node.items, n)
		if v != nil {
			terms = append(terms, ast.NewTerm(v))
		}
		if c := p.s.peek(0); c == ']' {
			break
		} else if c != ',' {
			return nil, nil, false
		}
		p.s.off++
	}
	p.s.off++
	node.Range = p.s.rangeFrom(start)
	node.Header, node.Value = node.Range, node.Range
	return ast.NewArray(terms...), node, true
}

// object reads {k = v, ...}: newlines count inside (though not inside a
// value's brackets), and items are separated by a comma or a newline.
func (p *fastParser) object(depth int) (ast.Value, *Node, bool) {
	if depth+1 > p.depth {
		return nil, nil, p.fail(FallbackDepth)
	}
	start := p.s.pos()
	p.s.off++
	node := p.node(hcl.Range{})
	obj := ast.NewObject()
	for {
		if !p.s.space(true) {
			return nil, nil, false
		}
		if p.s.peek(0) == '}' {
			break
		}
		key, keyRange, ok := p.objectKey(depth + 1)
		// A duplicate key is the converter's to report.
		if !ok || node.child(key) != nil || !p.s.space(false) || !p.equals(':') {
			return nil, nil, false
		}
		v, n, ok := p.value(depth + 1)
		if !ok || !p.s.space(false) {
			return nil, nil, false
		}
		n.Header = keyRange
		n.Range = hcl.RangeBetween(keyRange, n.Range)
		node.setChild(key, n)
		if v != nil {
			obj.Insert(ast.StringTerm(key), ast.NewTerm(v))
		}
		if c := p.s.peek(0); c == '}' {
			break
		} else if c == '\n' {
			p.s.newline()
		} else if c == ',' {
			p.s.off++
		} else {
			return nil, nil, false
		}
	}
	p.s.off++
	node.Range = p.s.rangeFrom(start)
	node.Header, node.Value = node.Range, node.Range
	return obj, node, true
}

// objectKey reads a name or a quoted string, the keys converter.objectKey
// accepts. true, false and null are values to hcl, not names, and for
// starts a for expression; "" parses to a template that is not a literal.
func (p *fastParser) objectKey(depth int) (string, hcl.Range, bool) {
	start := p.s.pos()
	switch c := p.s.peek(0); {
	case c == '"':
		key, rng, ok := p.quoted(depth, true)
		return key, rng, ok && key != ""
	case isIdentStart(c):
		switch key := p.s.ident(); string(key) {
		case "true", "false", "null", "for":
		default:
			return string(key), p.s.rangeFrom(start), true
		}
	}
	return "", hcl.Range{}, false
}
