package engine_test

import (
	"context"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/stretchr/testify/require"

	"github.com/citygate/citygate/engine"
	"github.com/citygate/citygate/engine/policy"
)

// FuzzCheck: any bytes, loaded and evaluated end to end with the built-in
// library, never panic (a panic would surface as an "Internal error"),
// every finding is located at a line of the inventory's file, and any
// error makes the run exit 2.
func FuzzCheck(f *testing.F) {
	seeds := 0
	err := filepath.WalkDir("../fixtures", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		isJSON := strings.HasSuffix(p, ".hcl.json")
		if !isJSON && !strings.HasSuffix(p, ".hcl") || d.Type()&fs.ModeSymlink != 0 {
			return nil
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		f.Add(b, isJSON)
		seeds++
		return nil
	})
	require.NoError(f, err)
	require.Greater(f, seeds, 40)

	lib, errs := policy.Load([]policy.Source{policy.Builtin()}, policy.Options{})
	require.Empty(f, errs, "%v", errs)

	f.Fuzz(func(t *testing.T, src []byte, isJSON bool) {
		name := "inv.hcl"
		if isJSON {
			name = "inv.hcl.json"
		}
		eng, err := engine.New(context.Background(), lib, engine.WithAsOf(fixtureAsOf), engine.WithParallel(1),
			engine.WithFS(fstest.MapFS{name: {Data: src}}))
		require.NoError(t, err)
		res := mustCheck(t, eng, name)
		for _, e := range res.Errors {
			require.NotEqual(t, "Internal error", e.Summary, "%s", e.Detail)
			require.Equal(t, name, e.Inventory)
		}
		for _, f := range res.Findings {
			require.Equal(t, name, f.Location.File, "%s %s", f.RuleID, f.Message)
			require.GreaterOrEqual(t, f.Location.Start.Line, 1, "%s %s", f.RuleID, f.Message)
			require.NotEmpty(t, f.Message)
		}
		if len(res.Errors) > 0 {
			require.Equal(t, 2, res.ExitCode())
		}
	})
}
