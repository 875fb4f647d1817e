package engine

import (
	"context"
	"fmt"
	"testing"
	"testing/fstest"
	"time"

	"github.com/citygate/citygate/engine/finding"
	"github.com/citygate/citygate/engine/inventory"
	"github.com/citygate/citygate/engine/policy"
	"github.com/citygate/citygate/fixtures/gen/corpus"
)

const benchAsOf = "2026-01-01"

// benchCorpus is n generated inventories (seed 1, 30% violations), the
// corpus `make bench` times, in memory.
func benchCorpus(b *testing.B, n int) (fstest.MapFS, []string, int) {
	return generateCorpus(b, n, corpus.Options{Violations: 0.3})
}

// generateCorpus is n inventories of seed 1 with opts, dated from benchAsOf.
func generateCorpus(b *testing.B, n int, opts corpus.Options) (fstest.MapFS, []string, int) {
	b.Helper()
	opts.AsOf, _ = time.Parse(time.DateOnly, benchAsOf)
	mfs := fstest.MapFS{}
	names := make([]string, n)
	systems := 0
	for i := range n {
		inv := corpus.Generate(1, i, opts)
		mfs[inv.Name] = &fstest.MapFile{Data: inv.Src}
		names[i] = inv.Name
		systems += inv.Systems
	}
	return mfs, names, systems
}

func benchEngine(b *testing.B, mfs fstest.MapFS, opts ...Option) *Engine {
	b.Helper()
	lib, errs := policy.Load([]policy.Source{policy.Builtin()}, policy.Options{})
	if len(errs) > 0 {
		b.Fatal(errs)
	}
	e, err := New(context.Background(), lib, append([]Option{WithAsOf(benchAsOf), WithFS(mfs)}, opts...)...)
	if err != nil {
		b.Fatal(err)
	}
	return e
}

// BenchmarkStartup is what every run pays before the first inventory:
// parsing, checking and compiling the 60 built-in rules against the
// inventory schema, and preparing the rule and gate queries.
func BenchmarkStartup(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		lib, errs := policy.Load([]policy.Source{policy.Builtin()}, policy.Options{})
		if len(errs) > 0 {
			b.Fatal(errs)
		}
		if _, err := New(context.Background(), lib, WithAsOf(benchAsOf)); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkEvaluate is the prepared query (all 60 rules) on one loaded
// inventory, with findings located: ns/op is per inventory.
func BenchmarkEvaluate(b *testing.B) {
	mfs, names, _ := benchCorpus(b, 200)
	e := benchEngine(b, mfs)
	invs := make([]*inventory.Inventory, len(names))
	for i, n := range names {
		inv, diags := inventory.Load(mfs, n, inventory.Options{})
		if diags.HasErrors() {
			b.Fatal(diags.Error())
		}
		invs[i] = inv
	}
	ctx := context.Background()
	b.ReportAllocs()
	i, found := 0, 0
	for b.Loop() {
		inv := invs[i%len(invs)]
		fs, err := e.evaluate(ctx, inv, e.profilesFor(inv.Doc))
		if err != nil {
			b.Fatal(err)
		}
		found += len(fs)
		i++
	}
	b.ReportMetric(float64(found)/float64(i), "findings/op")
}

// BenchmarkCheckOne is one inventory end to end on one goroutine: load,
// evaluate, waivers, gates.
func BenchmarkCheckOne(b *testing.B) {
	mfs, names, _ := benchCorpus(b, 200)
	e := benchEngine(b, mfs)
	ctx := context.Background()
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		if o := e.checkOne(ctx, names[i%len(names)]); len(o.errors) > 0 {
			b.Fatal(o.errors)
		}
		i++
	}
}

// BenchmarkCheck is Engine.Check over 1,000 inventories on every core,
// as `citygate check` runs them (the files in memory).
func BenchmarkCheck(b *testing.B) {
	for _, n := range []int{1000} {
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			mfs, names, systems := benchCorpus(b, n)
			e := benchEngine(b, mfs)
			b.ReportAllocs()
			runs := 0
			for b.Loop() {
				res, err := e.Check(context.Background(), names)
				if err != nil || len(res.Errors) > 0 {
					b.Fatal(err, res)
				}
				runs++
			}
			b.ReportMetric(float64(systems*runs)/b.Elapsed().Seconds(), "systems/s")
		})
	}
}

// BenchmarkLocate is the Go side of a finding, per finding: turning one
// deny result into a finding (locate: the source map lookup, the message
// rendered from its template, snippet and fingerprint), on the sparse
// corpus, where findings are many. Sub-benchmarks split it: "render" is
// the message alone, "sourcemap" the lookup alone. ns/op and allocs/op
// are per finding.
func BenchmarkLocate(b *testing.B) {
	mfs, names, _ := generateCorpus(b, 100, corpus.Options{Violations: 0.3, Sparse: true})
	e := benchEngine(b, mfs)
	type located struct {
		inv   *inventory.Inventory
		rule  *finding.Rule
		obj   map[string]any
		r     finding.Resource
		field string
	}
	var all []located
	for _, n := range names {
		inv, diags := inventory.Load(mfs, n, inventory.Options{})
		if diags.HasErrors() {
			b.Fatal(diags.Error())
		}
		hits, err := e.denies.eval(context.Background(), e.evalOptions(inv))
		if err != nil {
			b.Fatal(err)
		}
		for _, h := range hits {
			rule, ok := e.lib.RuleForPackage(h.pkg)
			if !ok {
				continue
			}
			obj := h.value.(map[string]any)
			res := obj["resource"].(map[string]any)
			field, _ := obj["field"].(string)
			r := finding.Resource{Kind: res["kind"].(string), ID: res["id"].(string)}
			all = append(all, located{inv, rule, obj, r, field})
		}
	}
	if len(all) == 0 {
		b.Fatal("the sparse corpus gave no findings")
	}
	for _, part := range []struct {
		name string
		run  func(l located) error
	}{
		{"locate", func(l located) error { _, err := e.locate(l.inv, l.rule, l.obj); return err }},
		{"render", func(l located) error { _, _, _, _, err := resultMessage(l.rule, l.obj, l.r, l.field); return err }},
		{"sourcemap", func(l located) error {
			if _, _, ok := l.inv.Source.Locate(l.r.Kind, l.r.ID, l.field); !ok {
				return fmt.Errorf("%v not located", l.obj)
			}
			return nil
		}},
	} {
		b.Run(part.name, func(b *testing.B) {
			b.ReportAllocs()
			i := 0
			for b.Loop() {
				if err := part.run(all[i%len(all)]); err != nil {
					b.Fatal(err)
				}
				i++
			}
		})
	}
}
