package main

import (
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// portfolio writes n city folders, a README beside them, and returns the
// directory holding them.
func portfolio(t *testing.T, n int) string {
	t.Helper()
	dir := t.TempDir()
	for i := range n {
		write(t, dir, fmt.Sprintf("cities/c%02d/city.hcl", i), fmt.Sprintf("city \"c%02d\" {\n  jurisdictions = [\"PT\"]\n}\n", i))
		write(t, dir, fmt.Sprintf("cities/c%02d/cam.hcl", i), universalCam)
	}
	write(t, dir, "cities/README.md", "# our cities\n")
	write(t, dir, "cities/.hidden/notes.hcl", "broken {")
	return filepath.Join(dir, "cities")
}

// inventoriesOf lists the inventories a JSON result's findings come from.
func inventoryCount(t *testing.T, out string) int {
	t.Helper()
	var doc struct {
		Summary struct {
			Inventories int `json:"inventories"`
		} `json:"summary"`
	}
	require.NoError(t, json.Unmarshal([]byte(out), &doc), out)
	return doc.Summary.Inventories
}

func TestEachDirectory(t *testing.T) {
	cities := portfolio(t, 3)
	out, stderr, code := citygate(t, "check", "--each", cities, "--rule", "SEC-005", "-q", "-f", "json")
	require.Equal(t, 1, code, stderr)
	assert.Equal(t, 3, inventoryCount(t, out), "README.md and hidden folders are not inventories")

	_, stderr, code = citygate(t, "check", "--each", filepath.Join(cities, "c00", "city.hcl"), "-q")
	assert.Equal(t, 2, code)
	assert.Contains(t, stderr, "--each")
}

// TestInventoriesFromConfig: check with no path reads the config file's
// globs, as CI and pre-commit run it; a glob matching nothing is an error.
func TestInventoriesFromConfig(t *testing.T) {
	cities := portfolio(t, 2)
	root := filepath.Dir(cities)
	cfg := write(t, root, "ci.yaml", "inventories: ["+cities+"/*]\n")
	out, stderr, code := citygate(t, "check", "--config", cfg, "--rule", "SEC-005", "-q", "-f", "json")
	require.Equal(t, 1, code, stderr)
	assert.Equal(t, 2, inventoryCount(t, out))

	cfg = write(t, root, "typo.yaml", "inventories: ["+root+"/citiez/*]\n")
	_, stderr, code = citygate(t, "check", "--config", cfg, "-q")
	assert.Equal(t, 2, code)
	assert.Contains(t, stderr, "matches no directory or *.hcl/*.hcl.json file")
}

// TestShardsCoverThePortfolio: the shards of N are disjoint, cover every
// inventory, and are the same on every run.
func TestShardsCoverThePortfolio(t *testing.T) {
	cities := portfolio(t, 5)
	seen := 0
	for k := 1; k <= 3; k++ {
		out, stderr, code := citygate(t, "check", "--each", cities, "--shard", fmt.Sprintf("%d/3", k), "--rule", "SEC-005", "-q", "-f", "json")
		require.Equal(t, 1, code, stderr)
		seen += inventoryCount(t, out)
	}
	assert.Equal(t, 5, seen)
	assert.Equal(t, []string{"b", "e"}, shardOf([]string{"e", "d", "c", "b", "a"}, 2, 3))

	out, stderr, code := citygate(t, "check", "--each", cities, "--shard", "7/7", "--rule", "SEC-005")
	assert.Equal(t, 0, code, "an empty shard has nothing to fail")
	assert.Empty(t, out)
	assert.Contains(t, stderr, "shard 7/7 has no inventories (5 in all)")

	for _, bad := range []string{"0/3", "4/3", "x", "1/0"} {
		_, stderr, code := citygate(t, "check", "--each", cities, "--shard", bad)
		assert.Equal(t, 2, code, bad)
		assert.Contains(t, stderr, "want K/N")
	}
}

func TestChangedSince(t *testing.T) {
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git not installed")
	}
	cities := portfolio(t, 3)
	root := filepath.Dir(cities)
	gitIn := func(args ...string) {
		t.Helper()
		c := exec.Command("git", append([]string{"-c", "user.email=t@example.org", "-c", "user.name=t", "-c", "commit.gpgsign=false"}, args...)...)
		c.Dir = root
		out, err := c.CombinedOutput()
		require.NoError(t, err, "%s", out)
	}
	gitIn("init", "-q")
	gitIn("add", ".")
	gitIn("commit", "-q", "-m", "cities")
	t.Chdir(root)

	_, stderr, code := citygate(t, "check", "--each", "cities", "--changed-since", "HEAD", "--rule", "SEC-005")
	assert.Equal(t, 0, code, stderr)
	assert.Contains(t, stderr, "no inventory has a changed *.hcl or *.hcl.json file since HEAD (3 inventories)")

	require.NoError(t, os.WriteFile(filepath.Join(root, "cities/c01/cam.hcl"), []byte(universalCam+"\n"), 0o644))
	write(t, root, "cities/README.md", "changed, but not an inventory file\n")
	out, stderr, code := citygate(t, "check", "--each", "cities", "--changed-since", "HEAD", "--rule", "SEC-005", "-q", "-f", "json")
	require.Equal(t, 1, code, stderr)
	assert.Equal(t, 1, inventoryCount(t, out))
	assert.Contains(t, out, "cities/c01/cam.hcl")

	_, stderr, code = citygate(t, "check", "--each", "cities", "--changed-since", "no-such-ref", "-q")
	assert.Equal(t, 2, code)
	assert.Contains(t, stderr, "--changed-since no-such-ref")
}
