package engine

import (
	"context"
	"sort"
	"sync"

	"github.com/citygate/citygate/engine/finding"
	"github.com/citygate/citygate/engine/waiver"
)

// reorderPerWorker bounds how far evaluation runs ahead of delivery: at
// most reorderPerWorker × parallel inventories are evaluated or waiting to
// be handed over at once, so a slow inventory holds back memory for that
// many results, never for the whole run.
const reorderPerWorker = 4

// CheckStream is Check for runs too large to hold: each inventory's part
// (its verdict, findings, errors and evidence, each in report order) is
// handed to emit as soon as it and every inventory before it are done, in
// input order, and then dropped. The returned result is the run's head:
// its summary, inventories, errors and rules, with Findings and Evidence
// nil. Memory grows with the inventories in flight and the number of
// inventories, not with the findings.
//
// Within an inventory the order is Check's; across inventories it is the
// input order, where Check sorts all findings by file, so a reporter that
// needs Check's order merges the parts (report.Spool does). Paths must be
// distinct (the CLI removes repeats). An error from emit stops the run
// and is returned; so is an interruption, as Check does.
func (e *Engine) CheckStream(ctx context.Context, paths []string, progress Progress, emit func(*finding.Part) error) (*finding.Result, error) {
	if e.lib == nil {
		return nil, errNoLibrary
	}
	if len(paths) == 0 {
		paths = []string{"."}
	}
	b := finding.NewBuilder(e.head(), e.failOn, len(e.rules))
	// scopes keep what duplicateScopes needs of each inventory.
	scopes := make([]outcome, 0, len(paths))
	err := e.run(ctx, paths, progress, func(o outcome) error {
		p := e.part(o)
		scopes = append(scopes, outcome{inventory: finding.InventoryResult{Path: o.inventory.Path, Resources: cityResources(o.inventory.Resources)}, scope: o.scope})
		b.Add(p)
		return emit(p)
	})
	if err != nil {
		return nil, err
	}
	b.AddErrors(duplicateScopes(scopes)...)
	res := b.Result()
	evaluated := make([]string, len(scopes))
	for i, o := range scopes {
		evaluated[i] = o.inventory.Path
	}
	res.Overrides = e.overridesInEffect(evaluated)
	return res, nil
}

// head is what every result of the engine starts with.
func (e *Engine) head() finding.Result {
	res := finding.Result{
		SchemaVersion: finding.SchemaVersion,
		Tool:          finding.Tool{Name: "citygate", Version: Version},
		AsOf:          e.asOf,
		Rules:         append(append([]finding.Rule(nil), e.rules...), waiver.Rules...),
	}
	for i := range res.Rules {
		res.Rules[i].Area = areaOf(&res.Rules[i])
	}
	return res
}

// part finishes one outcome as a streamed part: verdict, rule counts,
// findings and evidence sorted as assemble sorts them for one inventory.
func (e *Engine) part(o outcome) *finding.Part {
	e.finish(&o)
	sort.SliceStable(o.findings, func(i, j int) bool { return finding.Less(&o.findings[i], &o.findings[j]) })
	finding.SortEvidence(o.evidence, []string{o.inventory.Path})
	return &finding.Part{Inventory: o.inventory, Findings: o.findings, Errors: o.errors, Evidence: o.evidence, Systems: o.systems}
}

// finish sets an outcome's verdict, rule counts and profiles.
func (e *Engine) finish(o *outcome) {
	o.inventory.Status = inventoryStatus(*o, e.failOn)
	for _, rs := range finding.RuleStatuses(o.evidence) {
		o.inventory.Counts.Add(rs.Status)
	}
	if o.inventory.Profiles == nil {
		o.inventory.Profiles = []string{}
	}
}

// cityResources keeps the city blocks of an inventory's resources.
func cityResources(rs []finding.ResourceLocation) []finding.ResourceLocation {
	for _, r := range rs {
		if r.Kind == "city" {
			return []finding.ResourceLocation{r}
		}
	}
	return nil
}

// run loads and evaluates every path on the worker pool and hands each
// outcome to deliver in input order. At most reorderPerWorker × parallel
// inventories are between being started and being delivered. When ctx
// ends it stops starting inventories and returns interrupted(ctx); an
// error from deliver stops the run and is returned.
func (e *Engine) run(ctx context.Context, paths []string, progress Progress, deliver func(outcome) error) error {
	ctx, cancel := context.WithCancel(ctx)
	var workers sync.WaitGroup
	// Workers finish the inventory in hand (cancelled) before run returns.
	defer func() { cancel(); workers.Wait() }()
	window := min(max(e.parallel, 1)*reorderPerWorker, len(paths))
	slots := make(chan struct{}, window)
	ring := make([]chan outcome, window)
	for i := range ring {
		ring[i] = make(chan outcome, 1)
	}
	jobs := make(chan int)
	go func() {
		defer close(jobs)
		for i := range paths {
			select {
			case slots <- struct{}{}:
			case <-ctx.Done():
				return
			}
			select {
			case jobs <- i:
			case <-ctx.Done():
				return
			}
		}
	}()
	var mu sync.Mutex
	done, nfound := 0, 0
	for range min(max(e.parallel, 1), len(paths)) {
		workers.Add(1)
		go func() {
			defer workers.Done()
			for i := range jobs {
				// The feeder's select picks at random between a free slot
				// and ctx.Done, so jobs can still arrive after cancelling:
				// they are drained unloaded (run returns interrupted), and
				// a run cancelled before it starts loads nothing.
				if ctx.Err() != nil {
					continue
				}
				o := e.checkOneSafely(ctx, paths[i])
				if progress != nil {
					mu.Lock()
					done++
					nfound += len(o.findings)
					progress(done, len(paths), nfound)
					mu.Unlock()
				}
				// Never blocks: slot i%window was emptied before i started.
				ring[i%window] <- o
			}
		}()
	}
	for i := range paths {
		var o outcome
		select {
		case o = <-ring[i%window]:
		case <-ctx.Done():
			return interrupted(ctx)
		}
		// An evaluation cut short by ctx says so in its outcome; none of
		// it is worth reporting, since which inventories finished is
		// chance.
		if ctx.Err() != nil {
			return interrupted(ctx)
		}
		<-slots
		if err := deliver(o); err != nil {
			return err
		}
	}
	if ctx.Err() != nil {
		return interrupted(ctx)
	}
	return nil
}
