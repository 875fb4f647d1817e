package inventory

import (
	"unicode/utf8"

	"github.com/hashicorp/hcl/v2"
)

// fastScanner reads the bytes of a native-syntax file for fastParse. It
// only ever sees printable ASCII, tabs, \n and valid UTF-8 (fastText is
// checked first), and UTF-8 only inside quoted strings and comments: the
// parser refuses a byte >= 0x80 anywhere else.
//
// hcl counts columns in grapheme clusters, each hcl token on its own: a
// cluster never spans two tokens. Every byte of ASCII text is a cluster,
// so a column is the byte offset from the start of the line, plus one,
// until a string or comment holds UTF-8. Such a token moves lineOff right
// by its bytes less its clusters, and columns stay a subtraction.
type fastScanner struct {
	src      []byte
	filename string
	off      int
	line     int // 1-based
	// lineOff is where the current line starts, moved right by the extra
	// bytes of its multi-byte clusters: pos's column is off-lineOff+1.
	lineOff int
	// wide is set when src holds UTF-8: only then are strings and
	// comments searched for clusters.
	wide bool
	// buf is scratch space for strings with escapes.
	buf []byte
}

// utf8BOM is the byte order mark hcl skips at the start of a file: the
// first line's columns start after it, its bytes do not.
const utf8BOM = "\xef\xbb\xbf"

// fastText reports whether src holds only printable ASCII, tabs, newlines
// and valid UTF-8: no \r (hcl's \r\n is one column), no control bytes.
// wide reports UTF-8.
func fastText(src []byte) (ok, wide bool) {
	var all byte
	for _, c := range src {
		if (c < 0x20 || c == 0x7f) && c != '\n' && c != '\t' {
			return false, false
		}
		all |= c
	}
	if all < 0x80 {
		return true, false
	}
	return utf8.Valid(src), true
}

// graphemes counts the grapheme clusters of b as hcl does.
func graphemes(b []byte) int {
	n := 0
	for len(b) > 0 {
		b = b[max(1, scanGrapheme(b)):]
		n++
	}
	return n
}

// isASCII reports whether b is all ASCII.
func isASCII(b []byte) bool {
	for _, c := range b {
		if c >= 0x80 {
			return false
		}
	}
	return true
}

// token counts the hcl token src[start:end], which is on the current line,
// in clusters rather than bytes.
func (s *fastScanner) token(start, end int) {
	if t := s.src[start:end]; !isASCII(t) {
		s.lineOff += len(t) - graphemes(t)
	}
}

func (s *fastScanner) pos() hcl.Pos {
	return hcl.Pos{Line: s.line, Column: s.off - s.lineOff + 1, Byte: s.off}
}

// rangeFrom is the range from start to the cursor.
func (s *fastScanner) rangeFrom(start hcl.Pos) hcl.Range {
	return hcl.Range{Filename: s.filename, Start: start, End: s.pos()}
}

func (s *fastScanner) eof() bool { return s.off >= len(s.src) }

// peek returns the byte at the cursor plus i, or 0 past the end (NUL is
// never in the input, so 0 means the end).
func (s *fastScanner) peek(i int) byte {
	if s.off+i < len(s.src) {
		return s.src[s.off+i]
	}
	return 0
}

func (s *fastScanner) newline() {
	s.off++
	s.line++
	s.lineOff = s.off
}

// space skips blanks and comments, and newlines too when nl is set (inside
// brackets, where hcl ignores them). A line comment stops before its
// newline: hcl turns such a comment into a newline where newlines count.
// A /* */ comment is skipped even across lines, as hcl does. It reports
// false on an unterminated /* comment.
func (s *fastScanner) space(nl bool) bool {
	for s.off < len(s.src) {
		switch s.src[s.off] {
		case ' ', '\t':
			s.off++
		case '\n':
			if !nl {
				return true
			}
			s.newline()
		case '#':
			s.lineComment()
		case '/':
			switch s.peek(1) {
			case '/':
				s.lineComment()
			case '*':
				if !s.blockComment() {
					return false
				}
			default:
				return true // division: the caller refuses it
			}
		default:
			return true
		}
	}
	return true
}

// lineComment skips a comment up to its newline. hcl's token holds the
// newline too, but a newline is a cluster of its own: it changes nothing.
func (s *fastScanner) lineComment() {
	start := s.off
	for s.off < len(s.src) && s.src[s.off] != '\n' {
		s.off++
	}
	if s.wide {
		s.token(start, s.off)
	}
}

// blockComment skips a /* */ comment. Only the part after its last newline
// moves columns: a newline breaks clusters on both sides.
func (s *fastScanner) blockComment() bool {
	from := s.off
	for i := s.off + 2; i+1 < len(s.src); i++ {
		switch {
		case s.src[i] == '\n':
			s.line++
			s.lineOff = i + 1
			from = i + 1
		case s.src[i] == '*' && s.src[i+1] == '/':
			s.off = i + 2
			if s.wide {
				s.token(from, s.off)
			}
			return true
		}
	}
	return false
}

