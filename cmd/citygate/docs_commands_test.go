package main

import (
	"bufio"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// docCommand is one citygate command line shown in a fenced code block.
type docCommand struct {
	file string
	line int
	args []string
}

var (
	fence = regexp.MustCompile("^\\s*```")
	// A report's header line ("citygate version: 0.1.0") is output, not
	// a command: a command's first word never ends with a colon.
	commandLine = regexp.MustCompile(`^\s*(?:\$ |- |run: |- run: )?citygate\s+([^\s:]+(?:\s.*)?)$`)
	foldedRun   = regexp.MustCompile(`^\s*(?:- )?run: >-?\s*$`)
)

// docCommands extracts every citygate command from the fenced code
// blocks of README.md and docs/*.md: shell lines ("$ " optional), YAML
// "run:" and list items, and folded "run: >-" blocks (joined). Comments
// are dropped; synopses with [OPTIONAL] parts are not commands.
func docCommands(t *testing.T) []docCommand {
	t.Helper()
	files, err := filepath.Glob("../../docs/*.md")
	require.NoError(t, err)
	files = append([]string{"../../README.md"}, files...)
	var out []docCommand
	for _, file := range files {
		f, err := os.Open(file)
		require.NoError(t, err)
		sc := bufio.NewScanner(f)
		inFence, n := false, 0
		var folded *docCommand
		var foldIndent string
		for sc.Scan() {
			n++
			line := sc.Text()
			if fence.MatchString(line) {
				inFence = !inFence
				continue
			}
			if !inFence {
				continue
			}
			if folded != nil {
				indent := line[:len(line)-len(strings.TrimLeft(line, " "))]
				if strings.TrimSpace(line) != "" && len(indent) > len(foldIndent) {
					folded.args = append(folded.args, strings.Fields(line)...)
					continue
				}
				out = append(out, finishCommand(*folded)...)
				folded = nil
			}
			if foldedRun.MatchString(line) {
				folded = &docCommand{file: file, line: n + 1}
				foldIndent = line[:len(line)-len(strings.TrimLeft(line, " "))]
				continue
			}
			if m := commandLine.FindStringSubmatch(line); m != nil {
				text, _, _ := strings.Cut(m[1], " #")
				// What a pipe feeds (head, grep) is the shell's, not citygate's.
				text, _, _ = strings.Cut(text, " | ")
				out = append(out, finishCommand(docCommand{file: file, line: n, args: append([]string{"citygate"}, strings.Fields(text)...)})...)
			}
		}
		if folded != nil {
			out = append(out, finishCommand(*folded)...)
		}
		require.NoError(t, sc.Err())
		f.Close()
	}
	return out
}

// shardVariables are how CI examples name a runner's shard; a command
// using one is run once per shard, so a merge after it has every result.
var shardVariables = []string{"${{ matrix.shard }}", "${CI_NODE_INDEX}"}

// docShards is the shard count the CI examples use.
const docShards = 4

// finishCommand drops the leading "citygate" and synopses, and fills in
// CI variables (origin/main is HEAD of the test's repository).
func finishCommand(c docCommand) []docCommand {
	text := strings.NewReplacer("${CI_NODE_TOTAL}", fmt.Sprint(docShards), "origin/main", "HEAD").Replace(strings.Join(c.args, " "))
	var out []docCommand
	for k := 1; k <= docShards; k++ {
		r := text
		for _, v := range shardVariables {
			r = strings.ReplaceAll(r, v, fmt.Sprint(k))
		}
		one := c
		var synopsis bool
		one.args, synopsis = shellFields(r)
		if len(one.args) > 0 && one.args[0] == "citygate" {
			one.args = one.args[1:]
		}
		if len(one.args) == 0 || synopsis {
			return nil
		}
		out = append(out, one)
		if r == text {
			break // no shard variable: one command
		}
	}
	return out
}

// shellFields splits a command line as a shell does for the quoting the
// docs use: a single-quoted part ('input.systems[_].id') is one argument,
// without its quotes. synopsis reports a [ outside quotes: an [OPTIONAL]
// part of a synopsis, not a command.
func shellFields(s string) (args []string, synopsis bool) {
	var cur strings.Builder
	inQuote, inArg := false, false
	for _, r := range s {
		switch {
		case r == '\'':
			inQuote, inArg = !inQuote, true
		case !inQuote && (r == ' ' || r == '\t'):
			if inArg {
				args = append(args, cur.String())
				cur.Reset()
				inArg = false
			}
		default:
			synopsis = synopsis || (r == '[' && !inQuote)
			cur.WriteRune(r)
			inArg = true
		}
	}
	if inArg {
		args = append(args, cur.String())
	}
	return args, synopsis
}

// TestDocCommandsRun runs every citygate command the README and docs show,
// in a directory where the names they use exist (inventory/, cities/,
// vendor-bid.hcl point at the fixtures), and checks that each report lands
// in its file in its format. citygate test and fmt commands are covered by
// test_test.go and fmt_test.go, which own their fixtures.
func TestDocCommandsRun(t *testing.T) {
	fixtures, err := filepath.Abs("../../fixtures")
	require.NoError(t, err)
	cmds := docCommands(t)
	require.Greater(t, len(cmds), 10, "the docs show commands")
	work := t.TempDir()
	link := func(name, target string) {
		require.NoError(t, os.MkdirAll(filepath.Dir(filepath.Join(work, name)), 0o755))
		require.NoError(t, os.Symlink(target, filepath.Join(work, name)))
	}
	link("fixtures", fixtures)
	link("inventory", filepath.Join(fixtures, "city"))
	link("cities/lisbon", filepath.Join(fixtures, "city"))
	link("cities/bids", filepath.Join(fixtures, "bid"))
	link("vendor-bid.hcl", filepath.Join(fixtures, "bid", "acme-smart-lighting.hcl"))
	t.Chdir(work)
	if _, err := exec.LookPath("git"); err == nil {
		for _, args := range [][]string{{"init", "-q"}, {"add", "."}, {"commit", "-q", "-m", "docs"}} {
			c := exec.Command("git", append([]string{"-c", "user.email=t@example.org", "-c", "user.name=t", "-c", "commit.gpgsign=false"}, args...)...)
			out, err := c.CombinedOutput()
			require.NoError(t, err, "%s", out)
		}
	}
	_, stderr, code := citygate(t, "baseline", "inventory/", "-o", ".citygate-baseline.json", "-q")
	require.Equal(t, 0, code, stderr)

	for _, c := range cmds {
		name := fmt.Sprintf("%s:%d:%s", filepath.Base(c.file), c.line, strings.Join(c.args, "_"))
		if c.args[0] == "test" || c.args[0] == "fmt" {
			continue
		}
		t.Run(name, func(t *testing.T) {
			args := expandGlobs(t, c.args)
			files := reportFiles(args)
			if args[0] == "init" || args[0] == "bundle" {
				files = nil // a skeleton is HCL, a bundle a tarball; their own tests check them
			}
			for f := range files {
				os.Remove(f)
			}
			out, stderr, code := citygate(t, args...)
			require.Contains(t, []int{0, 1}, code, "citygate %s\n%s", strings.Join(c.args, " "), stderr)
			if strings.Contains(stderr, "has no inventories") {
				return // more shards than inventories: that shard writes nothing
			}
			for f, format := range files {
				assert.Equal(t, format, readFormat(t, f), "%s: %s", name, f)
			}
			if stdoutFormat, ok := stdoutReport(args); ok && !(out == "" && strings.Contains(strings.Join(args, " "), "--changed-since")) {
				assert.Equal(t, stdoutFormat, formatOf(t, []byte(out)), "%s: stdout", name)
			}
		})
	}
}

func expandGlobs(t *testing.T, args []string) []string {
	var out []string
	for _, a := range args {
		if strings.ContainsAny(a, "*?") {
			m, err := filepath.Glob(a)
			require.NoError(t, err)
			require.NotEmpty(t, m, a)
			out = append(out, m...)
			continue
		}
		out = append(out, a)
	}
	return out
}

// reportFiles maps each report file a check command names to its format,
// by the documented rule: -o FILE goes with the -f right before it, and
// -f FORMAT=FILE names its own.
func reportFiles(args []string) map[string]string {
	files := map[string]string{}
	last := "text"
	for i := 0; i+1 < len(args); i++ {
		switch args[i] {
		case "-f", "--format":
			format, file, ok := strings.Cut(args[i+1], "=")
			last = format
			if ok && file != "-" {
				files[file] = format
			}
		case "-o", "--output":
			if args[0] == "baseline" {
				files[args[i+1]] = "json"
			} else if args[i+1] != "-" {
				files[args[i+1]] = last
			}
		}
	}
	return files
}

// stdoutReport is the format a check command prints on stdout, if any.
func stdoutReport(args []string) (string, bool) {
	if args[0] != "check" {
		return "", false
	}
	var formats []string
	paired := map[int]bool{}
	for i := 0; i+1 < len(args); i++ {
		switch args[i] {
		case "-f", "--format":
			formats = append(formats, args[i+1])
		case "-o", "--output":
			if args[i+1] != "-" {
				paired[len(formats)-1] = true
			}
		}
	}
	if len(formats) == 0 {
		return "text", true
	}
	for i, f := range formats {
		if !paired[i] && !strings.Contains(f, "=") {
			return f, true
		}
	}
	return "", false
}
