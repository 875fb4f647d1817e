package main

import (
	"fmt"
	"io"

	"github.com/citygate/citygate/engine"
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

// writeEvaluatorFallbacks tells, under --debug, which rules the compiled
// evaluator hands to topdown and why, so a custom pack that is slow under
// --evaluator wasm can be told from one that runs compiled.
func writeEvaluatorFallbacks(w io.Writer, ev engine.Evaluator, fallbacks []engine.Fallback) {
	if ev != engine.Wasm {
		return
	}
	if len(fallbacks) == 0 {
		fmt.Fprintln(w, "citygate: evaluator wasm: every rule compiled to WebAssembly")
		return
	}
	for _, f := range fallbacks {
		fmt.Fprintf(w, "citygate: evaluator wasm: %s (%s) runs on topdown: %s\n", f.Package, f.Query, f.Reason)
	}
}