func isIdentStart(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_'
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

// ident reads an identifier as hcl's lexer does for ASCII: a letter or _,
// then letters, digits, _ and -. The cursor must be on a letter or _.
func (s *fastScanner) ident() []byte {
	start := s.off
	s.off++
	for s.off < len(s.src) {
		c := s.src[s.off]
		if !isIdentStart(c) && !isDigit(c) && c != '-' {
			break
		}
		s.off++
	}
	return s.src[start:s.off]
}

// maxFastNumber bounds the numbers fastParse reads: short enough that any
// is within a float64's range, so checkNumber never refuses one.
const maxFastNumber = 40

// number reads an optional minus sign directly followed by a number
// without exponent, and returns its text. It refuses forms hcl would read
// differently (1e5, 1., 01) and leaves anything after the number (a
// letter, a dot) for the caller to refuse.
func (s *fastScanner) number() (string, bool) {
	i := s.off
	if s.peek(0) == '-' {
		i++
	}
	digits := func() int {
		n := 0
		for i < len(s.src) && isDigit(s.src[i]) {
			i++
			n++
		}
		return n
	}
	if digits() == 0 {
		return "", false
	}
	if i+1 < len(s.src) && s.src[i] == '.' && isDigit(s.src[i+1]) {
		i++
		digits()
	}
	if i-s.off > maxFastNumber {
		return "", false
	}
	text := string(s.src[s.off:i])
	if !isJSONNumber(text) {
		return "", false
	}
	s.off = i
	return text, true
}

// quoted reads a quoted string, decoding escapes as hcl's
// ParseStringLiteralToken does. It refuses (false) an unescaped ${ or %{,
// any escape hcl would refuse, a newline and an unterminated string. The
// string is ASCII unless it held UTF-8 or a \u or \U escape (wide).
func (s *fastScanner) quoted() (str string, wide bool, ok bool) {
	start := s.off + 1
	// buf stays nil while the string needs no decoding: the common case
	// is then one copy out of the source.
	var buf []byte
	for i := start; i < len(s.src); {
		c := s.src[i]
		switch c {
		case '"':
			s.off = i + 1
			if s.wide && s.quotedTokens(start, i) {
				wide = true
			}
			if buf == nil {
				return string(s.src[start:i]), wide, true
			}
			s.buf = buf
			return string(buf), wide, true
		case '\n':
			return "", false, false
		case '\\', '$', '%':
			if buf == nil {
				buf = append(s.buf[:0], s.src[start:i]...)
			}
			var n int
			if buf, n = s.escape(buf, i); n == 0 {
				return "", false, false
			}
			wide = wide || c == '\\' && (s.src[i+1] == 'u' || s.src[i+1] == 'U')
			i += n
			continue
		}
		if buf != nil {
			buf = append(buf, c)
		}
		i++
	}
	return "", false, false
}

// quotedTokens counts the text of a quoted string, src[start:end], in
// clusters as hcl's lexer splits it into tokens: each $ or % is a token of
// its own (with $${ and %%{, and a ~ after them), and so is each run of
// text between them. It reports whether the text holds UTF-8.
func (s *fastScanner) quotedTokens(start, end int) bool {
	if isASCII(s.src[start:end]) {
		return false
	}
	from := start
	for i := start; i < end; {
		c := s.src[i]
		if c != '$' && c != '%' {
			i++
			continue
		}
		s.token(from, i)
		n := 1
		if i+2 < end && s.src[i+1] == c && s.src[i+2] == '{' {
			n = 3
			if i+3 < end && s.src[i+3] == '~' {
				n = 4
			}
		}
		i += n
		from = i
	}
	s.token(from, end)
	return true
}

// escape decodes the sequence at i, which starts with \, $ or %, onto buf.
// It returns how many bytes it read, 0 to refuse.
func (s *fastScanner) escape(buf []byte, i int) ([]byte, int) {
	at := func(j int) byte {
		if i+j < len(s.src) {
			return s.src[i+j]
		}
		return 0
	}
	c := s.src[i]
	if c == '$' || c == '%' {
		switch {
		case at(1) == '{':
			return buf, 0 // interpolation or directive
		case at(1) == c && at(2) == '{':
			return append(buf, c, '{'), 3 // $${ and %%{ are the literal ${ and %{
		}
		return append(buf, c), 1
	}
	switch at(1) {
	case 'n':
		return append(buf, '\n'), 2
	case 'r':
		return append(buf, '\r'), 2
	case 't':
		return append(buf, '\t'), 2
	case '"':
		return append(buf, '"'), 2
	case '\\':
		return append(buf, '\\'), 2
	case 'u':
		return s.unicodeEscape(buf, i, 4)
	case 'U':
		return s.unicodeEscape(buf, i, 8)
	}
	return buf, 0
}

// unicodeEscape decodes \u with exactly four or \U with exactly eight hex
// digits: hcl's scanner takes at most that many, and refuses fewer, and
// code points UTF-8 cannot encode.
func (s *fastScanner) unicodeEscape(buf []byte, i, digits int) ([]byte, int) {
	if i+2+digits > len(s.src) {
		return buf, 0
	}
	var r rune
	for _, h := range s.src[i+2 : i+2+digits] {
		var d byte
		switch {
		case isDigit(h):
			d = h - '0'
		case h >= 'a' && h <= 'f':
			d = h - 'a' + 10
		case h >= 'A' && h <= 'F':
			d = h - 'A' + 10
		default:
			return buf, 0
		}
		r = r<<4 | rune(d)
	}
	if !utf8.ValidRune(r) {
		return buf, 0
	}
	return utf8.AppendRune(buf, r), 2 + digits
}
