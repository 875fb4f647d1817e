package inventory_test

import (
	"bufio"
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/citygate/citygate/engine"
	"github.com/citygate/citygate/engine/finding"
)

// expectation is one "# error: <summary substring>" marker.
type expectation struct {
	file    string
	line    int
	summary string
}

// TestInvalidFixtures validates every case in fixtures/invalid and requires
// exactly the diagnostics its markers name: each marker is matched by an
// error on that line whose summary contains the text, and every error is
// on a marked line. JSON cannot hold comments, so a .expect file beside a
// .hcl.json case lists "line: summary" markers.
func TestInvalidFixtures(t *testing.T) {
	entries, err := os.ReadDir("../../fixtures/invalid")
	require.NoError(t, err)
	cases := 0
	for _, e := range entries {
		if strings.HasSuffix(e.Name(), ".expect") {
			continue
		}
		path := filepath.Join("../../fixtures/invalid", e.Name())
		t.Run(e.Name(), func(t *testing.T) {
			eng, err := engine.New(context.Background(), nil, engine.WithParallel(1))
			require.NoError(t, err)
			vs, err := eng.Validate(context.Background(), []string{path})
			require.NoError(t, err)
			diags := vs[0].Errors
			require.NotEmpty(t, diags, "case %s loaded without errors", path)
			want := markers(t, path)
			require.NotEmpty(t, want, "case %s has no # error: marker", path)
			for _, w := range want {
				assert.True(t, matched(diags, w), "%s:%d: no error %q among:\n%v", w.file, w.line, w.summary, diags)
			}
			for _, d := range diags {
				ok := false
				for _, w := range want {
					ok = ok || (d.File == w.file && d.Line == w.line)
				}
				assert.True(t, ok, "unexpected error at an unmarked line: %+v", d)
			}
		})
		cases++
	}
	require.GreaterOrEqual(t, cases, 15)
}

func matched(errs []finding.Error, w expectation) bool {
	for _, d := range errs {
		if d.File == w.file && d.Line == w.line && strings.Contains(d.Summary, w.summary) {
			return true
		}
	}
	return false
}

func markers(t *testing.T, path string) []expectation {
	var out []expectation
	err := filepath.Walk(path, func(p string, info os.FileInfo, err error) error {
		if err != nil || info.IsDir() {
			return err
		}
		if strings.HasSuffix(p, ".hcl.json") {
			out = append(out, expectFile(t, p)...)
			return nil
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		sc := bufio.NewScanner(bytes.NewReader(b))
		for line := 1; sc.Scan(); line++ {
			if _, summary, ok := strings.Cut(sc.Text(), "# error: "); ok {
				out = append(out, expectation{file: p, line: line, summary: strings.TrimSpace(summary)})
			}
		}
		return nil
	})
	require.NoError(t, err)
	return out
}

func expectFile(t *testing.T, jsonPath string) []expectation {
	b, err := os.ReadFile(jsonPath + ".expect")
	require.NoError(t, err, "a .hcl.json case needs a .expect file")
	var out []expectation
	for _, l := range strings.Split(strings.TrimSpace(string(b)), "\n") {
		n, summary, _ := strings.Cut(l, ":")
		line, err := strconv.Atoi(strings.TrimSpace(n))
		require.NoError(t, err)
		out = append(out, expectation{file: jsonPath, line: line, summary: strings.TrimSpace(summary)})
	}
	return out
}
