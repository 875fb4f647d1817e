package engine_test

import (
	"bytes"
	"context"
	"io/fs"
	"os"
	"path/filepath"
	"sync"
	"testing"

	"github.com/hashicorp/hcl/v2"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/citygate/citygate/engine"
	"github.com/citygate/citygate/engine/cache"
	"github.com/citygate/citygate/engine/finding"
	"github.com/citygate/citygate/engine/inventory"
	"github.com/citygate/citygate/engine/policy"
	"github.com/citygate/citygate/engine/report"
)

// sharedLibrary is the built-in library, loaded once for the cache tests
// (each loading costs seconds on a busy machine).
var sharedLibrary = sync.OnceValues(func() (*policy.Library, policy.Errors) {
	return policy.Load([]policy.Source{policy.Builtin()}, policy.Options{})
})

// cacheEngine is builtinEngine over the shared library.
func cacheEngine(t testing.TB, opts ...engine.Option) *engine.Engine {
	t.Helper()
	lib, errs := sharedLibrary()
	require.Empty(t, errs, "%v", errs)
	eng, err := engine.New(context.Background(), lib, append([]engine.Option{engine.WithAsOf(fixtureAsOf)}, opts...)...)
	require.NoError(t, err)
	return eng
}

// cachePaths are the example inventories, with one that fails to load
// (never cached) and one with waivers (cached with them).
var cachePaths = func() []string {
	paths := []string{"../fixtures/city", "../fixtures/bid", "../fixtures/us-city", "../fixtures/compliant"}
	if raceEnabled {
		// The race detector makes every check ten times slower; the city
		// (waivers) and the bid keep every kind of entry.
		paths = paths[:2]
	}
	return append(paths, "../fixtures/invalid/bad_enum.hcl")
}()

// cached is how many of cachePaths evaluate cleanly, and so are stored.
var cached = int64(len(cachePaths) - 1)

// rendered is a result in every report format.
func rendered(t *testing.T, res *finding.Result) map[string][]byte {
	t.Helper()
	out := map[string][]byte{}
	for _, format := range report.Formats() {
		r, err := report.New(format, report.Options{})
		require.NoError(t, err)
		var b bytes.Buffer
		require.NoError(t, r.Report(&b, res), format)
		out[format] = b.Bytes()
	}
	return out
}

// requireSameReports compares two results byte for byte in every format.
func requireSameReports(t *testing.T, want, got *finding.Result, msg string) {
	t.Helper()
	w, g := rendered(t, want), rendered(t, got)
	require.Contains(t, w, "json")
	require.Contains(t, w, "sarif")
	for format := range w {
		require.Equal(t, string(w[format]), string(g[format]), "%s: format %s", msg, format)
	}
}

func openCache(t *testing.T, dir string) *cache.Dir {
	t.Helper()
	c, err := cache.Open(dir)
	require.NoError(t, err)
	return c
}

// TestCacheWarmRunEqualsCold: a cold run fills the cache with every
// inventory that evaluated cleanly, a warm run reads them all, and both
// print the same bytes as a run without cache in every format, at an
// as-of date where waivers hold and one where they have expired, with and
// without a baseline.
func TestCacheWarmRunEqualsCold(t *testing.T) {
	for _, asOf := range []string{fixtureAsOf, "2028-06-30"} {
		t.Run(asOf, func(t *testing.T) {
			plain := mustCheck(t, cacheEngine(t, engine.WithAsOf(asOf)), cachePaths...)
			require.NotEmpty(t, plain.Errors, "the invalid inventory is reported")

			dir := t.TempDir()
			cold := openCache(t, dir)
			coldRes := mustCheck(t, cacheEngine(t, engine.WithAsOf(asOf), engine.WithCache(cold)), cachePaths...)
			assert.Equal(t, cache.Stats{Misses: cached + 1, Stored: cached}, cold.Stats(), "the invalid inventory is not stored")
			requireSameReports(t, plain, coldRes, "cold")

			warm := openCache(t, dir)
			warmRes := mustCheck(t, cacheEngine(t, engine.WithAsOf(asOf), engine.WithCache(warm)), cachePaths...)
			assert.Equal(t, cache.Stats{Hits: cached, Misses: 1}, warm.Stats())
			requireSameReports(t, plain, warmRes, "warm")

			// A baseline is applied after the cache: the entries stay warm.
			fps := map[string]bool{}
			for _, f := range plain.Findings {
				fps[f.Fingerprint] = true
			}
			based := mustCheck(t, cacheEngine(t, engine.WithAsOf(asOf), engine.WithBaseline(fps)), cachePaths...)
			c := openCache(t, dir)
			basedWarm := mustCheck(t, cacheEngine(t, engine.WithAsOf(asOf), engine.WithBaseline(fps), engine.WithCache(c)), cachePaths...)
			assert.Equal(t, cached, c.Stats().Hits)
			requireSameReports(t, based, basedWarm, "baseline")
		})
	}
}

