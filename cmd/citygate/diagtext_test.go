package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/hashicorp/hcl/v2"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/citygate/citygate/engine/inventory"
)

// TestDiagPrinterMatchesHCL: on ordinary files the bounded printer writes
// exactly what hcl's DiagnosticTextWriter writes.
func TestDiagPrinterMatchesHCL(t *testing.T) {
	var paths []string
	for _, dir := range []string{"../../fixtures/invalid", hostileDir} {
		entries, err := os.ReadDir(dir)
		require.NoError(t, err)
		for _, e := range entries {
			if !strings.HasSuffix(e.Name(), ".expect") {
				paths = append(paths, filepath.Join(dir, e.Name()))
			}
		}
	}
	compared := 0
	for _, p := range paths {
		inv, diags := inventory.Load(inventory.OS{}, p, inventory.Options{})
		if len(diags) == 0 {
			continue // an invalid case found only by check (a waiver naming nothing)
		}
		var want, got bytes.Buffer
		require.NoError(t, hcl.NewDiagnosticTextWriter(&want, inv.HCLFiles(), detailWidth, false).WriteDiagnostics(diags))
		newDiagPrinter(&got, inv.HCLFiles()).writeAll(diags)
		assert.Equal(t, want.String(), got.String(), p)
		compared++
	}
	assert.Greater(t, compared, 30)
}

// TestDiagPrinterIsBounded: 1,000 diagnostics on one 1 MB line print a
// window of the line each, quickly; a long range prints its first lines.
func TestDiagPrinterIsBounded(t *testing.T) {
	line := bytes.Repeat([]byte("é"), 500_000)
	file := &hcl.File{Bytes: append(append([]byte("x = 1\n"), line...), "\nend\n"...)}
	var diags hcl.Diagnostics
	for i := range 1000 {
		b := 6 + 2*i*400
		diags = append(diags, &hcl.Diagnostic{Severity: hcl.DiagError, Summary: "Bad", Subject: &hcl.Range{
			Filename: "f.hcl", Start: hcl.Pos{Line: 2, Column: 1 + i*400, Byte: b}, End: hcl.Pos{Line: 2, Column: 2 + i*400, Byte: b + 2}}})
	}
	diags = append(diags, &hcl.Diagnostic{Severity: hcl.DiagError, Summary: "Long range", Subject: &hcl.Range{
		Filename: "f.hcl", Start: hcl.Pos{Line: 1, Column: 1, Byte: 0}, End: hcl.Pos{Line: 3, Column: 4, Byte: len(file.Bytes) - 1}}})
	var out bytes.Buffer
	start := time.Now()
	newDiagPrinter(&out, map[string]*hcl.File{"f.hcl": file}).writeAll(diags)
	t.Logf("%d bytes in %s", out.Len(), time.Since(start))
	assert.Less(t, out.Len(), 1000*(snippetWidth+200), "bounded per diagnostic")
	for _, l := range strings.Split(out.String(), "\n") {
		assert.LessOrEqual(t, len(l), snippetWidth+20)
	}
	assert.Contains(t, out.String(), "   2: ...ééé")
	assert.True(t, strings.HasSuffix(out.String(), "   1: x = 1\n   2: "+strings.Repeat("é", snippetWidth/2)+"...\n   3: end\n\n"), out.String()[out.Len()-2400:])
}

// TestCheckPrintsLoadErrorsAsValidate: check shows a load error with the
// same source line and block context as validate (one shared printer).
func TestCheckPrintsLoadErrorsAsValidate(t *testing.T) {
	dir := t.TempDir()
	inv := write(t, dir, "a.hcl", "system \"cam\" {\n  auth \"x\" {\n  }\n  categry = 1\n  go_live = 2027-03-31\n}\n")
	checked, _, code := citygate(t, "check", inv, "-q")
	require.Equal(t, 2, code)
	validated, _, code := citygate(t, "validate", inv)
	require.Equal(t, 2, code)
	errors, _, _ := strings.Cut(validated, "1 of 1 inventories invalid.")
	// The text report opens with its header and verdict, then the errors.
	header, body, ok := strings.Cut(checked, "\n\n")
	require.True(t, ok, checked)
	assert.Contains(t, header, "Verdict: INCOMPLETE")
	assert.True(t, strings.HasPrefix(body, errors), "check:\n%s\nvalidate:\n%s", checked, validated)
	assert.Contains(t, errors, "on "+inv+" line 4, in system \"cam\":\n   4:   categry = 1\n")
}
