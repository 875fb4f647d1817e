package report

import (
	"bytes"
	"context"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/citygate/citygate/engine"
	"github.com/citygate/citygate/engine/finding"
	"github.com/citygate/citygate/engine/policy"
)

// fixturesResult checks the example city and bid with the built-in
// library at the date their dates are written against.
func fixturesResult(t *testing.T) *finding.Result {
	t.Helper()
	lib, errs := policy.Load([]policy.Source{policy.Builtin()}, policy.Options{})
	require.Empty(t, errs, "%v", errs)
	eng, err := engine.New(context.Background(), lib, engine.WithAsOf("2026-11-23"))
	require.NoError(t, err)
	res, err := eng.Check(context.Background(), []string{"../../fixtures/city", "../../fixtures/bid"})
	require.NoError(t, err)
	require.Empty(t, res.Errors)
	return res
}

// TestFixtureGoldens renders the real example inventories in every format:
// golden files under testdata/golden/fixtures.*, byte for byte, the same
// on a second run, and the SARIF and JSON valid against their schemas.
func TestFixtureGoldens(t *testing.T) {
	res := fixturesResult(t)
	again := fixturesResult(t)
	for _, tc := range []struct{ format, ext string }{
		{"text", "txt"}, {"json", "json"}, {"sarif", "sarif"}, {"junit", "xml"}, {"github", "txt"}, {"markdown", "md"},
	} {
		t.Run(tc.format, func(t *testing.T) {
			r, err := New(tc.format, Options{})
			require.NoError(t, err)
			var first, second bytes.Buffer
			require.NoError(t, r.Report(&first, res))
			require.NoError(t, r.Report(&second, again))
			require.Equal(t, first.String(), second.String(), "two runs over the same input differ")
			golden(t, "fixtures-"+tc.format+"."+tc.ext, first.Bytes())
			switch tc.format {
			case "json":
				require.NoError(t, validateJSON(t, findingsSchema(t), first.Bytes()))
			case "sarif":
				require.NoError(t, validateJSON(t, sarifSchema(t), first.Bytes()))
			}
		})
	}
}
