package engine

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/hashicorp/hcl/v2"
	"github.com/open-policy-agent/opa/v1/topdown"

	"github.com/citygate/citygate/engine/finding"
	"github.com/citygate/citygate/engine/inventory"
	"github.com/citygate/citygate/engine/waiver"
)

// outcome is what one inventory contributed to a run.
type outcome struct {
	inventory finding.InventoryResult
	findings  []finding.Finding
	errors    []finding.Error
	// evidence is empty unless the inventory was evaluated completely.
	evidence []finding.Evidence
	systems  int
	// scope keys the inventory's fingerprints (preflight.go).
	scope string
	// exempt marks, by index, the findings the baseline may not suppress
	// (applyBaseline); it is kept so that a cached outcome can take a
	// baseline without the inventory's waivers.
	exempt []bool
}

// checkOne loads and evaluates one inventory, or takes its evaluation
// from the cache (cached.go), then applies the baseline. Whatever
// happens, the outcome says so: an inventory that fails never hides the
// others.
func (e *Engine) checkOne(ctx context.Context, path string) outcome {
	out := e.checkCached(ctx, path)
	e.applyBaseline(out.findings, out.exempt)
	return out
}

// evaluateOne is checkOne without cache and baseline: everything that
// depends only on the inventory's bytes and the run's settings. It also
// returns the inventory loaded.
func (e *Engine) evaluateOne(ctx context.Context, path string) (outcome, *inventory.Inventory) {
	inv, diags := e.load(path)
	diags = append(diags, emptyInventory(inv)...)
	out := outcome{inventory: finding.InventoryResult{Path: path, Scope: inv.Name, Resources: inv.Resources}, systems: inv.Systems, scope: scopeOf(inv)}
	for _, d := range diags {
		if d.Severity == hcl.DiagError {
			out.errors = append(out.errors, diagError(path, d))
		}
	}
	if inv.Doc == nil || diags.HasErrors() {
		return out, inv
	}
	out.inventory.City, out.inventory.Vendors = headerFacts(inv)
	profiles := e.profilesFor(inv.Doc)
	out.inventory.Profiles = profiles
	found, err := e.evaluate(ctx, inv, profiles)
	if err != nil {
		out.errors = append(out.errors, evaluationFailed(path, err))
		return out, inv
	}
	// The config's per-rule overrides come first: waivers, gates and
	// --fail-on see the severities the city chose, and no finding of a
	// rule it turned off here.
	overrides := e.overridesFor(path)
	found = applyOverrides(found, overrides)
	app, err := e.applies(ctx, inv, profiles)
	if err != nil {
		out.errors = append(out.errors, evaluationFailed(path, err))
		return out, inv
	}
	// Gates count open findings, so waivers suppress first; the reporting
	// pass then runs over the gate findings too (a waiver is an approved
	// exception at either level).
	waivers := waiver.Read(inv)
	waiver.Suppress(waivers, found, e.asOf)
	gated, err := e.gates(ctx, inv, found, profiles)
	if err != nil {
		out.errors = append(out.errors, evaluationFailed(path, err))
		return out, inv
	}
	gated = applyOverrides(gated, overrides)
	found, wdiags := e.suppress(inv, waivers, append(found, gated...))
	for _, d := range wdiags {
		out.errors = append(out.errors, diagError(path, d))
	}
	out.inventory.Loaded = true
	out.findings = found
	out.exempt = baselineExempt(found, waivers, e.asOf)
	out.evidence = withoutDisabled(e.evidence(inv, found, app, profiles), overrides)
	return out, inv
}

// evaluate runs the prepared query on one inventory under the deadline.
// Findings of rules whose profiles the inventory does not select are
// dropped; the others name the profile that required them.
func (e *Engine) evaluate(ctx context.Context, inv *inventory.Inventory, profiles []string) ([]finding.Finding, error) {
	tctx, cancel := context.WithTimeout(ctx, e.timeout)
	defer cancel()
	hits, err := e.denies.eval(tctx, e.evalOptions(inv))
	if err = e.deadline(tctx, err); err != nil {
		return nil, e.evalFailure(ctx, e.denies.traced, inv, err)
	}
	out := make([]finding.Finding, 0, len(hits))
	for _, h := range hits {
		rule, ok := e.lib.RuleForPackage(h.pkg)
		if !ok {
			continue // a helper package under citygate.rules, not a rule
		}
		profile, selected := requiredBy(rule, profiles)
		if !selected {
			continue
		}
		f, err := e.locate(inv, rule, h.value)
		if err != nil {
			return nil, err
		}
		f.Profile = profile
		out = append(out, f)
	}
	return out, nil
}

// evalError words a failed evaluation for the person reading the report.
func evalError(path string, err error, timeout time.Duration) error {
	var te *topdown.Error
	if errors.As(err, &te) && te.Code == topdown.CancelErr || errors.Is(err, context.DeadlineExceeded) {
		return fmt.Errorf("evaluating %s took longer than %s and was stopped (raise --timeout if the inventory is legitimately large): %w", path, timeout, err)
	}
	return fmt.Errorf("evaluating %s: %w", path, err)
}

// evaluationFailed reports an inventory whose evaluation stopped.
func evaluationFailed(path string, err error) finding.Error {
	return finding.Error{Inventory: path, File: path, Summary: "Evaluation failed", Detail: err.Error()}
}

// diagError converts a load diagnostic into the report's error model.
func diagError(path string, d *hcl.Diagnostic) finding.Error {
	e := finding.Error{Inventory: path, Summary: d.Summary, Detail: strings.TrimSpace(d.Detail)}
	if d.Subject != nil {
		e.File = d.Subject.Filename
		e.Line, e.Column = d.Subject.Start.Line, d.Subject.Start.Column
		e.EndLine, e.EndColumn = d.Subject.End.Line, d.Subject.End.Column
	}
	if e.File == "" {
		e.File = path
	}
	return e
}
