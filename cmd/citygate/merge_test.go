package main

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/citygate/citygate/engine/report"
)

// copyTree copies a fixture directory, so a portfolio can be assembled
// from the fixtures in a temporary directory.
func copyTree(t *testing.T, from, to string) {
	t.Helper()
	require.NoError(t, os.CopyFS(to, os.DirFS(from)))
}

// TestShardsMergeToOneRun: check --shard 1/2 and 2/2, then merge, write
// every format byte for byte as one check over the whole portfolio does,
// with findings, a waiver, and an inventory that does not load.
func TestShardsMergeToOneRun(t *testing.T) {
	fixtures := fixturesDir(t)
	dir := t.TempDir()
	t.Chdir(dir)
	copyTree(t, filepath.Join(fixtures, "city"), "cities/lisbon")
	copyTree(t, filepath.Join(fixtures, "bid"), "cities/bids")
	write(t, dir, "cities/broken/x.hcl", "system \"x\" {\n  categry = \"iot\"\n}\n")
	write(t, dir, "cities/cam/cam.hcl", waivedCam)
	common := []string{"--each", "cities", "--as-of", "2026-11-23", "-q"}

	for k, shard := range []string{"1/2", "2/2"} {
		_, stderr, code := citygate(t, append([]string{"check", "--shard", shard, "-f", "json=" + []string{"s1.json", "s2.json"}[k]}, common...)...)
		require.Contains(t, []int{1, 2}, code, stderr)
	}
	for _, format := range report.Formats() {
		t.Run(format, func(t *testing.T) {
			single, merged := "single."+format, "merged."+format
			_, stderr, code := citygate(t, append([]string{"check", "-f", format + "=" + single}, common...)...)
			require.Equal(t, 2, code, stderr)
			_, stderr, mcode := citygate(t, "merge", "s1.json", "s2.json", "--each", "cities", "-q", "-f", format+"="+merged)
			assert.Equal(t, code, mcode, stderr)
			want, err := os.ReadFile(single)
			require.NoError(t, err)
			got, err := os.ReadFile(merged)
			require.NoError(t, err)
			assert.Equal(t, string(want), string(got), "merge writes what one run writes")
		})
	}

	_, stderr, code := citygate(t, "merge", "s1.json", "s1.json", "--each", "cities", "-q")
	assert.Equal(t, 2, code)
	assert.Contains(t, stderr, "the shards overlap")
	_, stderr, code = citygate(t, "merge", "s1.json", "--each", "cities", "-q")
	assert.Equal(t, 2, code)
	assert.Contains(t, stderr, "the results cover 2 of the 4 inventories --each lists")
}

func fixturesDir(t *testing.T) string {
	t.Helper()
	p, err := filepath.Abs("../../fixtures")
	require.NoError(t, err)
	return p
}
