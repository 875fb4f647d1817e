package main

import (
	"bytes"
	"flag"
	"os"
	"testing"

	"github.com/stretchr/testify/require"
)

var update = flag.Bool("update", false, "rewrite generated docs and golden files")

// TestGeneratedDocsAreCurrent keeps docs/rules.md, docs/inventory.md,
// docs/tender-file.md and docs/params.md in step with the rule metadata
// and the schemas: regenerate with
// `go test ./cmd/citygate -run TestGeneratedDocs -update` (or make docs).
func TestGeneratedDocsAreCurrent(t *testing.T) {
	for _, tc := range []struct {
		file string
		args []string
	}{
		{"../../docs/rules.md", []string{"rules", "-f", "markdown"}},
		{"../../docs/inventory.md", []string{"schema", "-f", "markdown"}},
		{"../../docs/tender-file.md", []string{"schema", "tender", "-f", "markdown"}},
		{"../../docs/params.md", []string{"schema", "params", "-f", "markdown"}},
	} {
		t.Run(tc.file, func(t *testing.T) {
			var out, errOut bytes.Buffer
			require.Equal(t, 0, run(tc.args, &out, &errOut), errOut.String())
			if *update {
				require.NoError(t, os.WriteFile(tc.file, out.Bytes(), 0o644))
			}
			want, err := os.ReadFile(tc.file)
			require.NoError(t, err, "run with -update to create it")
			require.Equal(t, string(want), out.String(), "%s is stale: run go test ./cmd/citygate -run TestGeneratedDocs -update", tc.file)
		})
	}
}
