package tender

import (
	"context"

	"github.com/citygate/citygate/engine"
	"github.com/citygate/citygate/engine/finding"
)

// This file is the seam to the engine's evolving API: the one place that
// changes when the engine reports evidence statuses itself.

// runEngine evaluates the bids' composed inventories.
func runEngine(ctx context.Context, eng *engine.Engine, paths []string) (*finding.Result, error) {
	return eng.Check(ctx, paths)
}

// isNotStated tells a not_stated finding from a fail.
func isNotStated(f *finding.Finding) bool { return f.Status == finding.StatusNotStated }

// engineEvidence is the engine's evidence for one inventory.
func engineEvidence(res *finding.Result, path string, _ []finding.Rule) []Evidence {
	var out []Evidence
	for _, e := range res.Evidence {
		if e.Inventory == path {
			out = append(out, Evidence{RuleID: e.RuleID, Resource: e.Resource, Status: Status(e.Status), Fields: e.Fields})
		}
	}
	return out
}
