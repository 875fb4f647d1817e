package engine

import (
	"context"
	"fmt"
	"os"
	"slices"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"testing/fstest"
	"time"

	"github.com/citygate/citygate/engine/inventory"
	"github.com/citygate/citygate/engine/policy"
	"github.com/citygate/citygate/fixtures/gen/corpus"
)

// TestMeasureEvaluators times the evaluation alone (the deny and applies
// queries, no loading or reporting) of 400 generated inventories, one at a
// time, under each evaluator: the figures of docs/performance.md,
// "Compiled evaluator". Run it on purpose:
//
//	CITYGATE_MEASURE=topdown,wasm go test ./engine -run TestMeasureEvaluators -v -count=1
func TestMeasureEvaluators(t *testing.T) {
	which := os.Getenv("CITYGATE_MEASURE")
	if which == "" {
		t.Skip("set CITYGATE_MEASURE=topdown,wasm to measure")
	}
	const n = 400
	rounds := 5
	if r, err := strconv.Atoi(os.Getenv("CITYGATE_MEASURE_ROUNDS")); err == nil && r > 0 {
		rounds = r
	}
	asOf, _ := time.Parse(time.DateOnly, benchAsOf)
	mfs := fstest.MapFS{}
	invs := make([]*inventory.Inventory, n)
	for i := range n {
		g := corpus.Generate(1, i, corpus.Options{Violations: 1, AsOf: asOf})
		mfs[g.Name] = &fstest.MapFile{Data: g.Src}
		inv, diags := inventory.Load(mfs, g.Name, inventory.Options{})
		if diags.HasErrors() {
			t.Fatal(diags)
		}
		invs[i] = inv
	}
	libs := map[string]*policy.Library{}
	srcs := map[string]policy.Source{"builtin": policy.Builtin()}
	// CITYGATE_MEASURE_POLICY=DIR compares another copy of the library
	// (e.g. an older commit's policies/, from git archive).
	if dir := os.Getenv("CITYGATE_MEASURE_POLICY"); dir != "" {
		srcs[dir] = policy.Source{FS: os.DirFS(dir), Prefix: "policies", Builtin: true}
	}
	names := make([]string, 0, len(srcs))
	for name, src := range srcs {
		lib, errs := policy.Load([]policy.Source{src}, policy.Options{})
		if len(errs) > 0 {
			t.Fatal(errs)
		}
		libs[name] = lib
		names = append(names, name)
	}
	slices.Sort(names)
	for _, libName := range names {
		lib := libs[libName]
		for _, name := range strings.Split(which, ",") {
			ev, err := ParseEvaluator(name)
			if err != nil {
				t.Fatal(err)
			}
			start := time.Now()
			e, err := New(context.Background(), lib, WithAsOf(benchAsOf), WithParallel(1), WithEvaluator(ev))
			if err != nil {
				t.Fatal(err)
			}
			prep := time.Since(start)
			var walls, cpus []float64
			findings := 0
			for r := range rounds + 1 {
				c0, w0 := cpuTime(), time.Now()
				findings = 0
				for _, inv := range invs {
					found, err := e.evaluate(context.Background(), inv, nil)
					if err != nil {
						t.Fatal(err)
					}
					if _, err := e.applies(context.Background(), inv, nil); err != nil {
						t.Fatal(err)
					}
					findings += len(found)
				}
				if r == 0 {
					continue // warm-up
				}
				walls = append(walls, float64(time.Since(w0).Microseconds())/1000/n)
				cpus = append(cpus, float64(cpuTime()-c0)/1e6/n)
			}
			slices.Sort(walls)
			slices.Sort(cpus)
			t.Logf("%s, %s: prepare %.1f s; %d findings; per inventory median wall %.2f ms (%v), CPU %.2f ms (%v)",
				libName, name, prep.Seconds(), findings, walls[rounds/2], fmtMs(walls), cpus[rounds/2], fmtMs(cpus))
		}
	}
}

func cpuTime() int64 {
	var ru syscall.Rusage
	_ = syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	return ru.Utime.Nano() + ru.Stime.Nano()
}

func fmtMs(v []float64) string {
	s := make([]string, len(v))
	for i, x := range v {
		s[i] = fmt.Sprintf("%.2f", x)
	}
	return strings.Join(s, " ")
}
