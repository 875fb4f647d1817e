package report

import "unicode/utf16"

// hcl counts columns in grapheme clusters ("é" written as e + U+0301 is one
// column), so converting its columns to other units has to walk the line the
// same way. scanGrapheme (one file per Go version, matching the textseg
// version hcl itself picks) returns the byte length of the cluster at the
// start of b.

// graphemes splits a line into the clusters hcl counts as columns.
func graphemes(line string) []string {
	b := []byte(line)
	var out []string
	for len(b) > 0 {
		n := scanGrapheme(b)
		if n <= 0 {
			n = 1
		}
		out = append(out, string(b[:n]))
		b = b[n:]
	}
	return out
}

// utf16Column converts a 1-based hcl column on line to a 1-based column in
// UTF-16 code units, as SARIF counts them. Columns past the end of the line
// (an end position just after the last character) count one unit each.
func utf16Column(line string, col int) int {
	if col < 1 {
		return 1
	}
	units := 1
	gs := graphemes(line)
	for i := 0; i < col-1; i++ {
		if i >= len(gs) {
			units += col - 1 - i
			break
		}
		for _, r := range gs[i] {
			units += max(utf16.RuneLen(r), 1)
		}
	}
	return units
}
