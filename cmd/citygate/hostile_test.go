package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/citygate/citygate/engine/inventory"
)

const hostileDir = "../../fixtures/hostile"

// hostileFixtures are the committed cases in fixtures/hostile: for each,
// the line and summary of the error it must end with. Every file there
// must be listed (TestHostileFixturesAreListed).
var hostileFixtures = map[string]struct {
	line    int
	summary string
}{
	"bom_utf16.hcl":            {1, "Invalid character encoding"},
	"conditional.hcl":          {2, "Expression not allowed"},
	"deep_blocks.hcl":          {34, "Nesting too deep"},
	"directive.hcl.json":       {4, "Interpolation is not allowed"},
	"for_expansion.hcl":        {4, "for expressions are not allowed"},
	"heredoc_interp.hcl":       {4, "Interpolation is not allowed"},
	"heredoc_unterminated.hcl": {5, "Unterminated template string"},
	"huge_number.hcl":          {4, "Number out of range"},
	"huge_number.hcl.json":     {4, "Number out of range"},
	"interp.hcl.json":          {4, "Interpolation is not allowed"},
	"invalid_utf8.hcl":         {3, "Invalid character encoding"},
	"long_number.hcl":          {3, "Number too long"},
	"not_chain.hcl":            {2, "Expression not allowed"},
	"nul_bytes.hcl":            {4, "Invalid character"},
	"nul_label.hcl":            {1, "Invalid value"},
	"random_bytes.hcl":         {2, "Expression not allowed"},
	"splat.hcl":                {3, "Expression not allowed"},
	"stray_brackets.hcl":       {4, "Nesting too deep"},
	"template_for.hcl":         {2, "Interpolation is not allowed"},
	"unary_chain.hcl":          {5, "Expression not allowed"},
}

// hostileCase is one inventory path that must end with a located error
// and exit 2. make builds the input (in dir) and returns the path to pass
// and the file the error must name; line 0 accepts any line >= 1 (random
// input), summary "" any summary.
type hostileCase struct {
	name    string
	make    func(t *testing.T, dir string) (path, file string)
	line    int
	summary string
}

func fixtureCase(name string) hostileCase {
	want := hostileFixtures[name]
	return hostileCase{
		name: name,
		make: func(*testing.T, string) (string, string) {
			p := filepath.Join(hostileDir, name)
			return p, p
		},
		line:    want.line,
		summary: want.summary,
	}
}

// generated writes one file of generated content.
func generated(name, file string, line int, summary string, content func() []byte) hostileCase {
	return hostileCase{
		name: name,
		make: func(t *testing.T, dir string) (string, string) {
			p := filepath.Join(dir, file)
			require.NoError(t, os.WriteFile(p, content(), 0o644))
			return p, p
		},
		line:    line,
		summary: summary,
	}
}

func repeat(prefix, s string, n int, suffix string) func() []byte {
	return func() []byte { return []byte(prefix + strings.Repeat(s, n) + suffix) }
}

