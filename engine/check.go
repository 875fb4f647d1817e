package engine

import (
	"context"
	"sort"
	"sync"

	"github.com/citygate/citygate/engine/finding"
	"github.com/citygate/citygate/engine/waiver"
	"github.com/citygate/citygate/internal/workpool"
)

// Check loads and evaluates every inventory path on a bounded worker pool
// and returns the findings of all of them in report order. No path means
// the current directory.
func (e *Engine) Check(ctx context.Context, paths []string) *finding.Result {
	return e.CheckWithProgress(ctx, paths, nil)
}

// Progress is told after each inventory: how many are done and how many
// findings were made so far. It is called from one goroutine at a time.
type Progress func(done, total, findings int)

// CheckWithProgress is Check, reporting progress as inventories finish.
func (e *Engine) CheckWithProgress(ctx context.Context, paths []string, progress Progress) *finding.Result {
	if len(paths) == 0 {
		paths = []string{"."}
	}
	outcomes := make([]outcome, len(paths))
	var mu sync.Mutex
	done, nfound := 0, 0
	workpool.ForEach(len(paths), e.parallel, func(i int) {
		outcomes[i] = e.checkOneSafely(ctx, paths[i])
		if progress != nil {
			mu.Lock()
			done++
			nfound += len(outcomes[i].findings)
			progress(done, len(paths), nfound)
			mu.Unlock()
		}
	})
	return e.assemble(outcomes)
}

// assemble merges outcomes into one Result in deterministic order.
func (e *Engine) assemble(outcomes []outcome) *finding.Result {
	res := &finding.Result{
		SchemaVersion: finding.SchemaVersion,
		Tool:          finding.Tool{Name: "citygate", Version: Version},
		AsOf:          e.asOf,
		Findings:      []finding.Finding{},
		Errors:        []finding.Error{},
		Rules:         append(append([]finding.Rule(nil), e.lib.Rules...), waiver.Rules...),
	}
	for _, o := range outcomes {
		res.Inventories = append(res.Inventories, o.inventory)
		res.Findings = append(res.Findings, o.findings...)
		res.Errors = append(res.Errors, o.errors...)
		res.Summary.Systems += o.systems
	}
	res.Errors = append(res.Errors, duplicateScopes(outcomes)...)
	sort.SliceStable(res.Findings, func(i, j int) bool { return finding.Less(&res.Findings[i], &res.Findings[j]) })
	res.Summary = summarize(res, e.failOn, len(outcomes), len(e.lib.Rules))
	return res
}

// summarize counts findings: Findings and BySeverity count the open
// (unsuppressed) findings, Suppressed those waived or baselined; Failed is
// whether an open finding is at or above the threshold.
func summarize(res *finding.Result, failOn finding.Threshold, inventories, rules int) finding.Summary {
	s := finding.Summary{
		Inventories: inventories,
		Systems:     res.Summary.Systems,
		Rules:       rules,
		BySeverity:  map[finding.Severity]int{},
		FailOn:      failOn,
	}
	for _, sev := range finding.Severities {
		s.BySeverity[sev] = 0
	}
	for _, f := range res.Findings {
		if f.Suppressed != nil {
			s.Suppressed++
			continue
		}
		s.Findings++
		s.BySeverity[f.Severity]++
		if failOn.Fails(f.Severity) {
			s.Failed = true
		}
	}
	return s
}
