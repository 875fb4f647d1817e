package inventory

import (
	"io/fs"
	"os"
	"path"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/citygate/citygate/fixtures/gen/corpus"
)

// fastAccepted are files in the fast path's subset: fastParse must read
// each as hcl does.
var fastAccepted = map[string]string{
	"empty":            "",
	"blank lines":      "\n\n  \n",
	"attribute at eof": `a = 1`,
	"comments": "# hash\n// slashes\n/* block\ncomment */ a = 1 # after\nb = 2 // after\n" +
		"c = 3 /* inline */\n/* x */ d = 4\n# at eof",
	"block comment across lines after value": "a = 1 /*\n*/\nb = 2\n",
	"tabs":                                   "a\t=\t1\nb {\n\tc = \"\tx\"\n}\n",
	"strings": `a = "plain"
b = ""
c = "esc \n \r \t \" \\ end"
d = "\u00e9\U0001F600\u0041\u0000"
e = "$${x} %%{y} $ % $$ %% $x %x $$$${ a$"
f = "#not a comment // nor /* this */"
`,
	// cty normalizes string values and keys to NFC; hcl leaves labels be.
	"unicode normalization": "a = \"\\u2000 e\\u0301\"\nb = { \"e\\u0301\" = \"\\U00002000\" }\nc \"e\\u0301\" {\n}\n",
	// UTF-8 in strings, keys, labels and comments: hcl counts columns in
	// grapheme clusters, token by token (a $ or % in a string is a token
	// of its own), and NFC-normalizes values and keys but not labels.
	"utf-8 text": `# Citizen-shop kiosks (Loja do Cidadão): Zürich, São Paulo
city "são-paulo" {
  name = "Loja do Cidadão" // ação
  kiosk "Zürich" "北京市" {
    note = "東京 — 3 €" /* ünïcödé */
  }
  tags = ["café", "naïve", "日本語", "한국어", "🇵🇹🇧🇷"]
  map  = { "clé" = "valeur", plain = "ß", "Ω" : "ω" }
}
`,
	"combining marks": "a = \"e\u0301 cafe\u0301\"\nb = { \"e\u0301\" = \"x\u0308\u0323y\" }\nc \"e\u0301\" \"\u0301\" {\n}\n" +
		"d = \"\u0301\" # \u0301 at a token's start\n/*\u0301*/ e = [\"\u0301\", \"\\n\u0301\\u0065\u0301\"]\n",
	"emoji":       "a = \"👩\u200d👩\u200d👧 👍🏽 ❤\ufe0f 🏳\ufe0f\u200d🌈\" # 👩\u200d💻\nb \"🙂\" { c = \"🇯🇵🇺\" }\n",
	"hangul jamo": "a = \"\u1100\u1161\u11a8 \uac00\u11a8\"\n",
	"clusters split by $ and %": "a = \"e$\u0301 e%\u0301 $$\u0301 %%\u0301 $${\u0301 %%{~\u0301 \u0600$ \u0600%\u0600\"\n" +
		"b = \"\u200d$\u200d\" # $\u0301\n",
	"clusters around quotes":       "a = [\"\u0600\",\"\u0301\",\"x\u200d\"]\nb = {\"\u0301\"=\"\u0600\"}\n",
	"separators in text":           "a = \"x\u2028y\u2029z\u0085\u00a0\"\n# \u2028 \u0085\nb = 1 /* \u2028\n\u2029 */\n/* \u2028\n\u2029 */ c = 2\n",
	"block comment ending in text": "a = 1 /* é\n  ü é */\n/* é\n ü */ b = \"ö\"\nc = \"ü\" /* x\n ö */\nd = [1, /* é\n */ 2]\n",
	"long utf-8 line":              "a = [" + strings.Repeat("\"çà\u0301\", ", 50) + "\"é\"] # ç\nb = \"ü\"\n",
	"BOM":                          "\xef\xbb\xbfa = \"é\"\nb {\n  c = 1\n}\n",
	"BOM only":                     "\xef\xbb\xbf",
	"BOM and comment":              "\xef\xbb\xbf# c\nb \"x\" { c = 1 }\n",
	"numbers":                      "a = 0\nb = -0\nc = 12\nd = -3.25\ne = 0.5\nf = 44.80\ng = 1234567890123456789012345678901234567890\n",
	"literals":                     "a = true\nb = false\nc = null\n",
	"tuples": `a = []
b = [1, 2, 3]
c = [1, 2, 3,]
d = [
  "x", # comment
  "y"
  , "z"
]
e = [[1, [2]], [], {}]
f = [null, 1, null]
g = [ /* c */ ]
`,
	"objects": `a = {}
b = { x = 1, y = "two" }
c = {
  x = 1
  "quoted key" = [1, 2]

  z: 3,
  "w" : { inner = true }, # comment
}
d = { x = null, y = 1 }
e = [{ party = "police", agreement = "DSA-7" }]
f = { truex = 1, for_ = 2, forx = 3, "for" = 4, "true" = 5, if = 6, in = 7 }
`,
	"blocks": `system "cctv" {
  category = "iot"

  data {
    retention_days = 31
  }
  assessment "pia" { date = "2022-01-10" }
  empty {}
  empty2 { }
  spaced    "a"   "b"   {
  }
}
city "x" {} # comment
zone "z" /* c */ {
}
`,
	"single-line blocks": "a { b = 1 }\nc \"l\" { d = [1,\n2] }\ne {f={g=1}}\n",
	"keywords as names":  "true = 1\nnull {\n  false = 2\n}\nfor = 3\n",
	"ident names":        "a-b_c9 = 1\n_x = 2\nx- = 3\n",
	"inventory":          SampleInventory,
}