func hostileCases() []hostileCase {
	var cases []hostileCase
	names := make([]string, 0, len(hostileFixtures))
	for n := range hostileFixtures {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		cases = append(cases, fixtureCase(n))
	}
	cases = append(cases,
		generated("100,000 nested brackets", "brackets.hcl", 1, "Nesting too deep", repeat("x = ", "[", 100_000, "")),
		generated("20,000 nested blocks", "blocks.hcl", 33, "Nesting too deep", repeat("", "system \"a\" {\n", 20_000, "")),
		generated("stray closers then 100,000 openers", "stray.hcl", 2, "Nesting too deep",
			repeat("a = "+strings.Repeat("]", 100_000)+"\nb = ", "[", 100_000, "\n")),
		generated("unary minus chain", "minus.hcl", 1, "Expression not allowed", repeat("x = ", "-", 100_000, "1\n")),
		generated("splat chain", "splat.hcl", 1, "Expression not allowed", repeat("x = a", "[*].b", 20_000, "\n")),
		generated("template directives", "directives.hcl", 1, "Interpolation is not allowed", repeat("x = \"", "%{ for x in y }", 20_000, "\"\n")),
		generated("JSON nested arrays", "nested.hcl.json", 1, "Nesting too deep", repeat(`{"system": `, "[", 100_000, "")),
		generated("string over max_string_length", "long_string.hcl", 2, "String too long",
			repeat("system \"a\" {\n  description = \"", "vendor text ", 7_000, "\"\n}\n")),
		generated("a 100 KB line", "long_line.hcl", 3, "Incorrect value type",
			repeat("system \"a\" {\n  data {\n    purposes = [", `"p", `, 20_000, "true]\n  }\n}\n")),
		generated("64 KB of NUL bytes", "nul.hcl", 1, "Invalid character", func() []byte { return make([]byte, 64<<10) }),
		generated("256 KB of random bytes", "random.hcl", 0, "", func() []byte {
			r := rand.New(rand.NewPCG(9, 9))
			b := make([]byte, 256<<10)
			for i := range b {
				b[i] = byte(r.Uint32())
			}
			return b
		}),
		hostileCase{
			name: "1 GB sparse file",
			make: func(t *testing.T, dir string) (string, string) {
				p := filepath.Join(dir, "huge.hcl")
				require.NoError(t, os.WriteFile(p, []byte("system \"a\" {}\n"), 0o644))
				require.NoError(t, os.Truncate(p, 1<<30))
				return p, p
			},
			line: 1, summary: "File too large",
		},
		hostileCase{
			name: "symlink loops only",
			make: func(t *testing.T, dir string) (string, string) {
				inv := filepath.Join(dir, "inv")
				require.NoError(t, os.Mkdir(inv, 0o755))
				require.NoError(t, os.Symlink(".", filepath.Join(inv, "again")))
				require.NoError(t, os.Symlink("self.hcl", filepath.Join(inv, "self.hcl")))
				return inv, inv
			},
			line: 1, summary: "No inventory files",
		},
		hostileCase{
			name: "symlink loop as the inventory",
			make: func(t *testing.T, dir string) (string, string) {
				p := filepath.Join(dir, "self.hcl")
				require.NoError(t, os.Symlink("self.hcl", p))
				return p, p
			},
			line: 1, summary: "Cannot read inventory",
		},
		hostileCase{
			name: "unreadable file in a walked tree",
			make: func(t *testing.T, dir string) (string, string) {
				inv := filepath.Join(dir, "inv")
				require.NoError(t, os.Mkdir(inv, 0o755))
				require.NoError(t, os.WriteFile(filepath.Join(inv, "ok.hcl"), []byte("system \"a\" {}\n"), 0o644))
				secret := filepath.Join(inv, "secret.hcl")
				require.NoError(t, os.WriteFile(secret, []byte("system \"b\" {}\n"), 0o644))
				require.NoError(t, os.Chmod(secret, 0))
				t.Cleanup(func() { _ = os.Chmod(secret, 0o644) })
				if f, err := os.Open(secret); err == nil {
					f.Close()
					t.Skip("running with privileges that ignore file modes (root): chmod 000 does not stop reading")
				}
				return inv, secret
			},
			line: 1, summary: "Cannot read file",
		},
		hostileCase{
			name: "more files than limits.max_files",
			make: func(t *testing.T, dir string) (string, string) {
				inv := filepath.Join(dir, "inv")
				require.NoError(t, os.Mkdir(inv, 0o755))
				for i := range inventory.DefaultLimits.MaxFiles + 1 {
					require.NoError(t, os.WriteFile(filepath.Join(inv, fmt.Sprintf("s%05d.hcl", i)), nil, 0o644))
				}
				return inv, inv
			},
			line: 1, summary: "Too many files",
		},
	)
	return cases
}

// TestHostileFixturesAreListed: a new file in fixtures/hostile needs its
// expectation in hostileFixtures.
func TestHostileFixturesAreListed(t *testing.T) {
	entries, err := os.ReadDir(hostileDir)
	require.NoError(t, err)
	var files []string
	for _, e := range entries {
		files = append(files, e.Name())
	}
	var listed []string
	for n := range hostileFixtures {
		listed = append(listed, n)
	}
	assert.ElementsMatch(t, files, listed)
}

