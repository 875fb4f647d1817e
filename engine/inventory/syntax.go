package inventory

import (
	"fmt"
	"regexp"
	"sort"
	"strings"
	"unicode/utf8"

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

// stopAtEncodingError keeps a file's diagnostics up to and including its
// first "Invalid character encoding": a file in another encoding (UTF-16,
// Latin-1) otherwise gets one such error and then hundreds of lexer errors
// that all say the same thing.
func stopAtEncodingError(diags hcl.Diagnostics) hcl.Diagnostics {
	for i, d := range diags {
		if d.Summary == "Invalid character encoding" {
			if i+1 < len(diags) {
				d.Detail = strings.TrimSpace(d.Detail) + " Further errors in this file are not shown: they follow from the encoding."
			}
			return diags[:i+1]
		}
	}
	return diags
}

// unquotedDate is a hint for a date written without quotes, which hcl reads
// as subtraction (2027-03-31 is 1993): nil when the text is not a date.
func unquotedDate(src []byte, rng hcl.Range) hcl.Diagnostics {
	if rng.Start.Byte < 0 || rng.End.Byte > len(src) || rng.Start.Byte >= rng.End.Byte {
		return nil
	}
	text := string(src[rng.Start.Byte:rng.End.Byte])
	if !datePattern.MatchString(text) {
		return nil
	}
	return hcl.Diagnostics{{
		Severity: hcl.DiagError,
		Summary:  "Unquoted date",
		Detail:   fmt.Sprintf("Dates are strings: write %q in quotes. Without them, %s is read as a subtraction.", text, text),
		Subject:  rng.Ptr(),
	}}
}

var datePattern = regexp.MustCompile(`^\d{4}-\d{2}-\d{2}$`)

// article is "a" or "an" for the word that follows it ("an auth block").
func article(word string) string {
	if word != "" && strings.ContainsRune("aeiouAEIOU", rune(word[0])) {
		return "an"
	}
	return "a"
}

// Offset is the byte offset in src of a 1-based line and column (columns
// counted in characters, as locations are); a column past the end of its
// line gives the line's end. For turning a reported location back into a
// range over the file.
func Offset(src []byte, line, col int) int {
	pos := 0
	for l := 1; l < line && pos < len(src); l++ {
		for pos < len(src) && src[pos] != '\n' {
			pos++
		}
		pos++
	}
	for c := 1; c < col && pos < len(src) && src[pos] != '\n'; c++ {
		_, n := utf8.DecodeRune(src[pos:])
		pos += n
	}
	return min(pos, len(src))
}