func TestFastParseAccepts(t *testing.T) {
	for name, src := range fastAccepted {
		t.Run(name, func(t *testing.T) {
			body, ok := fastParse([]byte(src), "inv.hcl", Limits{})
			require.True(t, ok, "fastParse refused:\n%s", src)
			requireSameAsHCL(t, []byte(src), "inv.hcl", Limits{}, body)
			inv := loadSrcBoth(t, []byte(src), Limits{})
			assert.True(t, tookFastPath(inv, "inv.hcl"))
		})
	}
}

// fastRefused are files outside the fast path's subset, one per reason.
// Some are valid HCL, some not: either way the usual path reads them.
var fastRefused = map[string]string{
	"non-ASCII name":                           "é = 1\n",
	"non-ASCII in a name":                      "aé = 1\n",
	"combining mark on a name":                 "a\u0301 = 1\n",
	"combining mark on a keyword":              "a = true\u0301\n",
	"combining mark on a number":               "a = 1\u0301\n",
	"combining mark after a string":            "a = \"x\"\u0301\n",
	"non-ASCII key":                            "a = { é = 1 }\n",
	"non-ASCII label":                          "a é {\n}\n",
	"non-ASCII space":                          "a = 1\u00a0\n",
	"line separator":                           "a = 1\u2028b = 2\n",
	"curly quotes":                             "a = \u201cx\u201d\n",
	"BOM not at the start":                     "a = 1\n\xef\xbb\xbf\n",
	"two BOMs":                                 "\xef\xbb\xbf\xef\xbb\xbfa = 1\n",
	"invalid UTF-8":                            "a = \"\xff\"\n",
	"invalid UTF-8 in a comment":               "# \xff\na = 1\n",
	"truncated UTF-8":                          "a = \"\xc3\"\n",
	"overlong UTF-8":                           "a = \"\xc0\x80\"\n",
	"encoded surrogate":                        "a = \"\xed\xa0\x80\"\n",
	"duplicate key once normalized, literally": "a = { \"é\" = 1, \"e\u0301\" = 2 }\n",
	"carriage return":                          "a = 1\r\n",
	"NUL":                                      "a = \"\x00\"\n",
	"control byte":                             "a = 1\x01\n",
	"DEL":                                      "a = \"\x7f\"\n",
	"unterminated comment":                     "a = 1 /* no end\n",
	"division":                                 "a = 1 / 2\n",
	"heredoc":                                  "a = <<EOT\nx\nEOT\n",
	"parentheses":                              "a = (1)\n",
	"variable":                                 "a = b\n",
	"truex":                                    "a = truex\n",
	"true-x":                                   "a = true-x\n",
	"function call":                            "a = f(1)\n",
	"null call":                                "a = null()\n",
	"traversal":                                "a = [1][0]\n",
	"attribute access":                         "a = {b = 1}.b\n",
	"operator":                                 "a = 1 + 2\n",
	"operator across newline":                  "a = [1\n+ 2]\n",
	"conditional":                              "a = true ? 1 : 2\n",
	"not":                                      "a = !true\n",
	"equals op":                                "a == 1\n",
	"fat arrow":                                "a => 1\n",
	"spaced minus":                             "a = - 1\n",
	"minus string":                             "a = -\"x\"\n",
	"double minus":                             "a = --1\n",
	"exponent":                                 "a = 1e5\n",
	"trailing dot":                             "a = 1.\n",
	"two dots":                                 "a = 1.2.3\n",
	"leading zero":                             "a = 01\n",
	"long number":                              "a = 12345678901234567890123456789012345678901\n",
	"number then name":                         "a = 1x\n",
	"interpolation":                            "a = \"${b}\"\n",
	"directive":                                "a = \"%{ if true }x%{ endif }\"\n",
	"bad escape":                               "a = \"\\q\"\n",
	"escaped dollar":                           "a = \"\\$\"\n",
	"short unicode escape":                     "a = \"\\u12\"\n",
	"surrogate escape":                         "a = \"\\uD800\"\n",
	"out of range escape":                      "a = \"\\U00110000\"\n",
	"newline in string":                        "a = \"x\ny\"\n",
	"unterminated string":                      "a = \"x",
	"string too long":                          "a = \"" + strings.Repeat("x", DefaultLimits.MaxStringLength+1) + "\"\n",
	"duplicate attribute":                      "a = 1\na = 2\n",
	"duplicate among many":                     manyAttrs(40) + "a5 = 0\n",
	"duplicate key":                            "a = { x = 1, x = 2 }\n",
	"duplicate key once normalized":            "a = { \"\\u00e9\" = 1, \"e\\u0301\" = 2 }\n",
	"empty key":                                "a = { \"\" = 1 }\n",
	"literal key":                              "a = { true = 1 }\n",
	"for key":                                  "a = { for = 1 }\n",
	"for expression":                           "a = [for x in y: x]\n",
	"number key":                               "a = { 1 = 2 }\n",
	"interpolated key":                         "a = { \"${x}\" = 2 }\n",
	"key across newline":                       "a = { x\n= 1 }\n",
	"value across newline":                     "a = \n1\n",
	"object value on next line":                "a = { x =\n1 }\n",
	"double colon":                             "a = { x :: 1 }\n",
	"comma after attribute":                    "a = 1,\nb = 2\n",
	"two attributes on a line":                 "a = 1 b = 2\n",
	"brace after attribute":                    "a { b = 1\n}\n",
	"empty tuple item":                         "a = [1,,2]\n",
	"leading comma":                            "a = [,]\n",
	"missing tuple comma":                      "a = [1\n2]\n",
	"object double comma":                      "a = { x = 1,, y = 2 }\n",
	"object newline comma":                     "a = { x = 1\n, y = 2 }\n",
	"unclosed tuple":                           "a = [1, 2\n",
	"unclosed object":                          "a = { x = 1\n",
	"unclosed block":                           "a {\n",
	"stray brace":                              "}\n",
	"ident label":                              "a b {\n}\n",
	"label on next line":                       "a \"x\"\n{\n}\n",
	"no body":                                  "a \"x\"\n",
	"block then item":                          "a {} b = 1\n",
	"two single-line attrs":                    "a { b = 1, c = 2 }\n",
	"single-line newline":                      "a { b = 1\n}\n",
	"single-line comment":                      "a { b = 1 # c\n}\n",
	"single-line block":                        "a { b {} }\n",
	"interpolated label":                       "a \"${x}\" {\n}\n",
	"quoted attribute name":                    "\"a\" = 1\n",
	"semicolon":                                "a = 1;\n",
	"splat":                                    "a = [1][*]\n",
	"too deep":                                 strings.Repeat("a {\n", 40) + strings.Repeat("}\n", 40),
	"too deep for a string":                    strings.Repeat("a {\n", 32) + "b = \"x\"\n" + strings.Repeat("}\n", 32),
}

