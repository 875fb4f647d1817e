package main

import (
	"io"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/citygate/citygate/fixtures/gen/corpus"
)

// writeCorpus writes n generated inventories (seed 1, 30% violations) to
// a temporary directory and returns their paths.
func writeCorpus(b *testing.B, n int) []string {
	b.Helper()
	dir := b.TempDir()
	asOf, _ := time.Parse(time.DateOnly, "2026-01-01")
	paths := make([]string, n)
	for i := range n {
		inv := corpus.Generate(1, i, corpus.Options{Violations: 0.3, AsOf: asOf})
		paths[i] = filepath.Join(dir, inv.Name)
		if err := os.WriteFile(paths[i], inv.Src, 0o644); err != nil {
			b.Fatal(err)
		}
	}
	return paths
}

// BenchmarkCLI runs the validate and check commands in-process over 500
// generated inventories on disk: the whole path a user's run takes, minus
// process start, so it can be profiled with -cpuprofile.
func BenchmarkCLI(b *testing.B) {
	paths := writeCorpus(b, 500)
	out := filepath.Join(b.TempDir(), "out.json")
	for _, tc := range []struct {
		name string
		args []string
		code int
	}{
		{"validate", append([]string{"validate"}, paths...), exitOK},
		{"check", append(append([]string{"check"}, paths...), "-f", "json", "-o", out, "--as-of", "2026-01-01", "--quiet"), exitFindings},
	} {
		b.Run(tc.name, func(b *testing.B) {
			b.ReportAllocs()
			cpu0 := cpuTime()
			for b.Loop() {
				if code := run(tc.args, io.Discard, io.Discard); code != tc.code {
					b.Fatalf("exit %d, want %d", code, tc.code)
				}
			}
			b.ReportMetric(float64(len(paths))*float64(b.N)/b.Elapsed().Seconds(), "inventories/s")
			// CPU time is steadier than wall time on a shared machine.
			b.ReportMetric(float64((cpuTime()-cpu0).Microseconds())/1000/float64(len(paths)*b.N), "cpu-ms/inventory")
		})
	}
}
