package pathglob

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestMatch(t *testing.T) {
	for _, c := range []struct {
		pattern, path string
		want          bool
	}{
		{"cities/hanoi/**", "cities/hanoi", true},
		{"cities/hanoi/**", "cities/hanoi/", true},
		{"cities/hanoi/**", "./cities/hanoi/systems.hcl", true},
		{"cities/hanoi/**", `cities\hanoi\a\b.hcl`, true},
		{"cities/hanoi/**", "cities/hanoi2", false},
		{"cities/hanoi/**", "cities/lisboa", false},
		{"cities/*", "cities/hanoi", true},
		{"cities/*", "cities/hanoi/x.hcl", false},
		{"**/bids/*.hcl", "bids/acme.hcl", true},
		{"**/bids/*.hcl", "tender/2027/bids/acme.hcl", true},
		{"**/bids/*.hcl", "tender/2027/bids/acme.json", false},
		{"cities/{hanoi,lisboa}", "cities/lisboa", true},
		{"cities/{hanoi,lisboa}", "cities/porto", false},
		{"cities/[hl]*", "cities/hanoi", true},
		{"cities/[!hl]*", "cities/hanoi", false},
		{"city?", "city1", true},
		{"city?", "city/", false},
		{"a.b", "axb", false},
		{"**", "anything/at/all", true},
	} {
		g, err := Compile(c.pattern)
		require.NoError(t, err, c.pattern)
		assert.Equal(t, c.want, g.Match(c.path), "%s ~ %s", c.pattern, c.path)
	}
}

func TestCompileErrors(t *testing.T) {
	for pattern, want := range map[string]string{
		"":          "empty glob",
		"cities/[a": `glob "cities/[a": unclosed [ at byte 8`,
		"{a,b":      `glob "{a,b": unclosed {`,
		"x/[]":      `glob "x/[]": empty [] at byte 3`,
	} {
		_, err := Compile(pattern)
		assert.EqualError(t, err, want, pattern)
	}
}
