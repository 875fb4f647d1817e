package inventory_test

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime/debug"
	"strings"
	"sync"
	"testing"
	"testing/fstest"
	"time"

	"github.com/hashicorp/hcl/v2"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/citygate/citygate/engine/inventory"
)

// hostileGuard bounds how long loading one hostile input may take. It is a
// guard against hangs, not a speed assertion: every case here takes well
// under a second without the race detector.
const hostileGuard = 20 * time.Second

// loadGuarded loads path and fails the test, instead of hanging it, if
// Load does not return within hostileGuard.
func loadGuarded(t *testing.T, fsys fs.FS, path string, limits inventory.Limits) (*inventory.Inventory, hcl.Diagnostics) {
	t.Helper()
	type result struct {
		inv   *inventory.Inventory
		diags hcl.Diagnostics
	}
	done := make(chan result, 1)
	go func() {
		inv, diags := inventory.Load(fsys, path, inventory.Options{Limits: limits})
		done <- result{inv, diags}
	}()
	select {
	case r := <-done:
		return r.inv, r.diags
	case <-time.After(hostileGuard):
		t.Fatalf("loading %s did not finish within %s", path, hostileGuard)
		return nil, nil
	}
}

// requireError requires an error diagnostic with this summary at file:line.
func requireError(t *testing.T, diags hcl.Diagnostics, file string, line int, summary string) {
	t.Helper()
	for _, d := range diags {
		if d.Severity == hcl.DiagError && d.Subject != nil && d.Subject.Filename == file &&
			d.Subject.Start.Line == line && d.Summary == summary {
			return
		}
	}
	msg := diags.Error()
	if len(msg) > 2000 {
		msg = msg[:2000] + "..."
	}
	t.Fatalf("no error %q at %s:%d among %d diagnostics:\n%s", summary, file, line, len(diags), msg)
}

