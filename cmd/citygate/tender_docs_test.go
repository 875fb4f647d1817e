package main

import (
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

// docs/tenders.md shows commands run for real: the citygate commands of its
// blocks that have no pipe or redirection are run again here (from the
// repository root, globs expanded) and must print what the page shows.
// Refresh the page's blocks by running them when the rules change.
func TestTendersDocIsCurrent(t *testing.T) {
	b, err := os.ReadFile("../../docs/tenders.md")
	require.NoError(t, err)
	t.Chdir("../..")
	block := regexp.MustCompile("(?s)```\n(\\$ citygate [^\n]*)\n(.*?)```")
	ran := 0
	for _, m := range block.FindAllStringSubmatch(string(b), -1) {
		cmd, shown := strings.TrimPrefix(m[1], "$ "), m[2]
		if strings.ContainsAny(cmd, "|<>") || strings.Contains(cmd, " -o ") || strings.Contains(cmd, "=") {
			continue // pipelines and files: not replayed
		}
		var args []string
		for _, a := range strings.Fields(cmd)[1:] {
			if strings.Contains(a, "*") {
				matches, err := filepath.Glob(a)
				require.NoError(t, err)
				args = append(args, matches...)
				continue
			}
			args = append(args, a)
		}
		out, _, code := citygate(t, args...)
		if i := strings.Index(shown, "$ echo $?\n"); i >= 0 {
			require.Equal(t, strings.TrimSpace(shown[i+len("$ echo $?\n"):]), strconv.Itoa(code), cmd)
			shown = shown[:i]
		}
		require.Equal(t, shown, out, "docs/tenders.md shows stale output for %s", cmd)
		ran++
	}
	require.Positive(t, ran)
}
