package engine

import (
	"context"

	"github.com/hashicorp/hcl/v2"

	"github.com/citygate/citygate/engine/finding"
	"github.com/citygate/citygate/engine/inventory"
	"github.com/citygate/citygate/engine/waiver"
	"github.com/citygate/citygate/internal/workpool"
)

// Validation is the outcome of loading one inventory without evaluating
// it. Errors and Warnings have the type of Result.Errors.
type Validation struct {
	Path    string
	Systems int
	// Errors make the inventory invalid; Warnings (a file skipped, say)
	// do not.
	Errors   []finding.Error
	Warnings []finding.Error
	// Sources are the files a problem points into, for printing snippets;
	// nil when there is no problem.
	Sources map[string]*inventory.SourceFile
}

// Valid reports whether the inventory has no error.
func (v Validation) Valid() bool { return len(v.Errors) == 0 }

// Validate loads and schema-checks every path concurrently, as Check
// does, without evaluating any policy; the result is in path order.
// Waivers are checked for undeclared resources and length (against the
// engine's as-of date and params.max_waiver_days), and, when the engine
// has a policy library, for unknown rule ids. When ctx ends Validate
// returns an ErrInterrupted error and no result, as Check does.
func (e *Engine) Validate(ctx context.Context, paths []string) ([]Validation, error) {
	if len(paths) == 0 {
		paths = []string{"."}
	}
	var known func(string) bool
	if e.lib != nil {
		known = e.lib.Known
	}
	out := make([]Validation, len(paths))
	err := workpool.ForEachContext(ctx, len(paths), e.parallel, func(i int) {
		defer func() {
			if r := recover(); r != nil {
				out[i] = Validation{Path: paths[i], Errors: []finding.Error{e.internalError(paths[i], r)}}
			}
		}()
		inv, diags := inventory.Load(e.fsys, paths[i], e.loadOptions())
		diags = append(diags, emptyInventory(inv)...)
		if inv.Doc != nil {
			diags = append(diags, waiver.Check(waiver.Read(inv), inv, known, e.asOf, e.maxWaiverDays)...)
		}
		out[i] = validation(paths[i], inv, diags)
	})
	if err != nil || ctx.Err() != nil {
		return nil, interrupted(ctx)
	}
	return out, nil
}

// validation converts load diagnostics into the report's error model,
// keeping the source of the files they point into.
func validation(path string, inv *inventory.Inventory, diags hcl.Diagnostics) Validation {
	v := Validation{Path: path, Systems: inv.Systems}
	for _, d := range diags {
		if d.Severity == hcl.DiagWarning {
			v.Warnings = append(v.Warnings, diagError(path, d))
		} else {
			v.Errors = append(v.Errors, diagError(path, d))
		}
		if d.Subject == nil {
			continue
		}
		if f, ok := inv.Files[d.Subject.Filename]; ok && f != nil {
			if v.Sources == nil {
				v.Sources = map[string]*inventory.SourceFile{}
			}
			v.Sources[d.Subject.Filename] = f
		}
	}
	return v
}