// TestHostileSources: inputs that once crashed the process with a fatal
// (unrecoverable) stack overflow inside hcl's recursive parser, or hung
// for minutes in math/big, each end with one located diagnostic.
//
// A stack overflow is fatal, not a panic: no recover can catch it. To keep
// the inputs small, the test lowers the stack limit to 16 MiB, where each
// of the recursion cases below overflowed before the fix (at the default
// 1 GiB they need about fifty times the size).
func TestHostileSources(t *testing.T) {
	prev := debug.SetMaxStack(16 << 20)
	t.Cleanup(func() { debug.SetMaxStack(prev) })
	cases := []struct {
		name    string
		file    string
		src     string
		line    int
		summary string
	}{
		// The documented pitfall: 100,000 nested brackets.
		{"nested brackets", "f.hcl", "x = " + strings.Repeat("[", 100_000), 1, "Nesting too deep"},
		{"nested objects", "f.hcl", "x = " + strings.Repeat("{a=", 100_000), 1, "Nesting too deep"},
		{"nested parentheses", "f.hcl", "x = " + strings.Repeat("(", 100_000), 1, "Nesting too deep"},
		{"nested interpolation", "f.hcl", "x = " + strings.Repeat(`"${`, 50_000), 1, "Nesting too deep"},
		// Closing brackets first used to drive the counter negative, so
		// 200,000 opening ones reached the parser (fatal stack overflow).
		{"stray closing brackets", "f.hcl", "a = " + strings.Repeat("]", 30_000) + "\nb = " + strings.Repeat("[", 30_000) + "\n", 2, "Nesting too deep"},
		{"stray closing braces", "f.hcl", "a = " + strings.Repeat("}", 30_000) + "\nb = " + strings.Repeat("{a=", 30_000) + "\n", 2, "Nesting too deep"},
		// Recursion without brackets: each of these was a fatal stack overflow.
		{"unary minus chain", "f.hcl", "system \"a\" {\n  name = " + strings.Repeat("-", 50_000) + "1\n}\n", 2, "Expression not allowed"},
		{"logical not chain", "f.hcl", "x = " + strings.Repeat("!", 50_000) + "true\n", 1, "Expression not allowed"},
		{"conditional chain", "f.hcl", "x = " + strings.Repeat("a?b:", 20_000) + "c\n", 1, "Expression not allowed"},
		{"splat chain", "f.hcl", "x = a" + strings.Repeat("[*].b", 30_000) + "\n", 1, "Expression not allowed"},
		{"template if directives", "f.hcl", "x = \"" + strings.Repeat("%{if a}", 30_000) + "\"\n", 1, "Interpolation is not allowed"},
		// Unclosed for directives in a heredoc took minutes in hcl's template parser.
		{"heredoc for directives", "f.hcl", "x = <<EOT\n" + strings.Repeat("%{ for x in y }", 50_000) + "\nEOT\n", 2, "Interpolation is not allowed"},
		// math/big converts number literals while parsing (quadratic): 4 MB of digits took 30 s, 300 KB 0.2 s.
		{"number with 300,000 digits", "f.hcl", "x = " + strings.Repeat("7", 300_000) + "\n", 1, "Number too long"},
		{"JSON number with 300,000 digits", "f.hcl.json", `{"x": ` + strings.Repeat("7", 300_000) + `}`, 1, "Number too long"},
		// Formatting 1e300000000 exactly (300 million digits) hung.
		{"huge exponent", "f.hcl", "system \"a\" {\n  data {\n    retention_days = 01e300000000\n  }\n}\n", 3, "Number out of range"},
		{"tiny exponent", "f.hcl", "system \"a\" {\n  data {\n    retention_days = 1e-300000000\n  }\n}\n", 3, "Number out of range"},
		{"JSON huge exponent", "f.hcl.json", "{\"system\": {\"a\": {\n\"data\": {\"retention_days\": 1e300000000}}}}", 2, "Number out of range"},
		// "Did you mean" compared a 4 MB name with every candidate (5 s).
		{"long attribute name", "f.hcl", "system \"a\" {\n  " + strings.Repeat("a", 100_000) + " = 1\n}\n", 2, "Unsupported argument"},
		{"long block type", "f.hcl", "system \"a\" {\n  " + strings.Repeat("a", 100_000) + " {}\n}\n", 2, "Unsupported block type"},
		{"JSON stray closing brackets", "f.hcl.json", strings.Repeat("]", 100_000) + strings.Repeat("[", 100_000), 1, "Nesting too deep"},
		{"JSON nested arrays", "f.hcl.json", `{"x": ` + strings.Repeat("[", 100_000), 1, "Nesting too deep"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			mfs := fstest.MapFS{c.file: {Data: []byte(c.src)}}
			inv, diags := loadGuarded(t, mfs, c.file, inventory.Limits{})
			requireError(t, diags, c.file, c.line, c.summary)
			assert.Nil(t, inv.Doc)
		})
	}
}

// TestLiteralsStillAllowed: the checks that refuse recursion keep what an
// inventory may hold: negative numbers, ? ! - * [ in strings and heredocs,
// long but bounded numbers and escaped template sequences.
func TestLiteralsStillAllowed(t *testing.T) {
	src := `system "a" {
  category    = "iot"
  name        = "Is it [*] safe? !yes - no %%{ if } $${x}"
  description = <<EOT
    A heredoc with ? ! - [*] and %%{ for } in it.
EOT
  data {
    retention_days = -1
  }
  tco {
    capex = 123456789012345678901234567890
  }
}
`
	mfs := fstest.MapFS{"f.hcl": {Data: []byte(src)}}
	_, diags := loadGuarded(t, mfs, "f.hcl", inventory.Limits{})
	for _, d := range diags {
		assert.NotContains(t, []string{"Expression not allowed", "Interpolation is not allowed", "Number too long", "Number out of range", "Nesting too deep"}, d.Summary, "%s", d.Error())
	}
}

