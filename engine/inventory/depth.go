package inventory

import (
	"fmt"
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
)

// maxNumberLength bounds the text of one number literal. hcl and its JSON
// parser convert number literals with math/big while parsing, which is
// quadratic in the number of digits (a 4 MB number takes half a minute).
const maxNumberLength = 100

// Precheck refuses what hcl's recursive parsers cannot safely take, before
// they see it: nesting deeper than limits.MaxDepth, operator chains, and
// oversized numbers, in native syntax or (by the .json suffix) JSON. Every
// reader of untrusted HCL runs it first: the loader and citygate fmt.
func Precheck(src []byte, filename string, limits Limits) hcl.Diagnostics {
	limits = limits.WithDefaults()
	if strings.HasSuffix(filename, ".json") {
		return checkJSONDepth(src, filename, limits.MaxDepth)
	}
	return checkDepth(src, filename, limits.MaxDepth)
}

// checkDepth refuses a native-syntax file nested deeper than the limit
// before it reaches hcl's recursive parser, which has no stack-overflow
// protection. The lexer is not recursive, so this is safe on any input.
//
// Brackets are not the parser's only recursion: it also recurses once per
// unary operator (- and !), conditional (? :), full splat ([*]) and
// template directive (%{ if } %{ for }), none of which has a closing token
// to count. An inventory holds only literals, so these are refused here,
// at their position, before parsing; a minus sign is allowed only directly
// before a number.
func checkDepth(src []byte, filename string, limit int) hcl.Diagnostics {
	tokens, _ := hclsyntax.LexConfig(src, filename, hcl.InitialPos)
	depth := 0
	for i, t := range tokens {
		switch t.Type {
		case hclsyntax.TokenOBrace, hclsyntax.TokenOBrack, hclsyntax.TokenOParen,
			hclsyntax.TokenTemplateInterp, hclsyntax.TokenTemplateControl,
			hclsyntax.TokenOQuote, hclsyntax.TokenOHeredoc:
			depth++
			if depth > limit {
				return tooDeep(t.Range, limit)
			}
		case hclsyntax.TokenCBrace, hclsyntax.TokenCBrack, hclsyntax.TokenCParen,
			hclsyntax.TokenTemplateSeqEnd, hclsyntax.TokenCQuote, hclsyntax.TokenCHeredoc:
			// A stray closing token must not buy extra depth: "]]]...[[[..."
			// would otherwise reach the parser 100,000 levels deep.
			if depth > 0 {
				depth--
			}
		}
		if d := recursiveToken(tokens, i); d != nil {
			return d
		}
	}
	return nil
}

// recursiveToken refuses the token at i if it would make the parser
// recurse without a closing token, or is a number too long to convert.
func recursiveToken(tokens hclsyntax.Tokens, i int) hcl.Diagnostics {
	t := tokens[i]
	next := func() hclsyntax.TokenType {
		if i+1 < len(tokens) {
			return tokens[i+1].Type
		}
		return hclsyntax.TokenEOF
	}
	switch t.Type {
	case hclsyntax.TokenNumberLit:
		if len(t.Bytes) > maxNumberLength {
			return notAllowed(t.Range, "Number too long",
				fmt.Sprintf("This number is written with %d characters; at most %d are accepted.", len(t.Bytes), maxNumberLength))
		}
	case hclsyntax.TokenQuestion:
		return notAllowed(t.Range, "Expression not allowed",
			"Inventories hold only literal values: conditional expressions (a ? b : c) are not evaluated.")
	case hclsyntax.TokenBang:
		return notAllowed(t.Range, "Expression not allowed",
			"Inventories hold only literal values: the ! operator is not evaluated; write true or false.")
	case hclsyntax.TokenMinus:
		if next() != hclsyntax.TokenNumberLit {
			return notAllowed(t.Range, "Expression not allowed",
				"Inventories hold only literal values: a minus sign may only stand directly before a number.")
		}
	case hclsyntax.TokenOBrack:
		if next() == hclsyntax.TokenStar {
			return notAllowed(t.Range, "Expression not allowed",
				"Inventories hold only literal values: splat expressions ([*]) are not evaluated.")
		}
	case hclsyntax.TokenTemplateControl:
		return notAllowed(t.Range, "Interpolation is not allowed",
			"Inventory strings are plain text: ${...} and %{...} sequences are not evaluated. Write the value itself, or escape a literal %{ as %%{.")
	}
	return nil
}

// checkJSONDepth does the same for .hcl.json files: a byte scan that skips
// strings is enough, since JSON has no other nesting. Number literals are
// bounded as in native syntax.
func checkJSONDepth(src []byte, filename string, limit int) hcl.Diagnostics {
	depth, inString, escaped := 0, false, false
	line, col := 1, 1
	numStart, numLen := hcl.Pos{}, 0
	for i, c := range src {
		pos := hcl.Pos{Line: line, Column: col, Byte: i}
		inNumber := !inString && (c >= '0' && c <= '9' || numLen > 0 && (c == '.' || c == 'e' || c == 'E' || c == '+' || c == '-') || c == '-')
		if inNumber {
			if numLen == 0 {
				numStart = pos
			}
			numLen++
			if numLen > maxNumberLength {
				return notAllowed(hcl.Range{Filename: filename, Start: numStart, End: hcl.Pos{Line: line, Column: col + 1, Byte: i + 1}},
					"Number too long", fmt.Sprintf("This number is written with more than %d characters, the most accepted.", maxNumberLength))
			}
		} else {
			numLen = 0
		}
		switch {
		case inString:
			switch {
			case escaped:
				escaped = false
			case c == '\\':
				escaped = true
			case c == '"':
				inString = false
			}
		case c == '"':
			inString = true
		case c == '{' || c == '[':
			depth++
			if depth > limit {
				return tooDeep(hcl.Range{Filename: filename, Start: pos, End: hcl.Pos{Line: line, Column: col + 1, Byte: i + 1}}, limit)
			}
		case c == '}' || c == ']':
			if depth > 0 {
				depth--
			}
		}
		if c == '\n' {
			line, col = line+1, 1
		} else if c < 0x80 || c >= 0xC0 {
			col++
		}
	}
	return nil
}

func tooDeep(rng hcl.Range, limit int) hcl.Diagnostics {
	return hcl.Diagnostics{{
		Severity: hcl.DiagError,
		Summary:  "Nesting too deep",
		Detail:   fmt.Sprintf("Blocks, lists and objects are nested more than %d levels deep (limits.max_depth) at this point.", limit),
		Subject:  rng.Ptr(),
	}}
}
