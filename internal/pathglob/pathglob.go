package pathglob

import (
	"fmt"
	"path"
	"regexp"
	"strings"
)

// Glob is a compiled pattern.
type Glob struct {
	pattern string
	re      *regexp.Regexp
}

// String is the pattern as written.
func (g *Glob) String() string { return g.pattern }

// Compile checks and compiles a pattern: an unclosed [ or {, or an empty
// pattern, is an error that says so.
func Compile(pattern string) (*Glob, error) {
	if strings.TrimSpace(pattern) == "" {
		return nil, fmt.Errorf("empty glob")
	}
	expr, err := translate(Normalize(pattern))
	if err != nil {
		return nil, fmt.Errorf("glob %q: %w", pattern, err)
	}
	re, err := regexp.Compile("^" + expr + "$")
	if err != nil {
		return nil, fmt.Errorf("glob %q: %w", pattern, err)
	}
	return &Glob{pattern: pattern, re: re}, nil
}

// Match reports whether a path, normalized as Normalize does, matches.
// A pattern ending in /** also matches the directory itself, so
// cities/hanoi/** matches the inventory cities/hanoi.
func (g *Glob) Match(p string) bool { return g.re.MatchString(Normalize(p)) }

// Normalize is how paths and patterns are compared: backslashes become
// slashes, then path.Clean, without a leading "./".
func Normalize(p string) string {
	p = path.Clean(strings.ReplaceAll(p, "\\", "/"))
	return strings.TrimPrefix(p, "./")
}

// translate turns a doublestar pattern into a regular expression.
func translate(p string) (string, error) {
	var b strings.Builder
	depth := 0 // inside {...}
	for i := 0; i < len(p); i++ {
		c := p[i]
		switch {
		case c == '*' && i+1 < len(p) && p[i+1] == '*':
			atStart := i == 0 || p[i-1] == '/'
			i++
			switch {
			case atStart && i+1 < len(p) && p[i+1] == '/':
				b.WriteString("(?:.*/)?") // **/ : zero or more segments
				i++
			case atStart && i+1 == len(p) && i >= 2:
				// dir/** : the directory itself or anything beneath it;
				// the slash before ** is already written.
				s := b.String()
				b.Reset()
				b.WriteString(strings.TrimSuffix(s, "/"))
				b.WriteString("(?:/.*)?")
			default:
				b.WriteString(".*")
			}
		case c == '*':
			b.WriteString("[^/]*")
		case c == '?':
			b.WriteString("[^/]")
		case c == '[':
			end := strings.IndexByte(p[i+1:], ']')
			if end < 0 {
				return "", fmt.Errorf("unclosed [ at byte %d", i+1)
			}
			class := p[i+1 : i+1+end]
			if class == "" {
				return "", fmt.Errorf("empty [] at byte %d", i+1)
			}
			if class[0] == '!' {
				class = "^" + class[1:]
			}
			b.WriteString("[" + strings.ReplaceAll(class, `\`, `\\`) + "]")
			i += end + 1
		case c == '{':
			depth++
			b.WriteString("(?:")
		case c == '}' && depth > 0:
			depth--
			b.WriteString(")")
		case c == ',' && depth > 0:
			b.WriteString("|")
		default:
			b.WriteString(regexp.QuoteMeta(string(c)))
		}
	}
	if depth > 0 {
		return "", fmt.Errorf("unclosed {")
	}
	return b.String(), nil
}
