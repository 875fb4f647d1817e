package inventory

import (
	"slices"
	"sync"

	"github.com/hashicorp/hcl/v2"
	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/zclconf/go-cty/cty"
)

// fastParse reads the literal-only subset of native HCL that inventories
// are written in, in one pass over the bytes, and presents it to the walker
// exactly as syntaxBody presents hclsyntax's parse of the same file: the
// same names, ranges, document values and source-map nodes.
//
// It exists for speed: hcl's lexer, run by Precheck and again by
// ParseConfig, was three quarters of loading an inventory. It is never the
// only judge of a file: for anything outside the subset, and for anything
// Precheck, hcl or the converter would report, it returns false and the
// file takes that path, which reports. So it has no diagnostics of its own
// and accepts nothing that path refuses.
//
// The subset: printable ASCII, tabs and \n, and valid UTF-8 in strings,
// labels, keys and comments (a byte order mark may start the file, as hcl
// allows); # // and /* */ comments;
// blocks with quoted labels (a single-line block holds one attribute);
// attributes, one per line, without duplicates; values that are quoted
// strings without ${ or %{ (escapes \n \r \t \" \\ \uNNNN \UNNNNNNNN $${
// %%{), numbers as JSON writes them but without exponent, a minus sign
// directly before a number, true, false, null, tuples and objects (keys
// are names or non-empty quoted strings), nested within the depth limit.
func fastParse(src []byte, filename string, limits Limits) (bodyView, bool) {
	body, why := fastParseWhy(src, filename, limits)
	return body, why == ""
}

// fastParseWhy is fastParse saying why it refused a file ("" when it read
// it): the innermost reason, where reading stopped.
func fastParseWhy(src []byte, filename string, limits Limits) (bodyView, FallbackReason) {
	text, wide := fastText(src)
	if !text {
		return nil, FallbackText
	}
	limits = limits.WithDefaults()
	p := fastParsers.Get().(*fastParser)
	defer p.release()
	p.s = fastScanner{src: src, filename: filename, line: 1, wide: wide, buf: p.s.buf}
	if wide && len(src) >= len(utf8BOM) && string(src[:len(utf8BOM)]) == utf8BOM {
		p.s.off, p.s.lineOff = len(utf8BOM), len(utf8BOM)
	}
	p.conv = converter{src: src, limits: limits}
	p.depth = min(limits.MaxDepth, fastMaxDepth)
	body, ok := p.body(0)
	if !ok {
		p.fail(FallbackLayout) // when no inner step named the reason
		return nil, p.why
	}
	return body, ""
}

// fail records why reading stopped, once: the first (innermost) step to
// fail knows best; the steps that return through it keep its reason.
func (p *fastParser) fail(r FallbackReason) bool {
	if p.why == "" {
		p.why = r
	}
	return false
}

// fastParsers keep their stacks and scratch buffer from file to file.
var fastParsers = sync.Pool{New: func() any { return new(fastParser) }}

// fastPoolMax is the largest stack kept in the pool: a hostile file's
// million attributes are not held on to.
const fastPoolMax = 1024

func (p *fastParser) release() {
	// Nothing read may stay reachable from the pool, and the node slab
	// belongs to the source map now.
	clear(p.attrs[:cap(p.attrs)])
	clear(p.blocks[:cap(p.blocks)])
	p.attrs, p.blocks, p.nodes = p.attrs[:0], p.blocks[:0], nil
	if cap(p.attrs) > fastPoolMax || cap(p.blocks) > fastPoolMax || cap(p.s.buf) > fastPoolMax<<10 {
		return
	}
	p.s = fastScanner{buf: p.s.buf}
	p.conv = converter{}
	p.why = ""
	fastParsers.Put(p)
}

// fastMaxDepth bounds fastParse's recursion whatever limits.max_depth is
// configured to; deeper files take the usual path.
const fastMaxDepth = 128

type fastParser struct {
	s    fastScanner
	conv converter
	// depth is the deepest nesting accepted, counted as checkDepth counts:
	// each brace, bracket and quoted string is one level.
	depth int
	// attrs and blocks are stacks: the bodies being read push their items,
	// and a finished body takes an exactly sized copy of its own. Views
	// are large, and growing one slice per body was the most allocated.
	attrs  []attrView
	blocks []blockView
	// nodes is a slab the value nodes are taken from, a few allocations
	// per file instead of one per value: all of them live as long as the
	// source map anyway.
	nodes []Node
	// why is the reason the file is refused, once known.
	why FallbackReason
}

// body reads the items of a body: at depth 0 the whole file, otherwise a
// block's body up to its closing brace, which is left for block to read.
func (p *fastParser) body(depth int) (*fastBody, bool) {
	a0, b0 := len(p.attrs), len(p.blocks)
	var index map[string]struct{}
	for {
		if !p.s.space(true) {
			return nil, false
		}
		c := p.s.peek(0)
		switch {
		case p.s.eof() && depth == 0, c == '}' && depth > 0:
			b := &fastBody{attrs: slices.Clone(p.attrs[a0:]), blocks: slices.Clone(p.blocks[b0:])}
			p.attrs, p.blocks = p.attrs[:a0], p.blocks[:b0]
			return b, true
		case !isIdentStart(c):
			return nil, false
		}
		n := len(p.attrs)
		if !p.item(depth) {
			return nil, false
		}
		if len(p.attrs) > n && redefined(p.attrs[a0:], &index) {
			return nil, p.fail(FallbackDuplicate)
		}
	}
}

