package inventory

import (
	"fmt"
	"testing"
	"testing/fstest"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/citygate/citygate/fixtures/gen/corpus"
)

// TestFallbackReasons: each way out of the fast path has its own reason,
// the innermost one where reading stopped.
func TestFallbackReasons(t *testing.T) {
	for src, want := range map[string]FallbackReason{
		"system \"a\" {\n  category = \"iot\"\n}\n":                        "",
		"system \"a\" {\r\n  category = \"iot\"\r\n}\r\n":                  FallbackText,
		"system \"a\" {\n  category = var.kind\n}\n":                       FallbackExpression,
		"system \"a\" {\n  category = lower(\"IOT\")\n}\n":                 FallbackExpression,
		"system \"a\" {\n  category = <<EOT\niot\nEOT\n}\n":                FallbackExpression,
		"system \"a\" {\n  category = \"${x}\"\n}\n":                       FallbackString,
		"system \"a\" {\n  tco { capex = 1e6 }\n}\n":                       FallbackNumber,
		"system \"a\" {\n  category = \"iot\"\n  category = \"x\"\n}\n":    FallbackDuplicate,
		"system \"a\" { category = \"iot\" vendor = \"x\" }\n":             FallbackLayout,
		"system \"a\" {\n  data {\n    purposes = [[[[\"x\"]]]]\n  }\n}\n": FallbackDepth,
	} {
		_, got := fastParseWhy([]byte(src), "inv.hcl", Limits{MaxDepth: 5})
		assert.Equal(t, want, got, "%q", src)
	}
}

// TestLoadRecordsFallbacks: a loaded inventory says which files fell
// back and why, and the process-wide counts grow by as much.
func TestLoadRecordsFallbacks(t *testing.T) {
	before := ReadFastPathStats()
	fsys := fstest.MapFS{
		"inv/a.hcl":      {Data: []byte("system \"a\" {\n  category = \"iot\"\n}\n")},
		"inv/b.hcl":      {Data: []byte("system \"b\" {\n  category = \"${x}\"\n}\n")},
		"inv/c.hcl.json": {Data: []byte(`{"system": {"c": {"category": "iot"}}}`)},
	}
	inv, _ := Load(fsys, "inv", Options{})
	assert.Equal(t, []Fallback{{File: "inv/b.hcl", Reason: FallbackString}}, inv.Fallbacks())
	assert.True(t, inv.Files["inv/a.hcl"].Fast)
	assert.False(t, inv.Files["inv/c.hcl.json"].Fast)
	assert.Empty(t, inv.Files["inv/c.hcl.json"].Fallback, "JSON files never try the fast path")
	assert.Equal(t, "system \"a\"", inv.Files["inv/a.hcl"].ContextString(20))
	assert.Equal(t, "system \"b\"", inv.Files["inv/b.hcl"].ContextString(20))
	after := ReadFastPathStats()
	// Other tests may load in parallel: the counts grow by at least these.
	assert.GreaterOrEqual(t, after.Fast-before.Fast, int64(1))
	assert.GreaterOrEqual(t, after.Fallbacks[FallbackString]-before.Fallbacks[FallbackString], int64(1))
}

// TestGeneratedCorpusIsAllFastPath: every file of a generated corpus
// (the shape of real inventories: cities, bids, waivers, violations) is
// read by the fast parser; a change to the generator or the parser that
// sends some to the 3.5x slower path fails here with the reason.
func TestGeneratedCorpusIsAllFastPath(t *testing.T) {
	asOf, _ := time.Parse(time.DateOnly, "2026-01-01")
	n := 300
	if testing.Short() {
		n = 60
	}
	fsys := fstest.MapFS{}
	var names []string
	for i := range n {
		for _, seed := range []uint64{1, 7} {
			inv := corpus.Generate(seed, i, corpus.Options{Violations: float64(i%4) / 3, AsOf: asOf})
			name := fmt.Sprintf("%d-%s", seed, inv.Name)
			fsys[name] = &fstest.MapFile{Data: inv.Src}
			names = append(names, name)
		}
	}
	fast := 0
	for _, name := range names {
		inv, diags := Load(fsys, name, Options{})
		require.False(t, diags.HasErrors(), "%s: %s", name, diags.Error())
		require.Empty(t, inv.Fallbacks(), "%s fell back", name)
		fast++
	}
	assert.Equal(t, len(names), fast)
	t.Logf("%d generated inventories, 100%% read by the fast path", fast)
}
