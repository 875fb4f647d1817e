package engine_test

import (
	"context"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/citygate/citygate/engine"
	"github.com/citygate/citygate/engine/finding"
	"github.com/citygate/citygate/engine/inventory"
	"github.com/citygate/citygate/engine/policy"
	"github.com/citygate/citygate/internal/expect"
)

// fixtureAsOf is the evaluation date of the example inventories: their
// dates are written relative to it, so the expectations never drift with
// the calendar (citygate check --as-of 2026-11-23 reproduces them).
const fixtureAsOf = "2026-11-23"

func builtinEngine(t testing.TB, opts ...engine.Option) *engine.Engine {
	t.Helper()
	lib, errs := policy.Load([]policy.Source{policy.Builtin()}, policy.Options{})
	require.Empty(t, errs, "%v", errs)
	eng, err := engine.New(context.Background(), lib, append([]engine.Option{engine.WithAsOf(fixtureAsOf)}, opts...)...)
	require.NoError(t, err)
	return eng
}

// TestFixtureExpectations requires exactly the findings the "# expect:"
// markers of each example inventory name: rule, file and line.
func TestFixtureExpectations(t *testing.T) {
	eng := builtinEngine(t)
	for _, dir := range []string{"../fixtures/city", "../fixtures/bid", "../fixtures/compliant"} {
		t.Run(dir, func(t *testing.T) {
			res := mustCheck(t, eng, dir)
			require.Empty(t, res.Errors)
			files, diags := inventory.List(inventory.OS{}, dir, inventory.Limits{})
			require.False(t, diags.HasErrors(), "%v", diags)
			want, err := expect.Markers(inventory.OS{}, files)
			require.NoError(t, err)
			d := expect.Compare(want, res.Findings)
			for _, m := range d.Missing {
				t.Errorf("missing finding %s", m)
			}
			for _, f := range d.Unexpected {
				t.Errorf("unexpected finding %s:%d: %s %s", f.Location.File, f.Location.Start.Line, f.RuleID, f.Message)
			}
		})
	}
}

// TestEveryRuleFires: the city and the bid together exercise every rule,
// and the compliant inventory none.
func TestEveryRuleFires(t *testing.T) {
	eng := builtinEngine(t)
	res := mustCheck(t, eng, "../fixtures/city", "../fixtures/bid")
	fired := map[string]bool{}
	for _, f := range res.Findings {
		fired[f.RuleID] = true
	}
	for _, r := range eng.Rules() {
		if !fired[r.ID] {
			t.Errorf("rule %s (%s) fires on neither fixtures/city nor fixtures/bid", r.ID, r.Title)
		}
	}
	clean := mustCheck(t, eng, "../fixtures/compliant")
	require.Empty(t, clean.Errors)
	require.Empty(t, clean.Findings)
	require.Equal(t, 0, clean.ExitCode())
	s := clean.Summary
	s.Principles, s.Areas = nil, nil
	require.Equal(t, finding.Summary{Inventories: 1, Systems: clean.Summary.Systems, Rules: len(eng.Rules()),
		BySeverity: map[finding.Severity]int{"critical": 0, "high": 0, "medium": 0, "low": 0}, FailOn: "low", Status: finding.RunPass}, s)
}