// spyFS records which files were opened.
type spyFS struct {
	fs.StatFS
	mu     sync.Mutex
	opened []string
}

func (s *spyFS) Open(name string) (fs.File, error) {
	s.mu.Lock()
	s.opened = append(s.opened, name)
	s.mu.Unlock()
	return s.StatFS.Open(name)
}

// TestOversizedFileRefusedBeforeReading: a 1 GB sparse file is refused
// from its size alone: it is never opened, so nothing is read.
func TestOversizedFileRefusedBeforeReading(t *testing.T) {
	dir := t.TempDir()
	big := filepath.Join(dir, "bid.hcl")
	require.NoError(t, os.WriteFile(big, []byte("system \"a\" {}\n"), 0o644))
	require.NoError(t, os.Truncate(big, 1<<30))
	require.NoError(t, os.WriteFile(filepath.Join(dir, "small.hcl"), []byte("system \"b\" {}\n"), 0o644))

	spy := &spyFS{StatFS: inventory.OS{}}
	start := time.Now()
	_, diags := loadGuarded(t, spy, dir, inventory.Limits{})
	requireError(t, diags, big, 1, "File too large")
	assert.Contains(t, diags.Error(), "limits.max_file_size")
	assert.NotContains(t, spy.opened, big, "the oversized file was opened")
	assert.Contains(t, spy.opened, filepath.Join(dir, "small.hcl"), "the other file was still read")
	t.Logf("refused a 1 GiB file in %s", time.Since(start))

	// As the only path, too.
	spy = &spyFS{StatFS: inventory.OS{}}
	_, diags = loadGuarded(t, spy, big, inventory.Limits{})
	requireError(t, diags, big, 1, "File too large")
	assert.Empty(t, spy.opened)
}

// growingFS reports a small size but serves more bytes than the limit,
// like a file that grows between Stat and Open.
type growingFS struct{ fstest.MapFS }

func (g growingFS) Stat(name string) (fs.FileInfo, error) {
	return fakeInfo{name: name, size: 10}, nil
}

type fakeInfo struct {
	name string
	size int64
}

func (i fakeInfo) Name() string       { return i.name }
func (i fakeInfo) Size() int64        { return i.size }
func (i fakeInfo) Mode() fs.FileMode  { return 0o644 }
func (i fakeInfo) ModTime() time.Time { return time.Time{} }
func (i fakeInfo) IsDir() bool        { return false }
func (i fakeInfo) Sys() any           { return nil }

// TestFileGrowingWhileReadIsBounded: reading stops at the limit.
func TestFileGrowingWhileReadIsBounded(t *testing.T) {
	g := growingFS{fstest.MapFS{"f.hcl": {Data: []byte(strings.Repeat("#", 4096))}}}
	_, diags := loadGuarded(t, g, "f.hcl", inventory.Limits{MaxFileSize: 1024})
	requireError(t, diags, "f.hcl", 1, "Cannot read file")
	assert.Contains(t, diags.Error(), "grew beyond 1024 bytes")
}