// fastIndexAt is how many attributes a body holds before redefined
// indexes them.
const fastIndexAt = 16

// redefined reports whether the last of attrs repeats an earlier name,
// which hcl reports. Past a few attributes it keeps an index, so that a
// hostile body of a million attributes is not checked quadratically.
func redefined(attrs []attrView, index *map[string]struct{}) bool {
	last := len(attrs) - 1
	name := attrs[last].name
	if *index == nil {
		for i := range last {
			if attrs[i].name == name {
				return true
			}
		}
		if last < fastIndexAt {
			return false
		}
		*index = make(map[string]struct{}, 2*len(attrs))
		for i := range attrs {
			(*index)[attrs[i].name] = struct{}{}
		}
		return false
	}
	if _, dup := (*index)[name]; dup {
		return true
	}
	(*index)[name] = struct{}{}
	return false
}

// item reads an attribute or a block onto the stacks, and the newline
// (or end of file) hcl requires after either.
func (p *fastParser) item(depth int) bool {
	start := p.s.pos()
	name := string(p.s.ident())
	nameRange := p.s.rangeFrom(start)
	if !p.s.space(false) {
		return false
	}
	switch p.s.peek(0) {
	case '=':
		a, ok := p.attribute(name, nameRange, depth)
		if !ok {
			return false
		}
		p.attrs = append(p.attrs, a)
	case '"', '{':
		blk, ok := p.block(name, nameRange, depth)
		if !ok {
			return false
		}
		p.blocks = append(p.blocks, blk)
	default:
		return false
	}
	if !p.s.space(false) {
		return false
	}
	switch {
	case p.s.eof():
		return true
	case p.s.peek(0) == '\n':
		p.s.newline()
		return true
	}
	return false
}

// attribute reads the equals sign and value after an attribute's name.
func (p *fastParser) attribute(name string, nameRange hcl.Range, depth int) (attrView, bool) {
	if !p.equals('=') {
		return attrView{}, false
	}
	v, n, ok := p.value(depth)
	if !ok {
		return attrView{}, false
	}
	return attrView{
		name:       name,
		nameRange:  nameRange,
		fullRange:  hcl.RangeBetween(nameRange, n.Range),
		valueRange: n.Range,
		convert:    func() (ast.Value, *Node, hcl.Diagnostics) { return v, n, nil },
	}, true
}

// equals reads the = (or, in an object, the :) before a value, and the
// space after it. ==, => and :: are other tokens to hcl.
func (p *fastParser) equals(alt byte) bool {
	if c := p.s.peek(0); c != '=' && c != alt {
		return false
	}
	if c := p.s.peek(1); c == '=' || c == '>' || c == ':' {
		return false
	}
	p.s.off++
	return p.s.space(false)
}

// block reads a block's labels and body after its type. Its range ends
// with the closing brace; its header (DefRange) with the last label.
func (p *fastParser) block(typeName string, typeRange hcl.Range, depth int) (blockView, bool) {
	b := blockView{typeName: typeName, typeRange: typeRange, defRange: typeRange}
	for p.s.peek(0) == '"' {
		label, rng, ok := p.quoted(depth, false)
		if !ok || !p.s.space(false) {
			return b, false
		}
		b.labels = append(b.labels, label)
		b.labelRanges = append(b.labelRanges, rng)
		b.defRange = hcl.RangeBetween(typeRange, rng)
	}
	if p.s.peek(0) != '{' {
		return b, false
	}
	if depth+1 > p.depth {
		return b, p.fail(FallbackDepth)
	}
	p.s.off++
	if !p.s.space(false) {
		return b, false
	}
	var body *fastBody
	ok := true
	switch c := p.s.peek(0); {
	case c == '\n':
		body, ok = p.body(depth + 1)
	case c == '}':
		body = &fastBody{}
	case isIdentStart(c):
		body, ok = p.singleLineBody(depth + 1)
	default:
		return b, false
	}
	if !ok || p.s.peek(0) != '}' {
		return b, false
	}
	start := p.s.pos()
	p.s.off++
	b.fullRange = hcl.RangeBetween(typeRange, p.s.rangeFrom(start))
	b.body = body
	return b, true
}

// singleLineBody reads the one attribute of a block written on one line,
// a { b = 1 }, up to the closing brace, which must follow on that line.
func (p *fastParser) singleLineBody(depth int) (*fastBody, bool) {
	start := p.s.pos()
	name := string(p.s.ident())
	nameRange := p.s.rangeFrom(start)
	if !p.s.space(false) || p.s.peek(0) != '=' {
		return nil, false
	}
	a, ok := p.attribute(name, nameRange, depth)
	if !ok || !p.s.space(false) {
		return nil, false
	}
	return &fastBody{attrs: []attrView{a}}, true
}

// quoted reads a quoted string, one level deeper than depth to checkDepth.
// Values and object keys (norm) become cty strings in hcl, which are NFC
// normalized: "\u2000" is U+2002, "e\u0301" (escaped or not) is "é".
// Block labels are not.
func (p *fastParser) quoted(depth int, norm bool) (string, hcl.Range, bool) {
	if depth+1 > p.depth {
		return "", hcl.Range{}, p.fail(FallbackDepth)
	}
	start := p.s.pos()
	s, wide, ok := p.s.quoted()
	if !ok {
		p.fail(FallbackString)
	}
	if wide && norm {
		s = cty.NormalizeString(s)
	}
	return s, p.s.rangeFrom(start), ok
}
