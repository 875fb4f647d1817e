package inventory

import (
	"testing"
	"testing/fstest"
	"time"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/open-policy-agent/opa/v1/ast"

	"github.com/citygate/citygate/fixtures/gen/corpus"
)

// benchCorpus is n generated inventories (seed 1, 30% violations), the
// corpus `make bench` times, in memory so the benchmarks measure CPU.
func benchCorpus(b *testing.B, n int) (fstest.MapFS, []string, int64) {
	b.Helper()
	asOf, _ := time.Parse(time.DateOnly, "2026-01-01")
	mfs := fstest.MapFS{}
	names := make([]string, n)
	var size int64
	for i := range n {
		inv := corpus.Generate(1, i, corpus.Options{Violations: 0.3, AsOf: asOf})
		mfs[inv.Name] = &fstest.MapFile{Data: inv.Src}
		names[i] = inv.Name
		size += int64(len(inv.Src))
	}
	return mfs, names, size
}

// BenchmarkLoad is inventory.Load of one generated inventory (1-5 systems,
// about 9 KB): read, parse (fastParse: generated inventories are in its
// subset), walk to an ast.Value with its source map, schema validation.
// ns/op is per inventory.
func BenchmarkLoad(b *testing.B) {
	benchLoad(b, Options{})
}

// BenchmarkLoadSlowPath is BenchmarkLoad without fastParse: depth check
// and hclsyntax parse, as for a file outside fastParse's subset.
func BenchmarkLoadSlowPath(b *testing.B) {
	benchLoad(b, Options{slowPath: true})
}

func benchLoad(b *testing.B, opts Options) {
	mfs, names, size := benchCorpus(b, 200)
	b.SetBytes(size / int64(len(names)))
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		inv, diags := Load(mfs, names[i%len(names)], opts)
		if diags.HasErrors() || inv.Doc == nil {
			b.Fatal(diags.Error())
		}
		i++
	}
}

// BenchmarkLoadStages times the costly stages of Load, each over the same
// inventories, to show where loading time goes: fastParse (which reads
// these inventories and builds their values, so replaces the next two),
// the depth and hostile-token check (a full hclsyntax lex), hclsyntax
// parsing, and JSON Schema validation of the built document. The walk
// that builds the document and source map is the remainder of
// BenchmarkLoad.
func BenchmarkLoadStages(b *testing.B) {
	mfs, names, size := benchCorpus(b, 200)
	srcs := make([][]byte, len(names))
	docs := make([]ast.Value, len(names))
	invs := make([]*Inventory, len(names))
	for i, n := range names {
		srcs[i] = mfs[n].Data
		inv, diags := Load(mfs, n, Options{})
		if diags.HasErrors() {
			b.Fatal(diags.Error())
		}
		invs[i], docs[i] = inv, inv.Doc
	}
	limits := DefaultLimits
	per := size / int64(len(names))
	stage := func(name string, fn func(i int)) {
		b.Run(name, func(b *testing.B) {
			b.SetBytes(per)
			b.ReportAllocs()
			i := 0
			for b.Loop() {
				fn(i % len(names))
				i++
			}
		})
	}
	stage("fastparse", func(i int) {
		if _, ok := fastParse(srcs[i], names[i], limits); !ok {
			b.Fatalf("%s: fastParse refused it", names[i])
		}
	})
	stage("depth", func(i int) { checkDepth(srcs[i], names[i], limits.MaxDepth) })
	stage("parse", func(i int) { hclsyntax.ParseConfig(srcs[i], names[i], hcl.InitialPos) })
	stage("validate", func(i int) { validate(InventorySchema, docs[i], invs[i].Source) })
}
