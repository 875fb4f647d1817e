package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

const (
	fmtRegoIn = `package citygate.rules.privacy.x
import data.citygate.lib
deny contains lib.finding(lib.system(s), "id", "m") if { some s in input.systems; s.id == "a" }
`
	fmtRegoOut = `package citygate.rules.privacy.x

import data.citygate.lib

deny contains lib.finding(lib.system(s), "id", "m") if {
	some s in input.systems
	s.id == "a"
}
`
	fmtHCLIn = `system "a" {
category="iot"
  data {
       kind = "video"
    personal=true
  }
}
`
	fmtHCLOut = `system "a" {
  category = "iot"
  data {
    kind     = "video"
    personal = true
  }
}
`
)

func fmtRead(t *testing.T, dir, name string) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(name)))
	require.NoError(t, err)
	return string(b)
}

func TestFmt(t *testing.T) {
	dir := ptWriteFiles(t, map[string]string{
		"policies/rule.rego":          fmtRegoIn,
		"policies/done.rego":          fmtRegoOut,
		"inventory/city/video.hcl":    fmtHCLIn,
		"inventory/done.hcl":          fmtHCLOut,
		"inventory/bid.hcl.json":      `{"system": {"a": {"category":"iot"}}}`,
		"inventory/.drafts/x.hcl":     fmtHCLIn,
		"inventory/notes.txt":         "category=iot",
		"policies/.git/objects/x.hcl": fmtHCLIn,
	})
	require.NoError(t, os.Chmod(filepath.Join(dir, "inventory/city/video.hcl"), 0o600))
	d := filepath.ToSlash(dir)

	// --check lists what would change, writes nothing, exits 1.
	code, out, errOut := ptRun(t, "fmt", "--check", dir)
	assert.Equal(t, 1, code)
	assert.Equal(t, d+"/inventory/city/video.hcl\n"+d+"/policies/rule.rego\n", filepath.ToSlash(out))
	assert.Contains(t, errOut, "2 file(s) are not formatted")
	assert.Equal(t, fmtRegoIn, fmtRead(t, dir, "policies/rule.rego"))
	assert.Equal(t, fmtHCLIn, fmtRead(t, dir, "inventory/city/video.hcl"))

	// fmt rewrites them, keeping permissions, and lists them.
	code, out, errOut = ptRun(t, "fmt", dir)
	assert.Equal(t, 0, code, errOut)
	assert.Equal(t, d+"/inventory/city/video.hcl\n"+d+"/policies/rule.rego\n", filepath.ToSlash(out))
	assert.Equal(t, fmtRegoOut, fmtRead(t, dir, "policies/rule.rego"))
	assert.Equal(t, fmtHCLOut, fmtRead(t, dir, "inventory/city/video.hcl"))
	info, err := os.Stat(filepath.Join(dir, "inventory/city/video.hcl"))
	require.NoError(t, err)
	assert.Equal(t, os.FileMode(0o600), info.Mode().Perm())

	// Hidden directories, JSON inventories and other files are left alone.
	assert.Equal(t, fmtHCLIn, fmtRead(t, dir, "inventory/.drafts/x.hcl"))
	assert.Equal(t, fmtHCLIn, fmtRead(t, dir, "policies/.git/objects/x.hcl"))
	assert.Equal(t, `{"system": {"a": {"category":"iot"}}}`, fmtRead(t, dir, "inventory/bid.hcl.json"))

	// Formatted: --check passes and says nothing; no temporary files remain.
	code, out, errOut = ptRun(t, "fmt", "--check", dir)
	assert.Equal(t, 0, code)
	assert.Empty(t, out)
	assert.Empty(t, errOut)
	entries, err := os.ReadDir(filepath.Join(dir, "inventory/city"))
	require.NoError(t, err)
	assert.Len(t, entries, 1)
}

func TestFmtDefaultsToWorkingDirectory(t *testing.T) {
	dir := ptWriteFiles(t, map[string]string{"a.hcl": fmtHCLIn, "sub/b.rego": fmtRegoIn})
	t.Chdir(dir)
	code, out, _ := ptRun(t, "fmt")
	assert.Equal(t, 0, code)
	assert.Equal(t, "a.hcl\nsub/b.rego\n", filepath.ToSlash(out))
	assert.Equal(t, fmtHCLOut, fmtRead(t, dir, "a.hcl"))
}

func TestFmtExplicitFiles(t *testing.T) {
	dir := ptWriteFiles(t, map[string]string{"a.hcl": fmtHCLIn, "b.rego": fmtRegoIn, "c.txt": "x"})
	code, out, _ := ptRun(t, "fmt", "--check", filepath.Join(dir, "b.rego"), filepath.Join(dir, "b.rego"))
	assert.Equal(t, 1, code)
	assert.Equal(t, filepath.Join(dir, "b.rego")+"\n", out, "a file given twice is listed once")

	code, _, errOut := ptRun(t, "fmt", filepath.Join(dir, "c.txt"), filepath.Join(dir, "missing.hcl"))
	assert.Equal(t, 2, code)
	assert.Contains(t, errOut, "c.txt: citygate fmt formats *.rego and *.hcl files")
	assert.Contains(t, errOut, "missing.hcl: no such file or directory")
}