// hostileGuard bounds one CLI run on a hostile input: a guard against
// hangs, not a speed assertion (each case takes well under a second
// without the race detector).
const hostileGuard = 30 * time.Second

// runGuarded runs the CLI in-process and fails the test if it does not
// return within hostileGuard.
func runGuarded(t *testing.T, args ...string) (string, string, int) {
	t.Helper()
	type result struct {
		out, errOut string
		code        int
	}
	done := make(chan result, 1)
	go func() {
		var out, errOut bytes.Buffer
		code := run(args, &out, &errOut)
		done <- result{out.String(), errOut.String(), code}
	}()
	select {
	case r := <-done:
		return r.out, r.errOut, r.code
	case <-time.After(hostileGuard):
		t.Fatalf("citygate %s did not finish within %s", strings.Join(args, " "), hostileGuard)
		return "", "", 0
	}
}

// located is a diagnostic or error as the JSON outputs carry it.
type located struct {
	File    string `json:"file"`
	Line    int    `json:"line"`
	Summary string `json:"summary"`
}

func requireLocated(t *testing.T, got []located, c hostileCase, file string) {
	t.Helper()
	require.NotEmpty(t, got)
	for _, d := range got {
		assert.NotEmpty(t, d.Summary)
		assert.GreaterOrEqual(t, d.Line, 1, "every error is located: %+v", d)
	}
	for _, d := range got {
		if d.File == file && (c.line == 0 && d.Line >= 1 || d.Line == c.line) && (c.summary == "" || d.Summary == c.summary) {
			return
		}
	}
	if len(got) > 5 {
		got = got[:5]
	}
	t.Fatalf("no error %q at %s:%d; got (first 5) %+v", c.summary, file, c.line, got)
}

// settleGoroutines waits briefly for goroutines started by a run to end
// and fails if more remain than before it.
func settleGoroutines(t *testing.T, before int) {
	t.Helper()
	deadline := time.Now().Add(5 * time.Second)
	for runtime.NumGoroutine() > before && time.Now().Before(deadline) {
		time.Sleep(10 * time.Millisecond)
	}
	if n := runtime.NumGoroutine(); n > before {
		buf := make([]byte, 1<<20)
		t.Fatalf("%d goroutines leaked:\n%s", n-before, buf[:runtime.Stack(buf, true)])
	}
}

// TestHostileInventories runs validate and check on every hostile input:
// each ends with a located error naming the file and line, exit code 2,
// within the guard, leaving no goroutine behind.
func TestHostileInventories(t *testing.T) {
	// Warm up once, so lazily started runtime goroutines are not counted.
	_, _, code := runGuarded(t, "check", "--rule", "SEC-005", "-f", "json", "../../fixtures/bid")
	require.NotEqual(t, 2, code)

	for _, c := range hostileCases() {
		t.Run(c.name, func(t *testing.T) {
			before := runtime.NumGoroutine()
			path, file := c.make(t, t.TempDir())

			out, stderr, code := runGuarded(t, "validate", "-f", "json", path)
			require.Equal(t, 2, code, "validate: %s", stderr)
			var v struct {
				Valid       bool      `json:"valid"`
				Diagnostics []located `json:"diagnostics"`
			}
			require.NoError(t, json.Unmarshal([]byte(out), &v), out)
			assert.False(t, v.Valid)
			requireLocated(t, v.Diagnostics, c, file)

			out, stderr, code = runGuarded(t, "check", "-f", "json", path)
			require.Equal(t, 2, code, "check: %s", stderr)
			var res struct {
				Errors []located `json:"errors"`
			}
			require.NoError(t, json.Unmarshal([]byte(out), &res), out)
			requireLocated(t, res.Errors, c, file)

			// The text output a person reads names the file and line too.
			out, _, code = runGuarded(t, "validate", path)
			require.Equal(t, 2, code)
			assert.Contains(t, out, "Error: ")
			settleGoroutines(t, before)
		})
	}
}
