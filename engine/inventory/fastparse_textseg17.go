//go:build go1.27

package inventory

import "github.com/apparentlymart/go-textseg/v17/textseg"

// scanGrapheme is the byte length of the grapheme cluster at the start of
// b, as hcl counts it: hcl picks textseg v17 from Go 1.27 on, v15 before
// (hcl/v2/internal/unicodeutil), and so does fastParse.
func scanGrapheme(b []byte) int {
	n, _, _ := textseg.ScanGraphemeClusters(b, true)
	return n
}
