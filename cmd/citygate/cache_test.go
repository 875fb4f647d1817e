package main

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/citygate/citygate/internal/config"
)

// TestCacheSetting: true is the user cache directory, false and empty are
// off, anything else a directory; --no-cache wins.
func TestCacheSetting(t *testing.T) {
	t.Setenv("XDG_CACHE_HOME", "/xdg")
	def := filepath.Join("/xdg", "citygate")
	for in, want := range map[any]string{nil: "", true: def, false: "", "": "", "true": def, "TRUE": def, "off": "", "false": "", "ci/cache": "ci/cache"} {
		got, err := cacheDir(config.Config{Cache: in})
		require.NoError(t, err, "%v", in)
		assert.Equal(t, want, got, "%v", in)
		got, err = cacheDir(config.Config{Cache: in, NoCache: true})
		require.NoError(t, err)
		assert.Empty(t, got, "--no-cache wins over %v", in)
	}
	_, err := cacheDir(config.Config{Cache: 3})
	assert.EqualError(t, err, "cache: want true, false or a directory, not 3")
}

// TestCheckWithCache: a cold and a warm run print the same JSON as a run
// without cache; the config file's cache: DIR is used, --no-cache ignores
// it, and --debug counts what the cache did.
func TestCheckWithCache(t *testing.T) {
	tmp := t.TempDir()
	dir := filepath.Join(tmp, "c")
	cfg := filepath.Join(tmp, "citygate.yaml")
	require.NoError(t, os.WriteFile(cfg, []byte("cache: "+dir+"\n"), 0o644))
	runJSON := func(extra ...string) (string, string) {
		var out, errOut bytes.Buffer
		args := append([]string{"check", "../../fixtures/bid", "../../fixtures/city", "--as-of", "2026-11-23", "-f", "json", "--config", cfg, "--debug"}, extra...)
		code := run(args, &out, &errOut)
		require.Equal(t, 1, code, errOut.String())
		return out.String(), errOut.String()
	}
	plain, stderr := runJSON("--no-cache")
	assert.NotContains(t, stderr, "cache:")
	_, err := os.Stat(dir)
	assert.True(t, os.IsNotExist(err), "--no-cache creates no directory")

	cold, stderr := runJSON()
	assert.Contains(t, stderr, "citygate: cache: 0 hits, 2 misses, 0 corrupt entries recomputed, 2 stored, 0 not stored")
	warm, stderr := runJSON()
	assert.Contains(t, stderr, "citygate: cache: 2 hits, 0 misses, 0 corrupt entries recomputed, 0 stored, 0 not stored")
	assert.Equal(t, plain, cold)
	assert.Equal(t, plain, warm)

	other := filepath.Join(tmp, "other")
	_, stderr = runJSON("--cache", other)
	assert.Contains(t, stderr, "2 stored", "--cache DIR wins over the file")
	assert.DirExists(t, other)
}
