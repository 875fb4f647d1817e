package engine

import (
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/open-policy-agent/opa/v1/rego"
	"github.com/stretchr/testify/require"

	"github.com/citygate/citygate/engine/policy"
)

// TestWasmFallsBackPerRule: a rule the Wasm compiler refuses runs on
// topdown, alone; the others stay compiled, the result is topdown's, and
// Fallbacks names the rule, the query and the compiler's reason.
func TestWasmFallsBackPerRule(t *testing.T) {
	const refused = "citygate.rules.security.mfa"
	testPrepare = func(p preparer) preparer {
		return func(ctx context.Context, query, target string) (rego.PreparedEvalQuery, error) {
			if target == "wasm" && strings.Contains(query, `"`+refused+`"`) {
				return rego.PreparedEvalQuery{}, errors.New("illegal call: unknown operator \"custom.builtin\"\nmore detail")
			}
			return p(ctx, query, target)
		}
	}
	defer func() { testPrepare = func(p preparer) preparer { return p } }()
	lib, errs := policy.Load([]policy.Source{policy.Builtin()}, policy.Options{})
	require.Empty(t, errs, "%v", errs)
	td, err := New(context.Background(), lib, WithAsOf("2026-11-23"))
	require.NoError(t, err)
	wasm, err := New(context.Background(), lib, WithAsOf("2026-11-23"), WithEvaluator(Wasm), WithParallel(1))
	require.NoError(t, err)
	reason := `illegal call: unknown operator "custom.builtin"`
	require.Equal(t, []Fallback{{Package: refused, Query: "deny", Reason: reason}, {Package: refused, Query: "applies", Reason: reason}}, wasm.Fallbacks())
	require.Len(t, wasm.denies.parts, 2, "the other rules stay compiled")
	require.Empty(t, td.Fallbacks())
	paths := []string{"../fixtures/city", "../fixtures/bid"}
	want, err := td.Check(context.Background(), paths)
	require.NoError(t, err)
	got, err := wasm.Check(context.Background(), paths)
	require.NoError(t, err)
	mfa := 0
	for _, f := range got.Findings {
		if f.RuleID == "SEC-006" {
			mfa++
		}
	}
	require.Positive(t, mfa, "the fallen-back rule still reports")
	require.Equal(t, want, got)
}
