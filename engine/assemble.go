package engine

import (
	"sort"

	"github.com/citygate/citygate/engine/finding"
)

// assemble merges outcomes into one Result in deterministic order: findings
// by file and line, evidence by inventory (command-line order), rule and
// resource; each inventory gets its verdict and rule counts.
func (e *Engine) assemble(outcomes []outcome) *finding.Result {
	head := e.head()
	res := &head
	res.Findings = []finding.Finding{}
	res.Errors = []finding.Error{}
	res.Evidence = make([]finding.Evidence, 0, evidenceCount(outcomes))
	paths := make([]string, 0, len(outcomes))
	for _, o := range outcomes {
		e.finish(&o)
		res.Inventories = append(res.Inventories, o.inventory)
		res.Findings = append(res.Findings, o.findings...)
		res.Errors = append(res.Errors, o.errors...)
		res.Evidence = append(res.Evidence, o.evidence...)
		res.Summary.Systems += o.systems
		paths = append(paths, o.inventory.Path)
	}
	res.Errors = append(res.Errors, duplicateScopes(outcomes)...)
	res.Overrides = e.overridesInEffect(paths)
	sort.SliceStable(res.Findings, func(i, j int) bool { return finding.Less(&res.Findings[i], &res.Findings[j]) })
	finding.SortEvidence(res.Evidence, paths)
	res.Summary = finding.Summarize(res, e.failOn, len(outcomes), len(e.rules))
	return res
}

// inventoryStatus is one inventory's verdict, decided as the run's is:
// error when it could not be loaded or evaluated completely, fail when an
// open finding is at or above the threshold, else pass.
func inventoryStatus(o outcome, failOn finding.Threshold) finding.RunStatus {
	if len(o.errors) > 0 {
		return finding.RunError
	}
	for _, f := range o.findings {
		if f.Suppressed == nil && failOn.Fails(f.Severity) {
			return finding.RunFail
		}
	}
	return finding.RunPass
}

// evidenceCount sizes the evidence list once: at 10,000 inventories it
// holds hundreds of thousands of entries, which growing by doubling would
// copy several times.
func evidenceCount(outcomes []outcome) int {
	n := 0
	for _, o := range outcomes {
		n += len(o.evidence)
	}
	return n
}
