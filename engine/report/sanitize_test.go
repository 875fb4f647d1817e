package report

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestEscapeControls(t *testing.T) {
	cases := []struct{ in, line, block string }{
		{"plain text", "plain text", "plain text"},
		{"tab\tkept", "tab\tkept", "tab\tkept"},
		{"a\nb", `a\nb`, "a\nb"},
		{"a\r\nb", `a\r\nb`, "a\nb"},
		{"a\rb", `a\rb`, `a\rb`},
		{"\x1b[31mred\x1b[0m", `\x1b[31mred\x1b[0m`, `\x1b[31mred\x1b[0m`},
		{"bell\x07 nul\x00 del\x7f", `bell\x07 nul\x00 del\x7f`, `bell\x07 nul\x00 del\x7f`},
		{"csi\u009b2J nel\u0085", `csi\u009b2J nel\u0085`, `csi\u009b2J nel\u0085`},
		{"ls\u2028ps\u2029", `ls\u2028ps\u2029`, `ls\u2028ps\u2029`},
		{"rlo\u202egnp.exe lri\u2066", `rlo\u202egnp.exe lri\u2066`, `rlo\u202egnp.exe lri\u2066`},
		{"bad\xff\xfe", `bad\xff\xfe`, `bad\xff\xfe`},
		{"Praça — 𝔸 e\u0301", "Praça — 𝔸 e\u0301", "Praça — 𝔸 e\u0301"},
	}
	for _, c := range cases {
		assert.Equal(t, c.line, escapeControls(c.in, false), "%q one line", c.in)
		assert.Equal(t, c.block, escapeControls(c.in, true), "%q block", c.in)
	}
}

func TestWorkflowCommandsAreNeutralized(t *testing.T) {
	assert.Equal(t, `\::error::x`, oneLine("::error::x"))
	assert.Equal(t, ` \::error::x`, oneLine(" ::error::x"), "the runner trims leading white space")
	assert.Equal(t, `a\n::error::x`, oneLine("a\n::error::x"), "mid-line :: is harmless")
	assert.Equal(t, "a\n\\::error::x\n \u00a0\\::set-output name=a::b", multiLine("a\n::error::x\n \u00a0::set-output name=a::b"))
	assert.Equal(t, `x ##\[set-output name=a;]b`, oneLine("x ##[set-output name=a;]b"), "the legacy form works anywhere in a line")
	assert.Equal(t, "a::b", oneLine("a::b"))
}

func TestMarkdownText(t *testing.T) {
	assert.Equal(t, `&lt;b&gt; \| \`+"`"+` \* \_ \[a\](b) \~ \$ \\ &amp;amp;<br>x`, markdownText("<b> | ` * _ [a](b) ~ $ \\ &amp;\nx"))
	assert.Equal(t, `\::error::x`, markdownText("::error::x"))
	assert.Equal(t, `\\x1b\[31m`, markdownText("\x1b[31m"), "the escape's backslash is itself escaped")
}

func TestSafeLink(t *testing.T) {
	assert.Equal(t, "https://citygate.dev/rules/SEC-005#why", safeLink("https://citygate.dev/rules/SEC-005#why"))
	for _, bad := range []string{"javascript:alert(1)", "https://x.example/a b", "https://x.example/a)b", "ftp://x", "", "https://x.example/<x>"} {
		assert.Empty(t, safeLink(bad), bad)
	}
}
