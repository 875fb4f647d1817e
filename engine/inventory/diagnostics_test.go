package inventory

import (
	"testing"
	"testing/fstest"
	"unicode/utf16"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// loadOne loads one file and returns its error diagnostics' summaries
// and details.
func loadOne(t *testing.T, name string, src []byte) (summaries, details []string) {
	t.Helper()
	_, diags := Load(fstest.MapFS{name: {Data: src}}, name, Options{})
	for _, d := range diags {
		summaries = append(summaries, d.Summary)
		details = append(details, d.Detail)
	}
	return summaries, details
}

func TestUTF16GivesOneError(t *testing.T) {
	text := "system \"cam\" {\n  category = \"iot\"\n}\n"
	src := []byte{0xff, 0xfe}
	for _, u := range utf16.Encode([]rune(text)) {
		src = append(src, byte(u), byte(u>>8))
	}
	summaries, details := loadOne(t, "w.hcl", src)
	require.Equal(t, []string{"Invalid character encoding"}, summaries)
	assert.Contains(t, details[0], "Further errors in this file are not shown")
}

func TestUnquotedDateHintsAtQuotes(t *testing.T) {
	summaries, details := loadOne(t, "d.hcl", []byte("system \"cam\" {\n  category = \"iot\"\n  go_live = 2027-03-31\n}\n"))
	require.Equal(t, []string{"Unquoted date"}, summaries)
	assert.Equal(t, `Dates are strings: write "2027-03-31" in quotes. Without them, 2027-03-31 is read as a subtraction.`, details[0])
}

func TestNonASCIIIDIsASentence(t *testing.T) {
	summaries, details := loadOne(t, "u.hcl", []byte("system \"caméra\" {\n  category = \"iot\"\n}\n"))
	require.Equal(t, []string{"Invalid value"}, summaries)
	assert.Equal(t, `system "caméra".id: "caméra" is not a valid id: ids start with an ASCII letter or digit and hold only ASCII letters, `+
		`digits and . _ : - (no spaces, accents or other scripts); for example "camera".`, details[0])
	assert.NotContains(t, details[0], "^[", "no regular expression")
}

func TestArticles(t *testing.T) {
	_, details := loadOne(t, "a.hcl", []byte("system \"cam\" {\n  auth \"x\" {\n  }\n  auth {\n    colour = 1\n  }\n}\n"))
	require.Len(t, details, 2)
	assert.Equal(t, "An auth block takes no label: auth { ... }.", details[0])
	assert.Contains(t, details[1], "is not expected in an auth block")
}
