package engine

import (
	"github.com/citygate/citygate/engine/finding"
	"github.com/citygate/citygate/engine/inventory"
)

// suppress marks baselined findings. Waivers are applied here too once
// they land.
func (e *Engine) suppress(_ *inventory.Inventory, found []finding.Finding) []finding.Finding {
	for i := range found {
		if e.baseline[found[i].Fingerprint] {
			found[i].Suppressed = &finding.Suppression{Kind: "baseline", Reason: "present in the baseline"}
		}
	}
	return found
}
