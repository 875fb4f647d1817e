package policy

import (
	"bytes"
	"regexp"
	"strings"
	"unicode/utf8"
)

// Parse errors, in Rego or in a METADATA block's YAML, show the source
// line and a caret under the column, as opa does:
//
//	rules/video.rego:31:24: rego_parse_error: unexpected ) token: ...
//		s.data.kind == "video")
//		                      ^
//
// The caret line copies the tabs of the source line, so it lines up
// whatever width the terminal gives a tab.

// yamlLine is the line OPA's YAML errors count from the METADATA block,
// not the file; the error is located at the file line already.
var yamlLine = regexp.MustCompile(`^yaml: (?:unmarshal errors:\s*)?line \d+: `)

// addSnippets gives each parse error located in file its source line and
// caret. A METADATA YAML error is located at the start of its comment
// line; the caret then goes under the YAML text, after "# ".
func addSnippets(errs Errors, file string, src []byte) {
	for _, e := range errs {
		if e.File != file || e.Line <= 0 || !strings.Contains(e.Message, "rego_parse_error") {
			continue
		}
		line, ok := sourceLine(src, e.Line)
		if !ok {
			continue
		}
		col := e.Column
		if rest, isYAML := strings.CutPrefix(e.Message, "rego_parse_error: yaml: "); isYAML {
			e.Message = "rego_parse_error: METADATA is not valid YAML: " + yamlLine.ReplaceAllString("yaml: "+rest, "")
			col = yamlColumn(line)
			e.Column = col
		}
		if col <= 0 {
			col = 1
		}
		e.Snippet = []string{line, caret(line, col)}
	}
}

// sourceLine is the n-th line (1-based) of src without its line break.
func sourceLine(src []byte, n int) (string, bool) {
	for i := 1; i < n; i++ {
		j := bytes.IndexByte(src, '\n')
		if j < 0 {
			return "", false
		}
		src = src[j+1:]
	}
	if j := bytes.IndexByte(src, '\n'); j >= 0 {
		src = src[:j]
	}
	return strings.TrimRight(string(src), "\r"), true
}

// yamlColumn is where the YAML text of a METADATA comment line starts: the
// first non-blank after "#" and the one space OPA strips.
func yamlColumn(line string) int {
	i := strings.IndexByte(line, '#')
	if i < 0 {
		return 1
	}
	j := i + 1
	for j < len(line) && (line[j] == ' ' || line[j] == '\t') {
		j++
	}
	return j + 1
}

// caret is a line with ^ under byte column col (1-based) of line: tabs
// before it are copied, every other character becomes one space.
func caret(line string, col int) string {
	var b strings.Builder
	prefix := line[:min(col-1, len(line))]
	for len(prefix) > 0 {
		r, size := utf8.DecodeRuneInString(prefix)
		if r == '\t' {
			b.WriteByte('\t')
		} else {
			b.WriteByte(' ')
		}
		prefix = prefix[size:]
	}
	b.WriteByte('^')
	return b.String()
}
