package main

import (
	"fmt"
	"io"

	"github.com/citygate/citygate/engine/inventory"
)

// writeFastPathStats tells, under --debug, how many native-syntax files
// the fast parser read and why the others took the slower path, so a
// corpus that is slow for a reason can be told from one that is large.
func writeFastPathStats(w io.Writer) {
	s := inventory.ReadFastPathStats()
	total := s.Fast + s.FallbackTotal()
	if total == 0 {
		return
	}
	fmt.Fprintf(w, "citygate: fast path read %d of %d HCL files (%.1f%%)\n", s.Fast, total, 100*float64(s.Fast)/float64(total))
	for _, r := range s.Reasons() {
		fmt.Fprintf(w, "citygate:   %d fell back: %s\n", s.Fallbacks[r], r)
	}
}
