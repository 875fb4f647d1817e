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
	// CITYGATE_MEASURE_POLICY=DIR[,DIR] adds other copies of the library
	// (e.g. an older commit's policies/, from git archive). Every
	// configuration (library x evaluator) is prepared first, then the
	// passes are interleaved, one pass of each per round, so drift in the
	// machine's load and the heap left by earlier engines fall on all alike.
	type config struct {
		name       string
		e          *Engine
		prep       time.Duration
		walls, cpu []float64
		findings   int
	}
	var configs []*config
	srcs := []struct {
		name string
		src  policy.Source
	}{{"builtin", policy.Builtin()}}
	if dirs := os.Getenv("CITYGATE_MEASURE_POLICY"); dirs != "" {
		for dir := range strings.SplitSeq(dirs, ",") {
			srcs = append(srcs, struct {
				name string
				src  policy.Source
			}{dir, policy.Source{FS: os.DirFS(dir), Prefix: "policies", Builtin: true}})
		}
	}
	for _, s := range srcs {
		lib, errs := policy.Load([]policy.Source{s.src}, policy.Options{})
		if len(errs) > 0 {
			t.Fatal(errs)
		}
		for name := range strings.SplitSeq(which, ",") {
			ev, err := ParseEvaluator(name)
			if err != nil {
				t.Fatal(err)
			}
			start := time.Now()
			e, err := New(context.Background(), lib, WithAsOf(benchAsOf), WithParallel(1), WithEvaluator(ev))
			if err != nil {
				t.Fatal(err)
			}
			configs = append(configs, &config{name: s.name + ", " + name, e: e, prep: time.Since(start)})
		}
	}
	for r := range rounds + 1 {
		for _, c := range configs {
			c0, w0 := cpuTime(), time.Now()
			c.findings = 0
			for _, inv := range invs {
				found, err := c.e.evaluate(context.Background(), inv, nil)
				if err != nil {
					t.Fatal(err)
				}
				if _, err := c.e.applies(context.Background(), inv, nil); err != nil {
					t.Fatal(err)
				}
				c.findings += len(found)
			}
			if r == 0 {
				continue // warm-up
			}
			c.walls = append(c.walls, float64(time.Since(w0).Microseconds())/1000/n)
			c.cpu = append(c.cpu, float64(cpuTime()-c0)/1e6/n)
		}
	}
	for _, c := range configs {
		slices.Sort(c.walls)
		slices.Sort(c.cpu)
		t.Logf("%s: prepare %.1f s; %d findings; per inventory median wall %.2f ms (%v), CPU %.2f ms (%v)",
			c.name, c.prep.Seconds(), c.findings, c.walls[rounds/2], fmtMs(c.walls), c.cpu[rounds/2], fmtMs(c.cpu))
	}
	if len(configs) == 2 {
		// The decision figure of docs/performance.md: Wasm is adopted as
		// the default only at 3x faster per inventory.
		a, b := configs[0], configs[1]
		t.Logf("CPU per inventory ratio %s/%s: %.2f (wasm is the default only below 0.33)", b.name, a.name, b.cpu[rounds/2]/a.cpu[rounds/2])
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
