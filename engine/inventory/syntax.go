package inventory

import (
	"sort"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/open-policy-agent/opa/v1/ast"
)

// syntaxBody presents a native-syntax body to the walker.
type syntaxBody struct {
	body *hclsyntax.Body
	conv *converter
}

func (b syntaxBody) content(*blockSpec) ([]attrView, []blockView, hcl.Diagnostics) {
	attrs := make([]*hclsyntax.Attribute, 0, len(b.body.Attributes))
	for _, a := range b.body.Attributes {
		attrs = append(attrs, a)
	}
	// Attributes is a map; source order keeps diagnostics deterministic.
	sort.Slice(attrs, func(i, j int) bool { return attrs[i].SrcRange.Start.Byte < attrs[j].SrcRange.Start.Byte })
	av := make([]attrView, len(attrs))
	for i, a := range attrs {
		a := a
		av[i] = attrView{
			name:       a.Name,
			nameRange:  a.NameRange,
			fullRange:  a.SrcRange,
			valueRange: a.Expr.Range(),
			convert: func() (ast.Value, *Node, hcl.Diagnostics) {
				return b.conv.syntaxValue(a.Expr)
			},
		}
	}
	bv := make([]blockView, len(b.body.Blocks))
	for i, blk := range b.body.Blocks {
		bv[i] = blockView{
			typeName:    blk.Type,
			labels:      blk.Labels,
			typeRange:   blk.TypeRange,
			labelRanges: blk.LabelRanges,
			defRange:    blk.DefRange(),
			fullRange:   blk.Range(),
			body:        syntaxBody{body: blk.Body, conv: b.conv},
		}
	}
	return av, bv, nil
}
