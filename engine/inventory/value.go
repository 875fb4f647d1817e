package inventory

import (
	"fmt"
	"math/big"
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/zclconf/go-cty/cty"
)

// converter turns literal expressions into document values. It reads
// numbers from their source text so they stay exact and skip cty's
// big.Float formatting.
type converter struct {
	src    []byte
	limits Limits
}

// syntaxValue converts a native-syntax expression. Only literals, tuples,
// objects, unary minus on a number and templates without interpolation are
// allowed: inventories are data, never code.
func (c *converter) syntaxValue(expr hclsyntax.Expression) (ast.Value, *Node, hcl.Diagnostics) {
	rng := expr.Range()
	node := &Node{kind: valueNode, Range: rng, Header: rng, Value: rng}
	switch e := expr.(type) {
	case *hclsyntax.LiteralValueExpr:
		v, diags := c.literal(e.Val, rng)
		return v, node, diags
	case *hclsyntax.TemplateExpr:
		var sb strings.Builder
		for _, p := range e.Parts {
			lit, ok := p.(*hclsyntax.LiteralValueExpr)
			if !ok || lit.Val.Type() != cty.String {
				return nil, node, notAllowed(p.Range(), "Interpolation is not allowed",
					"Inventory strings are plain text: ${...} and %{...} sequences are not evaluated. Write the value itself, or escape a literal ${ as $${.")
			}
			sb.WriteString(lit.Val.AsString())
		}
		v, diags := c.str(sb.String(), rng)
		return v, node, diags
	case *hclsyntax.TupleConsExpr:
		terms := make([]*ast.Term, 0, len(e.Exprs))
		var diags hcl.Diagnostics
		for _, el := range e.Exprs {
			v, n, d := c.syntaxValue(el)
			diags = append(diags, d...)
			node.items = append(node.items, n)
			if v != nil {
				terms = append(terms, ast.NewTerm(v))
			}
		}
		return ast.NewArray(terms...), node, diags
	case *hclsyntax.ObjectConsExpr:
		return c.object(e, node)
	case *hclsyntax.UnaryOpExpr:
		if lit, ok := e.Val.(*hclsyntax.LiteralValueExpr); ok && e.Op == hclsyntax.OpNegate && lit.Val.Type() == cty.Number {
			v, diags := c.literal(lit.Val.Negate(), rng)
			return v, node, diags
		}
	case *hclsyntax.ParenthesesExpr:
		return c.syntaxValue(e.Expression)
	case *hclsyntax.ScopeTraversalExpr:
		name := e.Traversal.RootName()
		return nil, node, notAllowed(rng, "Variables are not allowed",
			fmt.Sprintf("Inventories hold only literal values. To use the text %s, write it in quotes: %q.", name, name))
	case *hclsyntax.FunctionCallExpr:
		return nil, node, notAllowed(rng, "Functions are not allowed",
			fmt.Sprintf("Inventories hold only literal values; the function %s() is not evaluated.", e.Name))
	case *hclsyntax.ForExpr:
		return nil, node, notAllowed(rng, "for expressions are not allowed",
			"Inventories hold only literal values: write the list or object out.")
	case *hclsyntax.TemplateWrapExpr:
		return nil, node, notAllowed(rng, "Interpolation is not allowed",
			"Inventory strings are plain text: ${...} sequences are not evaluated.")
	}
	if d := unquotedDate(c.src, rng); d != nil {
		return nil, node, d
	}
	return nil, node, notAllowed(rng, "Expression not allowed",
		"Inventories hold only literal values: strings, numbers, true, false, null, lists [...] and objects {...}.")
}

func (c *converter) object(e *hclsyntax.ObjectConsExpr, node *Node) (ast.Value, *Node, hcl.Diagnostics) {
	obj := ast.NewObject()
	var diags hcl.Diagnostics
	seen := map[string]hcl.Range{}
	for _, item := range e.Items {
		key, ok := objectKey(item.KeyExpr)
		if !ok {
			diags = append(diags, notAllowed(item.KeyExpr.Range(), "Invalid object key",
				"Object keys must be names or quoted strings.")...)
			continue
		}
		if first, dup := seen[key]; dup {
			diags = append(diags, &hcl.Diagnostic{Severity: hcl.DiagError, Summary: "Duplicate object key",
				Detail:  fmt.Sprintf("The key %q was already set at %s.", key, first),
				Subject: item.KeyExpr.Range().Ptr()})
			continue
		}
		seen[key] = item.KeyExpr.Range()
		v, n, d := c.syntaxValue(item.ValueExpr)
		diags = append(diags, d...)
		n.Header = item.KeyExpr.Range()
		n.Range = hcl.RangeBetween(item.KeyExpr.Range(), item.ValueExpr.Range())
		node.setChild(key, n)
		if v != nil {
			obj.Insert(ast.StringTerm(key), ast.NewTerm(v))
		}
	}
	return obj, node, diags
}