func manyAttrs(n int) string {
	var b strings.Builder
	for i := range n {
		b.WriteString("a" + strings.Repeat("x", i%3) + string(rune('0'+i%10)) + string(rune('a'+i/10)) + " = 1\n")
	}
	b.WriteString("a5 = 1\n")
	return b.String()
}

func TestFastParseRefuses(t *testing.T) {
	for name, src := range fastRefused {
		t.Run(name, func(t *testing.T) {
			_, ok := fastParse([]byte(src), "inv.hcl", Limits{})
			require.False(t, ok, "fastParse accepted:\n%s", src)
			inv := loadSrcBoth(t, []byte(src), Limits{})
			assert.False(t, tookFastPath(inv, "inv.hcl"))
		})
	}
}

// TestFastParseLimits: nesting is counted as checkDepth counts it, and
// the string limit is the converter's; at the limit the file is read,
// one past it the usual path reports.
func TestFastParseLimits(t *testing.T) {
	for _, tc := range []struct {
		name   string
		src    string
		limits Limits
		ok     bool
	}{
		{"blocks at the limit", "a {\nb {\nc {\n}\n}\n}\n", Limits{MaxDepth: 3}, true},
		{"blocks past the limit", "a {\nb {\nc {\nd {\n}\n}\n}\n}\n", Limits{MaxDepth: 3}, false},
		{"string at the limit", "a {\nb {\nc = \"x\"\n}\n}\n", Limits{MaxDepth: 3}, true},
		{"string past the limit", "a {\nb {\nc {\nd = \"x\"\n}\n}\n}\n", Limits{MaxDepth: 3}, false},
		{"label past the limit", "a {\nb {\nc {\nd \"x\" {\n}\n}\n}\n}\n", Limits{MaxDepth: 3}, false},
		{"tuple at the limit", "a = [[[1]]]\n", Limits{MaxDepth: 3}, true},
		{"tuple past the limit", "a = [[[[1]]]]\n", Limits{MaxDepth: 3}, false},
		{"quoted key past the limit", "a = [[{\"k\" = 1}]]\n", Limits{MaxDepth: 3}, false},
		{"name key at the limit", "a = [[{k = 1}]]\n", Limits{MaxDepth: 3}, true},
		{"string length at the limit", "a = \"12345\"\n", Limits{MaxStringLength: 5}, true},
		{"string length past the limit", "a = \"123456\"\n", Limits{MaxStringLength: 5}, false},
		{"escaped length past the limit", "a = \"\\u00e9\\u00e9\\u00e9\"\n", Limits{MaxStringLength: 5}, false},
		{"label length not limited", "a \"123456\" {\n}\n", Limits{MaxStringLength: 5}, true},
		{"key length not limited", "a = { \"123456\" = 1 }\n", Limits{MaxStringLength: 5}, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			body, ok := fastParse([]byte(tc.src), "inv.hcl", tc.limits)
			require.Equal(t, tc.ok, ok)
			if ok {
				requireSameAsHCL(t, []byte(tc.src), "inv.hcl", tc.limits, body)
			} else {
				require.True(t, slowReports([]byte(tc.src), tc.limits), "the usual path must report what fastParse refuses")
			}
			loadSrcBoth(t, []byte(tc.src), tc.limits)
		})
	}
}