func TestFmtSymlinkKeepsLink(t *testing.T) {
	dir := ptWriteFiles(t, map[string]string{"real/a.hcl": fmtHCLIn})
	link := filepath.Join(dir, "link.hcl")
	require.NoError(t, os.Symlink(filepath.Join(dir, "real/a.hcl"), link))
	code, _, errOut := ptRun(t, "fmt", link)
	require.Equal(t, 0, code, errOut)
	info, err := os.Lstat(link)
	require.NoError(t, err)
	assert.NotZero(t, info.Mode()&os.ModeSymlink, "the link stays a link")
	assert.Equal(t, fmtHCLOut, fmtRead(t, dir, "real/a.hcl"))

	// A directory given through a link is searched; links inside are not.
	other := ptWriteFiles(t, map[string]string{"b.hcl": fmtHCLIn})
	require.NoError(t, os.Symlink(other, filepath.Join(dir, "real/other")))
	require.NoError(t, os.Symlink(other, filepath.Join(dir, "otherlink")))
	code, out, errOut := ptRun(t, "fmt", "--check", filepath.Join(dir, "real"))
	assert.Equal(t, 0, code, errOut)
	assert.Empty(t, out, "links inside a directory are not followed")
	code, out, _ = ptRun(t, "fmt", "--check", filepath.Join(dir, "otherlink"))
	assert.Equal(t, 1, code)
	assert.Equal(t, filepath.Join(dir, "otherlink", "b.hcl")+"\n", out)
}

// TestFmtParseErrors: a file that does not parse is reported with file,
// line and column, left untouched, and the run exits 2; other files are
// still formatted.
func TestFmtParseErrors(t *testing.T) {
	deep := "system \"a\" {\n  x = " + strings.Repeat("[", 40) + strings.Repeat("]", 40) + "\n}\n"
	dir := ptWriteFiles(t, map[string]string{
		"bad.hcl":  "system \"a\" {\n  category = \"iot\n}\n",
		"bad.rego": "package citygate.rules.privacy.x\n\ndeny contains x if {\n\tx :=\n}\n",
		"v0.rego":  "package x\n\ndeny[msg] {\n\tmsg := \"m\"\n}\n",
		"deep.hcl": deep,
		"good.hcl": fmtHCLIn,
	})
	d := filepath.ToSlash(dir)
	code, out, errOut := ptRun(t, "fmt", dir)
	assert.Equal(t, 2, code)
	assert.Equal(t, d+"/good.hcl\n", filepath.ToSlash(out))
	assert.Contains(t, errOut, "Error: "+d+"/bad.hcl:2:18: Invalid multi-line string")
	assert.Contains(t, errOut, "Error: "+d+"/bad.rego:5:1: unexpected } token")
	assert.Contains(t, errOut, "Error: "+d+"/v0.rego:3:1: `if` keyword is required before rule body")
	assert.Contains(t, errOut, "Error: "+d+"/deep.hcl:2:")
	assert.Contains(t, errOut, "nested more than 32 levels deep (limits.max_depth)")
	assert.Contains(t, errOut, "4 file(s) could not be formatted.")
	assert.Equal(t, "system \"a\" {\n  category = \"iot\n}\n", fmtRead(t, dir, "bad.hcl"))
	assert.Equal(t, deep, fmtRead(t, dir, "deep.hcl"))
	assert.Equal(t, fmtHCLOut, fmtRead(t, dir, "good.hcl"))
}

// TestFmtColumnsAreOneBased: OPA reports the end of a file at column 0;
// fmt names it column 1 of that line, as every other citygate message
// counts columns, and a module with nothing in it names the file only.
func TestFmtColumnsAreOneBased(t *testing.T) {
	dir := ptWriteFiles(t, map[string]string{
		"eof.rego":   "package x\n\nallow if {\n",
		"empty.rego": "\n",
	})
	d := filepath.ToSlash(dir)
	code, out, errOut := ptRun(t, "fmt", dir)
	assert.Equal(t, 2, code)
	assert.Empty(t, out)
	assert.Equal(t, "Error: "+d+"/empty.rego: empty module\n"+
		"Error: "+d+"/eof.rego:4:1: unexpected eof token\n"+
		"\n2 file(s) could not be formatted.\n", filepath.ToSlash(errOut))
}

// TestFmtRepositoryIsFormatted: the example custom policy is formatted as
// citygate fmt would write it.
func TestFmtRepositoryIsFormatted(t *testing.T) {
	code, out, errOut := ptRun(t, "fmt", "--check", ptCustomPolicy)
	assert.Equal(t, 0, code, "%s%s", out, errOut)
	assert.Empty(t, out)
}

// TestFmtRefusesWhatTheLoaderRefuses: fmt reads untrusted files with the
// loader's precheck, so closing brackets before opening ones cannot buy
// extra depth and carry 100,000 nested brackets into hcl's recursive parser.
func TestFmtRefusesWhatTheLoaderRefuses(t *testing.T) {
	hostile := "x = " + strings.Repeat("]", 100000) + strings.Repeat("[", 100000) + "\n"
	dir := ptWriteFiles(t, map[string]string{"stray.hcl": hostile})
	code, _, errOut := ptRun(t, "fmt", dir)
	assert.Equal(t, 2, code)
	assert.Contains(t, errOut, "stray.hcl:1:")
	assert.Contains(t, errOut, "Nesting too deep")
	assert.Equal(t, hostile, fmtRead(t, dir, "stray.hcl"))
}