// objectKey accepts bare names and quoted strings without interpolation.
func objectKey(expr hclsyntax.Expression) (string, bool) {
	if k, ok := expr.(*hclsyntax.ObjectConsKeyExpr); ok {
		if name := hcl.ExprAsKeyword(k.Wrapped); name != "" && !k.ForceNonLiteral {
			return name, true
		}
		expr = k.Wrapped
	}
	if t, ok := expr.(*hclsyntax.TemplateExpr); ok && t.IsStringLiteral() {
		v, _ := t.Value(nil)
		return v.AsString(), true
	}
	return "", false
}

// literal converts a cty primitive; nil means null (absent in the document).
func (c *converter) literal(v cty.Value, rng hcl.Range) (ast.Value, hcl.Diagnostics) {
	switch {
	case v.IsNull():
		return nil, nil
	case v.Type() == cty.Bool:
		return ast.Boolean(v.True()), nil
	case v.Type() == cty.String:
		return c.str(v.AsString(), rng)
	case v.Type() == cty.Number:
		if d := checkNumber(v, rng); d != nil {
			return nil, d
		}
		if text, ok := c.numberText(rng); ok {
			return ast.Number(text), nil
		}
		return ast.Number(formatNumber(v.AsBigFloat())), nil
	}
	return nil, notAllowed(rng, "Expression not allowed", "Only strings, numbers, true, false and null are literal values.")
}

func (c *converter) str(s string, rng hcl.Range) (ast.Value, hcl.Diagnostics) {
	if len(s) > c.limits.MaxStringLength {
		return nil, notAllowed(rng, "String too long",
			fmt.Sprintf("This string is %d bytes; the limit is %d (limits.max_string_length).", len(s), c.limits.MaxStringLength))
	}
	return ast.String(s), nil
}

// numberText returns the number as written, when it is also a valid JSON
// number (HCL accepts a few forms JSON does not, e.g. leading zeros).
func (c *converter) numberText(rng hcl.Range) (string, bool) {
	if c.src == nil || rng.End.Byte > len(c.src) || rng.Start.Byte >= rng.End.Byte {
		return "", false
	}
	text := string(c.src[rng.Start.Byte:rng.End.Byte])
	return text, isJSONNumber(text)
}

func isJSONNumber(s string) bool {
	i := 0
	if i < len(s) && s[i] == '-' {
		i++
	}
	digits := func() int {
		n := 0
		for i < len(s) && s[i] >= '0' && s[i] <= '9' {
			i++
			n++
		}
		return n
	}
	start := i
	if n := digits(); n == 0 || (n > 1 && s[start] == '0') {
		return false
	}
	if i < len(s) && s[i] == '.' {
		i++
		if digits() == 0 {
			return false
		}
	}
	if i < len(s) && (s[i] == 'e' || s[i] == 'E') {
		i++
		if i < len(s) && (s[i] == '+' || s[i] == '-') {
			i++
		}
		if digits() == 0 {
			return false
		}
	}
	return i == len(s)
}

// checkNumber refuses numbers outside a float64's range. Written exactly,
// 1e300000000 has 300 million digits: formatting it (or a rule comparing
// it) would take minutes.
func checkNumber(v cty.Value, rng hcl.Range) hcl.Diagnostics {
	f := v.AsBigFloat()
	if f.IsInf() || f.Sign() != 0 && (f.MantExp(nil) > 1024 || f.MantExp(nil) < -1073) {
		return notAllowed(rng, "Number out of range",
			"Numbers in an inventory must lie within the range of a 64-bit float (about 1e-308 to 1e308 in magnitude).")
	}
	return nil
}

// formatNumber writes a big.Float exactly, as an integer when it is one.
func formatNumber(f *big.Float) string {
	if f.IsInt() {
		i, _ := f.Int(nil)
		return i.String()
	}
	return f.Text('g', -1)
}

func notAllowed(rng hcl.Range, summary, detail string) hcl.Diagnostics {
	return hcl.Diagnostics{{Severity: hcl.DiagError, Summary: summary, Detail: detail, Subject: rng.Ptr()}}
}
