package policies_test

import (
	"context"
	"fmt"
	"io/fs"
	"os"
	"sort"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/stretchr/testify/require"

	"github.com/citygate/citygate/engine/policy"
	"github.com/citygate/citygate/policies"
)

// TestBuiltinRego runs every built-in *_test.rego and requires every line
// of every rule and library module to be covered. CITYGATE_REGO_ONLY=a,b
// limits the run to those principle directories (plus lib), for authors
// working on one principle while others are mid-edit.
func TestBuiltinRego(t *testing.T) {
	src, only := source(t)
	lib, errs := policy.Load([]policy.Source{src}, policy.Options{})
	require.Empty(t, errs, "%v", errs)
	report, errs := lib.Test(context.Background(), policy.TestOptions{Coverage: true})
	require.Empty(t, errs, "%v", errs)
	require.NotEmpty(t, report.Results)
	for _, r := range report.Results {
		if !r.Pass {
			t.Errorf("%s:%d %s.%s: %s\n%s", r.File, r.Line, r.Package, r.Name, r.Error, r.Output)
		}
	}
	var files []string
	for f := range report.Coverage.Files {
		files = append(files, f)
	}
	sort.Strings(files)
	for _, f := range files {
		if only != nil && strings.HasPrefix(f, policy.BuiltinPrefix+"/lib/") {
			continue
		}
		fr := report.Coverage.Files[f]
		if fr.NotCoveredLines > 0 {
			var lines []string
			for _, r := range fr.NotCovered {
				lines = append(lines, fmt.Sprintf("%d-%d", r.Start.Row, r.End.Row))
			}
			t.Errorf("%s: coverage %.1f%%, lines not covered: %s", f, fr.Coverage, strings.Join(lines, ", "))
		}
	}
	t.Logf("%d Rego tests, coverage %.2f%% (%d of %d lines)", len(report.Results), report.Coverage.Coverage,
		report.Coverage.CoveredLines, report.Coverage.CoveredLines+report.Coverage.NotCoveredLines)
}

func source(t *testing.T) (policy.Source, []string) {
	env := os.Getenv("CITYGATE_REGO_ONLY")
	if env == "" {
		return policy.Builtin(), nil
	}
	only := strings.Split(env, ",")
	mfs := fstest.MapFS{}
	err := fs.WalkDir(policies.FS, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		keep := p == "params.json" || strings.HasPrefix(p, "lib/")
		for _, dir := range only {
			keep = keep || strings.HasPrefix(p, dir+"/")
		}
		if keep {
			b, err := fs.ReadFile(policies.FS, p)
			if err != nil {
				return err
			}
			mfs[p] = &fstest.MapFile{Data: b}
		}
		return nil
	})
	require.NoError(t, err)
	return policy.Source{FS: mfs, Prefix: policy.BuiltinPrefix, Builtin: true}, only
}