// TestCacheKeyChanges: each input of the key makes a miss when it changes.
func TestCacheKeyChanges(t *testing.T) {
	dir := t.TempDir()
	inv := filepath.Join(t.TempDir(), "bid")
	copyDir(t, "../fixtures/bid", inv)
	run := func(opts ...engine.Option) cache.Stats {
		c := openCache(t, dir)
		mustCheck(t, cacheEngine(t, append(opts, engine.WithCache(c))...), inv)
		return c.Stats()
	}
	assert.Equal(t, cache.Stats{Misses: 1, Stored: 1}, run())
	assert.Equal(t, cache.Stats{Hits: 1}, run())
	assert.Equal(t, cache.Stats{Misses: 1, Stored: 1}, run(engine.WithAsOf("2027-01-01")), "as-of")
	assert.Equal(t, cache.Stats{Misses: 1, Stored: 1}, run(engine.WithProfiles([]string{"eu"}, nil)), "profiles")
	assert.Equal(t, cache.Stats{Hits: 1}, run(engine.WithFailOn(finding.Threshold(finding.Critical))), "fail-on is applied after")

	files, err := filepath.Glob(filepath.Join(inv, "*.hcl"))
	require.NoError(t, err)
	require.NotEmpty(t, files)
	b, err := os.ReadFile(files[0])
	require.NoError(t, err)
	require.NoError(t, os.WriteFile(files[0], append(b, "\n# edited\n"...), 0o644))
	assert.Equal(t, cache.Stats{Misses: 1, Stored: 1}, run(), "a file's bytes")
	require.NoError(t, os.WriteFile(filepath.Join(inv, "zz-extra.hcl"), []byte("# nothing\n"), 0o644))
	assert.Equal(t, cache.Stats{Misses: 1, Stored: 1}, run(), "a file added")
}

// TestCacheCorruptEntriesAreRecomputed: whatever happened to an entry
// (truncated, a byte flipped, another inventory's entry, garbage, empty),
// the run equals one without cache, and the entry is rewritten.
func TestCacheCorruptEntriesAreRecomputed(t *testing.T) {
	plain := mustCheck(t, cacheEngine(t), cachePaths...)
	for name, damage := range map[string]func(path string, b []byte, other []byte) []byte{
		"truncated":       func(_ string, b, _ []byte) []byte { return b[:len(b)/2] },
		"header only":     func(_ string, b, _ []byte) []byte { return b[:80] },
		"empty":           func(_ string, _, _ []byte) []byte { return nil },
		"flipped payload": func(_ string, b, _ []byte) []byte { b[len(b)-7] ^= 0x40; return b },
		"flipped key":     func(_ string, b, _ []byte) []byte { b[12] ^= 1; return b },
		"flipped length":  func(_ string, b, _ []byte) []byte { b[8+32+7]++; return b },
		"wrong key":       func(_ string, _, other []byte) []byte { return other },
		"garbage":         func(_ string, b, _ []byte) []byte { return bytes.Repeat([]byte{0xA5}, len(b)) },
		"appended":        func(_ string, b, _ []byte) []byte { return append(b, 0) },
	} {
		t.Run(name, func(t *testing.T) {
			dir := t.TempDir()
			mustCheck(t, cacheEngine(t, engine.WithCache(openCache(t, dir))), cachePaths...)
			entries := entryFiles(t, dir)
			require.Len(t, entries, int(cached))
			contents := make([][]byte, len(entries))
			for i, p := range entries {
				b, err := os.ReadFile(p)
				require.NoError(t, err)
				contents[i] = b
			}
			for i, p := range entries {
				other := bytes.Clone(contents[(i+1)%len(entries)])
				require.NoError(t, os.WriteFile(p, damage(p, bytes.Clone(contents[i]), other), 0o644))
			}
			c := openCache(t, dir)
			res := mustCheck(t, cacheEngine(t, engine.WithCache(c)), cachePaths...)
			requireSameReports(t, plain, res, name)
			s := c.Stats()
			assert.Equal(t, int64(0), s.Hits, "no damaged entry is trusted")
			assert.Equal(t, cached, s.Stored, "every damaged entry is rewritten")

			again := openCache(t, dir)
			requireSameReports(t, plain, mustCheck(t, cacheEngine(t, engine.WithCache(again)), cachePaths...), name+", rewritten")
			assert.Equal(t, cached, again.Stats().Hits)
		})
	}
}

// TestCacheConcurrentRuns: runs sharing one cache directory, started
// together on a cold cache, each get the uncached result; so does a
// warm run after them. Run it with -race.
func TestCacheConcurrentRuns(t *testing.T) {
	plain := mustCheck(t, cacheEngine(t), cachePaths...)
	dir := t.TempDir()
	results := make([]*finding.Result, 4)
	var wg sync.WaitGroup
	for i := range results {
		wg.Go(func() {
			eng := cacheEngine(t, engine.WithCache(openCache(t, dir)), engine.WithParallel(2))
			res, err := eng.Check(context.Background(), cachePaths)
			assert.NoError(t, err)
			results[i] = res
		})
	}
	wg.Wait()
	for _, res := range results {
		require.NotNil(t, res)
		requireSameReports(t, plain, res, "concurrent")
	}
	require.Len(t, entryFiles(t, dir), int(cached), "one entry per inventory, no temporary file left")
	requireSameReports(t, plain, mustCheck(t, cacheEngine(t, engine.WithCache(openCache(t, dir))), cachePaths...), "after")
}

// TestCacheOffForCustomLoaders: a tender's loader puts the city's context
// around each bid; such an engine does not use the cache.
func TestCacheOffForCustomLoaders(t *testing.T) {
	c := openCache(t, t.TempDir())
	load := func(fsys fs.FS, path string, opts inventory.Options) (*inventory.Inventory, hcl.Diagnostics) {
		return inventory.Load(fsys, path, opts)
	}
	mustCheck(t, cacheEngine(t, engine.WithCache(c), engine.WithLoader(load)), "../fixtures/bid")
	assert.Equal(t, cache.Stats{}, c.Stats())
}

func entryFiles(t *testing.T, dir string) []string {
	t.Helper()
	var out []string
	require.NoError(t, filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			out = append(out, p)
		}
		return err
	}))
	return out
}

func copyDir(t *testing.T, from, to string) {
	t.Helper()
	require.NoError(t, os.CopyFS(to, os.DirFS(from)))
}
