package policies_test

import (
	"context"
	"encoding/json"
	"fmt"
	"slices"
	"testing"
	"time"

	_ "github.com/open-policy-agent/opa/v1/features/wasm"
	"github.com/open-policy-agent/opa/v1/rego"
	"github.com/stretchr/testify/require"

	"github.com/citygate/citygate/engine/policy"
)

// TestDateHelpersMatchTimeFunctions holds lib's date helpers to Go's
// time.AddDate (which normalises a day the target month lacks: 31 January
// plus one month is 3 March in 2025) over month ends, starts and mid-month
// days of 2023-2025 and months around every threshold the built-in params
// use, at evaluation dates on month ends, leap days and the days after
// them, under both evaluators: the Wasm engine runs time.parse_ns and
// time.add_date as calls back into Go, and must answer as topdown does.
// (A rewrite of the helpers as string comparisons against per-evaluation
// cutoffs passed this test too; docs/performance.md, "Compiled evaluator",
// says why it is not the library's.)
func TestDateHelpersMatchTimeFunctions(t *testing.T) {
	lib, errs := policy.Load([]policy.Source{policy.Builtin()}, policy.Options{})
	require.Empty(t, errs, "%v", errs)
	var dates []string
	// Month ends and starts, where time.add_date overflows, and mid-month
	// days, from 2023 to 2025.
	for d := time.Date(2023, 1, 1, 0, 0, 0, 0, time.UTC); d.Year() < 2026; d = d.AddDate(0, 0, 1) {
		if d.Day() <= 3 || d.Day() >= 27 || d.Day() == 15 {
			dates = append(dates, d.Format(time.DateOnly))
		}
	}
	months := []int{0, 1, 2, 3, 11, 12, 13, 24, 25}
	// The schema types input as an inventory: the dates are literals.
	ds, _ := json.Marshal(dates)
	ms, _ := json.Marshal(months)
	query := fmt.Sprintf(`dates := %s
months := %s
older := {[d, n] | some d in dates; some n in months; data.citygate.lib.older_than_months(d, n)}
past := {d | some d in dates; data.citygate.lib.past(d)}
before := {d | some d in dates; data.citygate.lib.before(d, "2024-02-29")}`, ds, ms)
	for _, asOf := range []string{
		"2024-02-29", "2024-03-01", "2024-03-03", "2024-03-31",
		"2025-02-28", "2025-03-01", "2025-03-02", "2025-03-31", "2025-05-01",
		"2025-12-31", "2026-01-31", "2026-03-01",
	} {
		a, _ := time.Parse(time.DateOnly, asOf)
		wantOlder, wantPast, wantBefore := map[string]bool{}, map[string]bool{}, map[string]bool{}
		leap, _ := time.Parse(time.DateOnly, "2024-02-29")
		for _, ds := range dates {
			d, _ := time.Parse(time.DateOnly, ds)
			for _, n := range months {
				if d.AddDate(0, n, 0).Before(a) {
					wantOlder[fmt.Sprint(ds, n)] = true
				}
			}
			wantPast[ds] = d.Before(a)
			wantBefore[ds] = d.Before(leap)
		}
		targets := []string{"rego"}
		if slices.Contains([]string{"2024-02-29", "2025-03-01", "2025-03-31"}, asOf) {
			targets = append(targets, "wasm") // compiling takes a second
		}
		for _, target := range targets {
			pq, err := rego.New(rego.Query(query), rego.Compiler(lib.Compiler), rego.Store(lib.Store(asOf)),
				rego.StrictBuiltinErrors(true), rego.Target(target)).PrepareForEval(context.Background())
			require.NoError(t, err)
			rs, err := pq.Eval(context.Background())
			require.NoError(t, err)
			require.Len(t, rs, 1)
			gotOlder := map[string]bool{}
			for _, p := range rs[0].Bindings["older"].([]any) {
				pair := p.([]any)
				gotOlder[fmt.Sprint(pair[0], pair[1])] = true
			}
			require.Equal(t, wantOlder, gotOlder, "older_than_months as of %s (%s)", asOf, target)
			for name, want := range map[string]map[string]bool{"past": wantPast, "before": wantBefore} {
				got := map[string]bool{}
				for _, d := range rs[0].Bindings[name].([]any) {
					got[d.(string)] = true
				}
				for _, d := range dates {
					require.Equal(t, want[d], got[d], "%s(%s) as of %s (%s)", name, d, asOf, target)
				}
			}
		}
	}
}

// TestDateHelpersRejectBadDates: a value that is not a date the time
// functions accept is an evaluation error (topdown, under
// StrictBuiltinErrors), never a silent pass; valid dates far from today
// get the time functions' answers.
func TestDateHelpersRejectBadDates(t *testing.T) {
	lib, errs := policy.Load([]policy.Source{policy.Builtin()}, policy.Options{})
	require.Empty(t, errs, "%v", errs)
	eval := func(query string) (rego.ResultSet, error) {
		pq, err := rego.New(rego.Query(query), rego.Compiler(lib.Compiler), rego.Store(lib.Store("2026-01-01")),
			rego.StrictBuiltinErrors(true)).PrepareForEval(context.Background())
		require.NoError(t, err)
		return pq.Eval(context.Background())
	}
	for _, bad := range []string{`"2025-02-30"`, `"2025-1-01"`, `"2023-02-29"`, `"1900-02-29"`, `"01/02/2025"`, `""`, `"1500-01-01"`, `"2262-06-01"`} {
		for _, call := range []string{
			"data.citygate.lib.older_than_months(%s, 12)",
			"data.citygate.lib.past(%s)",
			`data.citygate.lib.before(%s, "2025-01-01")`,
			`data.citygate.lib.before("2025-01-01", %s)`,
		} {
			q := fmt.Sprintf(call, bad)
			_, err := eval(q)
			require.Error(t, err, q)
		}
	}
	for q, want := range map[string]bool{
		`data.citygate.lib.past("1677-12-31")`:                    true,
		`data.citygate.lib.before("2262-01-01", "2262-04-01")`:    true,
		`data.citygate.lib.older_than_months("1677-12-31", 12)`:   true,
		`data.citygate.lib.older_than_months("2025-12-31", 1201)`: false,
	} {
		rs, err := eval(q)
		require.NoError(t, err, q)
		require.Equal(t, want, len(rs) == 1, q)
	}
}