// TestWalkedTreeHazards: links are not followed (a loop cannot trap the
// walk), unreadable files and too many files are located errors.
func TestWalkedTreeHazards(t *testing.T) {
	t.Run("symlink loops", func(t *testing.T) {
		dir := t.TempDir()
		require.NoError(t, os.WriteFile(filepath.Join(dir, "main.hcl"), []byte("system \"a\" {\n  category = \"iot\"\n}\n"), 0o644))
		require.NoError(t, os.Symlink(".", filepath.Join(dir, "again")))
		require.NoError(t, os.Symlink("self.hcl", filepath.Join(dir, "self.hcl")))
		require.NoError(t, os.Symlink("b.hcl", filepath.Join(dir, "a.hcl")))
		require.NoError(t, os.Symlink("a.hcl", filepath.Join(dir, "b.hcl")))
		inv, diags := loadGuarded(t, inventory.OS{}, dir, inventory.Limits{})
		require.False(t, diags.HasErrors(), diags.Error())
		assert.NotNil(t, inv.Doc, "the regular file is loaded")
		assert.Len(t, diags, 4, "one warning per link: %s", diags.Error())
		for _, d := range diags {
			assert.Equal(t, "Symbolic link not followed", d.Summary)
			assert.Equal(t, 1, d.Subject.Start.Line)
		}

		// A looping link given as the inventory itself.
		_, diags = loadGuarded(t, inventory.OS{}, filepath.Join(dir, "self.hcl"), inventory.Limits{})
		requireError(t, diags, filepath.Join(dir, "self.hcl"), 1, "Cannot read inventory")
		assert.Contains(t, diags.Error(), "too many levels of symbolic links")
	})

	t.Run("unreadable file", func(t *testing.T) {
		dir := t.TempDir()
		secret := filepath.Join(dir, "secret.hcl")
		require.NoError(t, os.WriteFile(secret, []byte("system \"a\" {}\n"), 0o644))
		require.NoError(t, os.Chmod(secret, 0))
		t.Cleanup(func() { _ = os.Chmod(secret, 0o644) })
		if f, err := os.Open(secret); err == nil {
			f.Close()
			t.Skip("running with privileges that ignore file modes (root): chmod 000 does not stop reading")
		}
		_, diags := loadGuarded(t, inventory.OS{}, dir, inventory.Limits{})
		requireError(t, diags, secret, 1, "Cannot read file")
		assert.Contains(t, diags.Error(), "permission denied")
	})

	t.Run("unreadable directory", func(t *testing.T) {
		dir := t.TempDir()
		sub := filepath.Join(dir, "locked")
		require.NoError(t, os.Mkdir(sub, 0o755))
		require.NoError(t, os.WriteFile(filepath.Join(dir, "main.hcl"), []byte("system \"a\" {}\n"), 0o644))
		require.NoError(t, os.Chmod(sub, 0))
		t.Cleanup(func() { _ = os.Chmod(sub, 0o755) })
		if _, err := os.ReadDir(sub); err == nil {
			t.Skip("running with privileges that ignore file modes (root): chmod 000 does not stop reading")
		}
		_, diags := loadGuarded(t, inventory.OS{}, dir, inventory.Limits{})
		requireError(t, diags, sub, 1, "Cannot read directory")
	})

	t.Run("too many files", func(t *testing.T) {
		dir := t.TempDir()
		n := inventory.DefaultLimits.MaxFiles + 1
		for i := range n {
			require.NoError(t, os.WriteFile(filepath.Join(dir, fmt.Sprintf("s%05d.hcl", i)), nil, 0o644))
		}
		_, diags := loadGuarded(t, inventory.OS{}, dir, inventory.Limits{})
		requireError(t, diags, dir, 1, "Too many files")
		assert.Contains(t, diags.Error(), fmt.Sprintf("holds %d inventory files; the limit is %d (limits.max_files)", n, n-1))
	})
}

// TestDiagnosticsAreCapped: a file with thousands of problems reports the
// first MaxDiagnostics and one located note for the rest.
func TestDiagnosticsAreCapped(t *testing.T) {
	var b strings.Builder
	for i := range 3000 {
		fmt.Fprintf(&b, "system \"s%d\" {\n  categry = \"iot\"\n}\n", i)
	}
	mfs := fstest.MapFS{"f.hcl": {Data: []byte(b.String())}}
	_, diags := loadGuarded(t, mfs, "f.hcl", inventory.Limits{})
	require.Len(t, diags, inventory.MaxDiagnostics+1)
	last := diags[len(diags)-1]
	assert.Equal(t, "Too many problems", last.Summary)
	assert.Equal(t, "2000 more problems in this inventory are not shown. Fix the ones above and run again.", last.Detail)
	// It points at the first problem not shown.
	assert.Equal(t, 3*inventory.MaxDiagnostics+2, last.Subject.Start.Line)
}
