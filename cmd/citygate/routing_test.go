package main

import (
	"encoding/json"
	"encoding/xml"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// formatOf names the format of a report from its bytes, so a test can
// say that each file holds what it was asked for.
func formatOf(t *testing.T, b []byte) string {
	t.Helper()
	s := string(b)
	switch {
	case strings.HasPrefix(s, "<?xml"):
		var doc struct{ XMLName xml.Name }
		require.NoError(t, xml.Unmarshal(b, &doc), "JUnit is XML")
		return "junit"
	case strings.HasPrefix(s, "{"):
		var doc map[string]any
		require.NoError(t, json.Unmarshal(b, &doc))
		if _, ok := doc["runs"]; ok {
			return "sarif"
		}
		return "json"
	case strings.HasPrefix(s, "::"):
		return "github"
	case strings.HasPrefix(s, "# citygate"), strings.HasPrefix(s, "# Tender "):
		return "markdown"
	case strings.HasPrefix(s, "<!DOCTYPE html>"):
		return "html"
	case strings.HasPrefix(s, "rule_id,"):
		return "csv"
	case s == "":
		return "empty"
	}
	return "text"
}

func readFormat(t *testing.T, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	require.NoError(t, err)
	return formatOf(t, b)
}

// TestOutputRouting: each -o goes with the -f typed right before it, in
// the order the docs write them; the format without a file goes to stdout.
func TestOutputRouting(t *testing.T) {
	dir := t.TempDir()
	inv := write(t, dir, "cam.hcl", universalCam)
	p := func(name string) string { return filepath.Join(dir, name) }
	for _, tc := range []struct {
		name   string
		args   []string
		files  map[string]string
		stdout string
	}{
		{"sarif then github (docs/ci.md)", []string{"-f", "sarif", "-o", p("a.sarif"), "-f", "github"},
			map[string]string{"a.sarif": "sarif"}, "github"},
		{"gitlab example", []string{"-f", "junit", "-o", p("b.xml"), "-f", "markdown", "-o", p("b.md"), "-f", "text"},
			map[string]string{"b.xml": "junit", "b.md": "markdown"}, "text"},
		{"stdout first", []string{"-f", "text", "-f", "json", "-o", p("c.json")},
			map[string]string{"c.json": "json"}, "text"},
		{"FORMAT=FILE", []string{"-f", "sarif=" + p("d.sarif"), "-f", "junit=" + p("d.xml"), "-f", "json"},
			map[string]string{"d.sarif": "sarif", "d.xml": "junit"}, "json"},
		{"- is stdout", []string{"-f", "markdown", "-o", "-", "-f", "json=" + p("e.json")},
			map[string]string{"e.json": "json"}, "markdown"},
		{"-o before its -f", []string{"-o", p("f.json"), "-f", "json"},
			map[string]string{"f.json": "json"}, "empty"},
		{"-o alone is text", []string{"-o", p("g.txt")},
			map[string]string{"g.txt": "text"}, "empty"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			args := append([]string{"check", inv, "--rule", "SEC-005", "-q"}, tc.args...)
			out, stderr, code := citygate(t, args...)
			require.Equal(t, 1, code, stderr)
			assert.Equal(t, tc.stdout, formatOf(t, []byte(out)))
			for file, want := range tc.files {
				assert.Equal(t, want, readFormat(t, p(file)), file)
			}
		})
	}
}

func TestOutputRoutingErrors(t *testing.T) {
	dir := t.TempDir()
	inv := write(t, dir, "cam.hcl", universalCam)
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"-f", "text", "-f", "github"}, "formats text, github all write to standard output"},
		{[]string{"-f", "json", "-o", "-", "-f", "text"}, "formats json, text all write to standard output"},
		{[]string{"-f", "json", "-o", "/dev/stdout", "-f", "text"}, "formats json, text all write to standard output"},
		{[]string{"-f", "json", "-o", "a", "-o", "b"}, "-o b follows -f json, which already has its file"},
		{[]string{"-f", "json=x", "-o", "y"}, "-o y follows -f json, which already has its file"},
		{[]string{"-f", "json=x", "-f", "sarif=x"}, "-f json and -f sarif both write to x"},
		{[]string{"-f", "yaml"}, `unknown output format "yaml"`},
	} {
		_, stderr, code := citygate(t, append([]string{"check", inv, "-q"}, tc.args...)...)
		assert.Equal(t, 2, code, tc.args)
		assert.Contains(t, stderr, tc.want, tc.args)
	}
}

// TestConfigFormatsReplacedByFlags: formats typed on the command line
// replace the config file's list instead of clashing with its outputs.
func TestConfigFormatsReplacedByFlags(t *testing.T) {
	dir := t.TempDir()
	inv := write(t, dir, "cam.hcl", universalCam)
	sarif := filepath.Join(dir, "cfg.sarif")
	cfg := write(t, dir, "c.yaml", "format: [sarif, text]\noutput: ["+sarif+"]\n")
	out, stderr, code := citygate(t, "check", inv, "--rule", "SEC-005", "-q", "--config", cfg)
	require.Equal(t, 1, code, stderr)
	assert.Equal(t, "text", formatOf(t, []byte(out)))
	assert.Equal(t, "sarif", readFormat(t, sarif))

	require.NoError(t, os.Remove(sarif))
	out, stderr, code = citygate(t, "check", inv, "--rule", "SEC-005", "-q", "--config", cfg, "-f", "json")
	require.Equal(t, 1, code, stderr)
	assert.Equal(t, "json", formatOf(t, []byte(out)))
	assert.NoFileExists(t, sarif, "the config's outputs are replaced, not merged")
}
