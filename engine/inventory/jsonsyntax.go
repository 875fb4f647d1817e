package inventory

import (
	"fmt"
	"sort"
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/zclconf/go-cty/cty"
)

// jsonBody presents an .hcl.json body to the walker. JSON cannot tell a
// block from an object-valued attribute, so the spec decides: hcl's JSON
// decoder needs a body schema to keep each block's own ranges.
type jsonBody struct {
	body hcl.Body
	conv *converter
}

func (b jsonBody) content(spec *blockSpec) ([]attrView, []blockView, hcl.Diagnostics) {
	schema := &hcl.BodySchema{}
	for _, name := range sortedKeys(spec.attrs) {
		schema.Attributes = append(schema.Attributes, hcl.AttributeSchema{Name: name})
	}
	for _, name := range sortedKeys(spec.blocks) {
		bs := hcl.BlockHeaderSchema{Type: name}
		if l := spec.blocks[name].label; l != "" {
			bs.LabelNames = []string{l}
		}
		schema.Blocks = append(schema.Blocks, bs)
	}
	content, rest, diags := b.body.PartialContent(schema)
	// Properties the schema does not name are left in rest; reading them
	// as attributes lets the walker report them with a suggestion.
	unknown, udiags := rest.JustAttributes()
	diags = append(diags, udiags...)

	var attrs []attrView
	for _, a := range content.Attributes {
		attrs = append(attrs, b.attr(a))
	}
	for _, a := range unknown {
		attrs = append(attrs, b.attr(a))
	}
	sort.Slice(attrs, func(i, j int) bool { return attrs[i].fullRange.Start.Byte < attrs[j].fullRange.Start.Byte })

	blocks := make([]blockView, 0, len(content.Blocks))
	for _, blk := range content.Blocks {
		blocks = append(blocks, blockView{
			typeName:    blk.Type,
			labels:      blk.Labels,
			typeRange:   blk.TypeRange,
			labelRanges: blk.LabelRanges,
			defRange:    blk.DefRange,
			fullRange:   blk.DefRange,
			body:        jsonBody{body: blk.Body, conv: b.conv},
		})
	}
	return attrs, blocks, diags
}

func (b jsonBody) attr(a *hcl.Attribute) attrView {
	return attrView{
		name:       a.Name,
		nameRange:  a.NameRange,
		fullRange:  a.Range,
		valueRange: a.Expr.Range(),
		convert: func() (ast.Value, *Node, hcl.Diagnostics) {
			rng := a.Expr.Range()
			node := &Node{kind: valueNode, Range: rng, Header: rng, Value: rng}
			// JSON strings are templates to hcl: refuse interpolation
			// before evaluating, so nothing in a bid is ever evaluated.
			if hasTemplate(b.conv.src, rng) {
				return nil, node, notAllowed(rng, "Interpolation is not allowed",
					"Inventory strings are plain text: ${...} and %{...} sequences are not evaluated.")
			}
			v, diags := a.Expr.Value(nil)
			if diags.HasErrors() {
				return nil, node, diags
			}
			val, cdiags := b.conv.cty(v, node, rng)
			return val, node, cdiags
		},
	}
}

func hasTemplate(src []byte, rng hcl.Range) bool {
	if rng.End.Byte > len(src) || rng.Start.Byte > rng.End.Byte {
		return false
	}
	s := string(src[rng.Start.Byte:rng.End.Byte])
	return strings.Contains(s, "${") || strings.Contains(s, "%{")
}

// cty converts a JSON value; nested values share the attribute's range,
// since hcl's JSON values carry no ranges of their own.
func (c *converter) cty(v cty.Value, node *Node, rng hcl.Range) (ast.Value, hcl.Diagnostics) {
	if v.IsNull() {
		return nil, nil
	}
	t := v.Type()
	switch {
	case t.IsPrimitiveType():
		if t == cty.Number {
			if d := checkNumber(v, rng); d != nil {
				return nil, d
			}
			return ast.Number(formatNumber(v.AsBigFloat())), nil
		}
		return c.literal(v, rng)
	case t.IsTupleType() || t.IsListType():
		var terms []*ast.Term
		var diags hcl.Diagnostics
		for it := v.ElementIterator(); it.Next(); {
			_, ev := it.Element()
			n := &Node{kind: valueNode, Range: rng, Header: rng, Value: rng}
			node.items = append(node.items, n)
			val, d := c.cty(ev, n, rng)
			diags = append(diags, d...)
			if val != nil {
				terms = append(terms, ast.NewTerm(val))
			}
		}
		return ast.NewArray(terms...), diags
	case t.IsObjectType() || t.IsMapType():
		obj := ast.NewObject()
		var diags hcl.Diagnostics
		for it := v.ElementIterator(); it.Next(); {
			k, ev := it.Element()
			n := &Node{kind: valueNode, Range: rng, Header: rng, Value: rng}
			node.setChild(k.AsString(), n)
			val, d := c.cty(ev, n, rng)
			diags = append(diags, d...)
			if val != nil {
				obj.Insert(ast.StringTerm(k.AsString()), ast.NewTerm(val))
			}
		}
		return obj, diags
	}
	return nil, notAllowed(rng, "Expression not allowed", fmt.Sprintf("Values of type %s are not allowed.", t.FriendlyName()))
}

func sortedKeys[V any](m map[string]V) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}
