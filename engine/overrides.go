package engine

import (
	"fmt"
	"sort"

	"github.com/citygate/citygate/engine/finding"
	"github.com/citygate/citygate/internal/pathglob"
)

// RuleOverride is one rule's setting from the config (rules: in
// .citygate.yaml): a new severity, or the rule turned off, for every
// inventory or only those whose path matches one of Paths.
type RuleOverride struct {
	RuleID string
	// Severity replaces the rule's severity; "" keeps it.
	Severity finding.Severity
	// Disabled turns the rule off: it has no findings and no evidence
	// where the override applies, so it reads as not evaluated, never as
	// passed.
	Disabled bool
	// Paths are doublestar globs matched against the inventory path as
	// given on the command line, slash-normalised; empty means every
	// inventory.
	Paths []string
}

// WithRuleOverrides applies per-rule overrides to each inventory they
// match, before waivers, gates and --fail-on see the findings. An
// override of a rule the library does not know is an error from New; one
// of a rule left out by --rule or --skip-rule changes nothing.
func WithRuleOverrides(overrides []RuleOverride) Option {
	return func(e *Engine) {
		e.overrides = nil
		for _, o := range overrides {
			o.Paths = append([]string(nil), o.Paths...)
			e.overrides = append(e.overrides, ruleOverride{RuleOverride: o})
		}
	}
}

// ruleOverride is a checked override with its compiled globs and the
// rule's own severity.
type ruleOverride struct {
	RuleOverride
	globs []*pathglob.Glob
	from  finding.Severity
}

// prepareOverrides checks the overrides against the library and compiles
// their globs; overrides of rules not selected for this run are dropped.
func (e *Engine) prepareOverrides() error {
	bySeverity := map[string]finding.Severity{}
	for _, r := range e.rules {
		bySeverity[r.ID] = r.Severity
	}
	seen := map[string]bool{}
	var kept []ruleOverride
	for _, o := range e.overrides {
		if seen[o.RuleID] {
			return fmt.Errorf("rule override: %s is overridden twice", o.RuleID)
		}
		seen[o.RuleID] = true
		if !e.lib.Known(o.RuleID) {
			return fmt.Errorf("rule override: no loaded rule has id %q", o.RuleID)
		}
		if o.Severity != "" && !o.Severity.Valid() {
			return fmt.Errorf("rule override of %s: invalid severity %q: want one of critical, high, medium, low", o.RuleID, o.Severity)
		}
		if !o.Disabled && o.Severity == "" {
			return fmt.Errorf("rule override of %s: changes nothing (set severity, or enabled: false)", o.RuleID)
		}
		for _, p := range o.Paths {
			g, err := pathglob.Compile(p)
			if err != nil {
				return fmt.Errorf("rule override of %s: %w", o.RuleID, err)
			}
			o.globs = append(o.globs, g)
		}
		from, selected := bySeverity[o.RuleID]
		if !selected {
			continue
		}
		o.from = from
		kept = append(kept, o)
	}
	sort.Slice(kept, func(i, j int) bool { return kept[i].RuleID < kept[j].RuleID })
	e.overrides = kept
	return nil
}

// appliesTo reports whether the override applies to an inventory path.
func (o *ruleOverride) appliesTo(path string) bool {
	if len(o.globs) == 0 {
		return true
	}
	for _, g := range o.globs {
		if g.Match(path) {
			return true
		}
	}
	return false
}

// overridesFor are the overrides that apply to one inventory, by rule id.
func (e *Engine) overridesFor(path string) map[string]*ruleOverride {
	var out map[string]*ruleOverride
	for i := range e.overrides {
		o := &e.overrides[i]
		if o.appliesTo(path) {
			if out == nil {
				out = map[string]*ruleOverride{}
			}
			out[o.RuleID] = o
		}
	}
	return out
}

// applyOverrides drops the findings of disabled rules and sets the
// overridden severities. Fingerprints do not involve severity, so
// baselines and waivers still match.
func applyOverrides(found []finding.Finding, os map[string]*ruleOverride) []finding.Finding {
	if len(os) == 0 {
		return found
	}
	out := found[:0]
	for _, f := range found {
		o := os[f.RuleID]
		switch {
		case o == nil:
		case o.Disabled:
			continue
		case o.Severity != "":
			f.Severity = o.Severity
		}
		out = append(out, f)
	}
	return out
}

// withoutDisabled drops the evidence of rules disabled for the inventory:
// they were not evaluated there, which is neither pass nor not applicable.
func withoutDisabled(ev []finding.Evidence, os map[string]*ruleOverride) []finding.Evidence {
	if len(os) == 0 {
		return ev
	}
	out := ev[:0]
	for _, x := range ev {
		if o := os[x.RuleID]; o != nil && o.Disabled {
			continue
		}
		out = append(out, x)
	}
	return out
}

// overridesInEffect lists the run's overrides for the result, each with
// the inventories (command-line order) it applied to.
func (e *Engine) overridesInEffect(paths []string) []finding.Override {
	var out []finding.Override
	for i := range e.overrides {
		o := &e.overrides[i]
		fo := finding.Override{RuleID: o.RuleID, Disabled: o.Disabled, Paths: o.Paths, Inventories: []string{}}
		if !o.Disabled {
			fo.Severity, fo.From = o.Severity, o.from
		}
		if len(fo.Paths) == 0 {
			fo.Paths = nil
		}
		for _, p := range paths {
			if o.appliesTo(p) {
				fo.Inventories = append(fo.Inventories, p)
			}
		}
		out = append(out, fo)
	}
	return out
}
