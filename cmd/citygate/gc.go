package main

import (
	"os"
	"runtime/debug"
)

// Garbage-collector settings for the citygate process, unless GOGC or
// GOMEMLIMIT are set in the environment (which then win).
//
// citygate's live heap is small, the compiled library and the findings so
// far, while every inventory it loads and evaluates leaves 1-2 MB of
// short-lived garbage. With Go's default GOGC=100 the collector ran for
// 15-25% of the CPU and, on 1,000 inventories, made validate 2.3 times
// and check 1.4 times slower than GOGC=400 (docs/performance.md). The soft
// memory limit keeps the peak RSS under its 300 MB target: near the limit
// the collector works harder instead of letting the heap grow. Since check
// streams findings to a spool file (engine.CheckStream, report.Spool) the
// live heap no longer grows with the findings, so the limit costs little
// CPU (docs/performance.md, "Bounded memory"); before, a sparse corpus's
// findings filled the heap and the collector thrashed near the limit. At 10,000 inventories (22,000
// findings) a 256 MiB limit peaked at 273 MB RSS, 160 MiB at 181 MB for
// the same CPU time, 128 MiB at 149 MB for 8% more.
const (
	gcPercent   = 400
	memoryLimit = 160 << 20
)

func tuneGC() {
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(gcPercent)
	}
	if os.Getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(memoryLimit)
	}
}
