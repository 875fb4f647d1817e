package main

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/spf13/cobra"

	"github.com/citygate/citygate/engine/cache"
	"github.com/citygate/citygate/internal/config"
)

// addCacheFlags adds --cache and --no-cache.
func addCacheFlags(cmd *cobra.Command) {
	cmd.Flags().String("cache", "", "keep each inventory's evaluation in DIR and reuse it while the inventory, policies, params, as-of date and profiles are unchanged (true: the user cache directory)")
	cmd.Flags().Bool("no-cache", false, "do not use the cache, whatever the config says")
}

// cacheDir resolves the cache setting to a directory, "" when off:
// cache: true (or --cache true) is <user cache dir>/citygate, false,
// off or empty is no cache, anything else is a directory.
func cacheDir(cfg config.Config) (string, error) {
	if cfg.NoCache {
		return "", nil
	}
	switch v := cfg.Cache.(type) {
	case nil:
		return "", nil
	case bool:
		if !v {
			return "", nil
		}
		return defaultCacheDir()
	case string:
		switch strings.ToLower(strings.TrimSpace(v)) {
		case "", "false", "off", "no":
			return "", nil
		case "true", "on", "yes":
			return defaultCacheDir()
		}
		return v, nil
	}
	return "", fmt.Errorf("cache: want true, false or a directory, not %v", cfg.Cache)
}

// defaultCacheDir is citygate's directory in the user cache directory
// ($XDG_CACHE_HOME or ~/.cache on Linux, ~/Library/Caches on macOS,
// %LocalAppData% on Windows).
func defaultCacheDir() (string, error) {
	dir, err := os.UserCacheDir()
	if err != nil {
		return "", fmt.Errorf("cache: true needs a user cache directory (%v); give one with --cache DIR or turn the cache off with --no-cache", err)
	}
	return filepath.Join(dir, "citygate"), nil
}

// openCache opens the configured cache, nil when off.
func openCache(cfg config.Config) (*cache.Dir, error) {
	dir, err := cacheDir(cfg)
	if err != nil || dir == "" {
		return nil, err
	}
	c, err := cache.Open(dir)
	if err != nil {
		return nil, fmt.Errorf("%w (give another with --cache DIR, or --no-cache)", err)
	}
	return c, nil
}

// writeCacheStats tells, under --debug, what the cache did.
func writeCacheStats(w io.Writer, c *cache.Dir) {
	if c == nil {
		return
	}
	s := c.Stats()
	fmt.Fprintf(w, "citygate: cache: %d hits, %d misses, %d corrupt entries recomputed, %d stored, %d not stored\n",
		s.Hits, s.Misses, s.Corrupt, s.Stored, s.Failed)
}
