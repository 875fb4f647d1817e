//go:build !go1.27

package report

import "github.com/apparentlymart/go-textseg/v15/textseg"

func scanGrapheme(b []byte) int {
	n, _, _ := textseg.ScanGraphemeClusters(b, true)
	return n
}
