package report

import (
	"bytes"
	"context"
	"testing"
	"testing/fstest"
	"time"

	"github.com/citygate/citygate/engine"
	"github.com/citygate/citygate/engine/finding"
	"github.com/citygate/citygate/engine/policy"
	"github.com/citygate/citygate/fixtures/gen/corpus"
)

// benchResult is the result of checking n generated inventories.
func benchResult(b *testing.B, n int) *finding.Result {
	b.Helper()
	asOf, _ := time.Parse(time.DateOnly, "2026-01-01")
	mfs := fstest.MapFS{}
	names := make([]string, n)
	for i := range n {
		inv := corpus.Generate(1, i, corpus.Options{Violations: 0.3, AsOf: asOf})
		mfs[inv.Name] = &fstest.MapFile{Data: inv.Src}
		names[i] = inv.Name
	}
	lib, errs := policy.Load([]policy.Source{policy.Builtin()}, policy.Options{})
	if len(errs) > 0 {
		b.Fatal(errs)
	}
	e, err := engine.New(context.Background(), lib, engine.WithAsOf("2026-01-01"), engine.WithFS(mfs))
	if err != nil {
		b.Fatal(err)
	}
	res, err := e.Check(context.Background(), names)
	if err != nil {
		b.Fatal(err)
	}
	return res
}

// BenchmarkReport writes the result of 1,000 generated inventories (about
// 2,300 findings) in each format; ns/op is per report.
func BenchmarkReport(b *testing.B) {
	res := benchResult(b, 1000)
	for _, format := range []string{"json", "sarif", "text"} {
		b.Run(format, func(b *testing.B) {
			r, err := New(format, Options{})
			if err != nil {
				b.Fatal(err)
			}
			var buf bytes.Buffer
			b.ReportAllocs()
			for b.Loop() {
				buf.Reset()
				if err := r.Report(&buf, res); err != nil {
					b.Fatal(err)
				}
			}
			b.SetBytes(int64(buf.Len()))
			b.ReportMetric(float64(len(res.Findings)), "findings")
		})
	}
}