// fastUTF8Fixtures name places in UTF-8 ("Loja do Cidadão"): they must
// take the fast path like the ASCII ones.
var fastUTF8Fixtures = map[string]bool{
	"city/kiosks.hcl":         true,
	"bid/kiosknet-kiosks.hcl": true,
}

// TestFastParseFixtures loads every fixture, as a file and as the
// directory it is in, both ways, and requires the same inventory. The
// ASCII fixtures of valid inventories must take the fast path.
func TestFastParseFixtures(t *testing.T) {
	fsys := os.DirFS("../../fixtures")
	dirs := map[string]bool{}
	fast, utf8Fast := 0, 0
	err := fs.WalkDir(fsys, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !isInventoryFile(p) {
			return err
		}
		dirs[path.Dir(p)] = true
		t.Run(p, func(t *testing.T) {
			inv := loadBoth(t, fsys, p, Limits{})
			src, err := fs.ReadFile(fsys, p)
			require.NoError(t, err)
			if body, ok := fastParse(src, p, Limits{}); ok {
				requireSameAsHCL(t, src, p, Limits{}, body)
				fast++
			}
			// kiosks.hcl names the Loja do Cidadão in UTF-8: read fast too.
			text, _ := fastText(src)
			wantFast := !strings.HasSuffix(p, ".json") && text && (strings.HasPrefix(p, "city/") ||
				strings.HasPrefix(p, "compliant/") || strings.HasPrefix(p, "bid/") || strings.HasPrefix(p, "custom-policy/"))
			if wantFast {
				assert.True(t, tookFastPath(inv, p), "%s took the slow path", p)
			}
			if fastUTF8Fixtures[p] {
				assert.False(t, isASCII(src), "%s is meant to hold UTF-8", p)
				assert.True(t, tookFastPath(inv, p), "%s took the slow path", p)
				utf8Fast++
			}
		})
		return nil
	})
	require.NoError(t, err)
	require.Greater(t, fast, 20)
	require.Equal(t, len(fastUTF8Fixtures), utf8Fast, "fixtures with UTF-8 read fast")
	for dir := range dirs {
		t.Run(dir+"/", func(t *testing.T) { loadBoth(t, fsys, dir, Limits{}) })
	}
}

// TestFastParseCorpus: generated inventories load the same both ways, all
// of them through the fast path.
func TestFastParseCorpus(t *testing.T) {
	asOf, _ := time.Parse(time.DateOnly, "2026-01-01")
	n := 25
	if testing.Short() {
		n = 5
	}
	for i := range n {
		for _, violations := range []float64{0, 1} {
			inv := corpus.Generate(2, i, corpus.Options{Violations: violations, AsOf: asOf})
			body, ok := fastParse(inv.Src, inv.Name, Limits{})
			require.True(t, ok, "%s: fastParse refused a generated inventory", inv.Name)
			requireSameAsHCL(t, inv.Src, inv.Name, Limits{}, body)
			loaded := loadBoth(t, fstestFS(string(inv.Src)), "inv.hcl", Limits{})
			require.True(t, tookFastPath(loaded, "inv.hcl"))
		}
	}
}
