package inventory

import (
	"fmt"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
)

// checkDepth refuses a native-syntax file nested deeper than the limit
// before it reaches hcl's recursive parser, which has no stack-overflow
// protection. The lexer is not recursive, so this is safe on any input.
func checkDepth(src []byte, filename string, limit int) hcl.Diagnostics {
	tokens, _ := hclsyntax.LexConfig(src, filename, hcl.InitialPos)
	depth := 0
	for _, t := range tokens {
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
			depth--
		}
	}
	return nil
}

// checkJSONDepth does the same for .hcl.json files: a byte scan that skips
// strings is enough, since JSON has no other nesting.
func checkJSONDepth(src []byte, filename string, limit int) hcl.Diagnostics {
	depth, inString, escaped := 0, false, false
	line, col := 1, 1
	for i, c := range src {
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
				pos := hcl.Pos{Line: line, Column: col, Byte: i}
				return tooDeep(hcl.Range{Filename: filename, Start: pos, End: hcl.Pos{Line: line, Column: col + 1, Byte: i + 1}}, limit)
			}
		case c == '}' || c == ']':
			depth--
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
		Detail:   fmt.Sprintf("Blocks, lists and objects are nested more than %d levels deep here (limits.max_depth).", limit),
		Subject:  rng.Ptr(),
	}}
}
