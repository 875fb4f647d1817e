package inventory

import (
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

// TestFastParseRandom writes random files near the fast path's subset
// (fillers, escapes, numbers and separators in odd places, some of them
// wrong) and holds every one fastParse accepts to hcl and to the slow
// path. The fuzzer mostly breaks files outright; this explores the edges.
func TestFastParseRandom(t *testing.T) {
	n := 1500
	if testing.Short() {
		n = 200
	}
	r := rand.New(rand.NewPCG(7, 11))
	accepted, utf8Accepted := 0, 0
	for i := range n {
		g := &randHCL{r: r}
		g.body(0)
		src := []byte(g.b.String())
		for _, limits := range []Limits{{}, fuzzTightLimits} {
			body, ok := fastParse(src, "inv.hcl", limits)
			if !ok {
				continue
			}
			accepted++
			if !isASCII(src) {
				utf8Accepted++
			}
			requireSameAsHCL(t, src, "inv.hcl", limits, body)
			if i%10 == 0 {
				loadSrcBoth(t, src, limits)
			}
		}
	}
	// Both outcomes must be common, or the test explores nothing.
	require.Greater(t, accepted, n/5)
	require.Less(t, accepted, 2*n*9/10)
	require.Greater(t, utf8Accepted, n/20, "files with UTF-8 accepted")
	t.Logf("accepted %d of %d, %d with UTF-8", accepted, 2*n, utf8Accepted)
}

type randHCL struct {
	r *rand.Rand
	b strings.Builder
}

func (g *randHCL) pick(options ...string) string { return options[g.r.IntN(len(options))] }

// gap is what may stand between two tokens; nl allows newlines.
func (g *randHCL) gap(nl bool) {
	switch g.r.IntN(12) {
	case 0:
		g.b.WriteString(g.pick(" ", "\t", "  "))
	case 1:
		g.b.WriteString("/* c */")
	case 2:
		g.b.WriteString(g.pick("/*\n*/", "/* é\u0301 */", "/*\u0301*/", "/* ü\n\u0301ö */", "/* 👩\u200d💻\n */"))
	case 3:
		if nl {
			g.b.WriteString(g.pick("\n", " # c\n", "// c\n", "\n\n", " # Cidadão\n", "#\u0301\u0600\n", "// 日本\u2028\n"))
		}
	case 4:
		if g.r.IntN(20) == 0 { // rarely, a newline where it is not allowed
			g.b.WriteString("\n")
		}
	default:
		g.b.WriteString(" ")
	}
}

func (g *randHCL) name() string {
	return g.pick("a", "b", "c-d", "_e", "f9", "true", "null", "for", "x-", "id", "a", "b", "é", "z\u0301")
}

func (g *randHCL) body(depth int) {
	for range g.r.IntN(4) {
		g.gap(true)
		g.b.WriteString(g.name())
		g.gap(false)
		if depth < 4 && g.r.IntN(3) == 0 {
			for range g.r.IntN(3) {
				g.str()
				g.gap(false)
			}
			g.b.WriteString("{")
			switch g.r.IntN(4) {
			case 0: // empty
			case 1: // single line
				g.gap(false)
				g.b.WriteString(g.name() + " = ")
				g.value(depth + 1)
				g.gap(false)
			default:
				g.b.WriteString(g.pick("\n", " # c\n"))
				g.body(depth + 1)
				g.b.WriteString("\n")
			}
			g.b.WriteString("}")
		} else {
			g.b.WriteString(g.pick("=", "= ", " = ", "=="))
			g.gap(false)
			g.value(depth)
		}
		g.gap(false)
		g.b.WriteString(g.pick("\n", "\n", "\n", " # end\n", "", ","))
	}
}

func (g *randHCL) str() {
	g.b.WriteString(`"`)
	for range g.r.IntN(5) {
		g.b.WriteString(g.pick("x", " ", `\n`, `\t`, `\"`, `\\`, `\u00e9`, `\u0301`, `\U0001F600`, `\u2000`,
			`\uD800`, `\u12`, `\q`, "$", "%", "$${", "%%{", "${", "$$", "{", "#", "//", "\t", "'",
			// UTF-8, and clusters that span code points: hcl counts
			// columns in clusters, and normalizes values and keys to NFC.
			"é", "ã", "\u0301", "\u0308", "\u200d", "👩", "🇵", "\ufe0f", "\u0600", "日本", "\u2028", "\u0085", "\u1100", "\u1161", "$${~",
			"\\\u0301"))
	}
	g.b.WriteString(`"`)
}

func (g *randHCL) value(depth int) {
	switch k := g.r.IntN(10); {
	case k < 3:
		g.str()
	case k < 5:
		g.b.WriteString(g.pick("0", "1", "-1", "12.5", "-0.25", "007", "1e3", "1.", "- 1", "3.14159", "100000000000000000000"))
	case k < 6:
		g.b.WriteString(g.pick("true", "false", "null", "truex", "nul"))
	case k < 8 && depth < 5:
		g.b.WriteString("[")
		for i := range g.r.IntN(4) {
			if i > 0 {
				g.gap(true)
				g.b.WriteString(g.pick(",", ",", ",", ""))
			}
			g.gap(true)
			g.value(depth + 1)
		}
		g.gap(true)
		g.b.WriteString(g.pick("]", ",]", "]"))
	case depth < 5:
		g.b.WriteString("{")
		for i := range g.r.IntN(4) {
			if i > 0 {
				g.gap(false)
				g.b.WriteString(g.pick(",", "\n", ", ", ",\n", ""))
			}
			g.gap(true)
			if g.r.IntN(3) == 0 {
				g.str()
			} else {
				g.b.WriteString(g.name())
			}
			g.gap(false)
			g.b.WriteString(g.pick("=", ":", " = ", "=>"))
			g.gap(false)
			g.value(depth + 1)
		}
		g.gap(true)
		g.b.WriteString("}")
	default:
		g.b.WriteString("1")
	}
}
