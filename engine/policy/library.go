package policy

import (
	"maps"
	"slices"

	"github.com/citygate/citygate/engine/finding"
	"github.com/citygate/citygate/engine/pack"
)

// Rules returns the selected rules in id order. The slice and everything
// in it are copies: a caller that edits them changes nothing loaded.
func (l *Library) Rules() []finding.Rule {
	out := make([]finding.Rule, len(l.rules))
	for i, r := range l.rules {
		out[i] = CloneRule(r)
	}
	return out
}

// NumRules is len(l.Rules()) without the copy.
func (l *Library) NumRules() int { return len(l.rules) }

// Params returns a deep copy of the effective thresholds (defaults merged
// with overrides), as rules read them under data.citygate.params.
func (l *Library) Params() map[string]any { return pack.CloneJSON(l.params).(map[string]any) }

// CloneRule copies a rule with its slices and map, so the copy shares
// nothing with the original.
func CloneRule(r finding.Rule) finding.Rule {
	r.Profiles = slices.Clone(r.Profiles)
	r.Sources = slices.Clone(r.Sources)
	r.Controls = slices.Clone(r.Controls)
	r.Messages = maps.Clone(r.Messages)
	r.RemediationArgs = maps.Clone(r.RemediationArgs)
	r.RelatedResources = slices.Clone(r.RelatedResources)
	r.Fields = slices.Clone(r.Fields)
	return r
}
