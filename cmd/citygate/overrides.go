package main

import (
	"fmt"
	"sort"

	"github.com/citygate/citygate/engine"
	"github.com/citygate/citygate/engine/finding"
	"github.com/citygate/citygate/engine/policy"
	"github.com/citygate/citygate/internal/config"
)

// ruleOverrides turns the config's rules: into the engine's overrides,
// after checking that each id names a loaded rule (located in the file,
// with the closest id). A tender check takes none: the tender, not a
// config file, decides what blocks award (docs/configuration.md).
func ruleOverrides(cfg config.Config, lib *policy.Library) ([]engine.RuleOverride, error) {
	if len(cfg.Rules) == 0 {
		return nil, nil
	}
	var ids []string
	for _, r := range lib.Rules() {
		ids = append(ids, r.ID)
	}
	if err := config.CheckRuleIDs(cfg.File, cfg.Rules, lib.Known, ids); err != nil {
		return nil, fmt.Errorf("config: %w", err)
	}
	out := make([]engine.RuleOverride, 0, len(cfg.Rules))
	for id, r := range cfg.Rules {
		out = append(out, engine.RuleOverride{
			RuleID:   id,
			Severity: finding.Severity(r.Severity),
			Disabled: r.Enabled != nil && !*r.Enabled,
			Paths:    r.Paths,
		})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].RuleID < out[j].RuleID })
	return out, nil
}
