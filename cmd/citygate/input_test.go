package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// inputGolden compares out with a golden file of cmd/citygate/testdata,
// rewritten with -update (go test ./cmd/citygate -run TestInput -update).
func inputGolden(t *testing.T, name, out string) {
	t.Helper()
	path := filepath.Join("testdata", "input", name)
	if *update {
		require.NoError(t, os.WriteFile(path, []byte(out), 0o644))
	}
	want, err := os.ReadFile(path)
	require.NoError(t, err, "run with -update to create it")
	assert.Equal(t, string(want), out, "%s is stale: go test ./cmd/citygate -run TestInput -update", path)
}

// TestInputGolden: citygate input prints the bid's document, and with
// --with-source its source map, byte for byte, run after run.
func TestInputGolden(t *testing.T) {
	inv := "../../fixtures/bid/acme-smart-lighting.hcl"
	for _, tc := range []struct {
		golden string
		args   []string
	}{
		{"acme-smart-lighting.json", []string{"input", inv}},
		{"acme-smart-lighting.source.json", []string{"input", inv, "--with-source"}},
	} {
		out, stderr, code := citygate(t, tc.args...)
		require.Equal(t, 0, code, stderr)
		assert.Empty(t, stderr)
		again, _, _ := citygate(t, tc.args...)
		require.Equal(t, out, again, "input is deterministic")
		inputGolden(t, tc.golden, out)
	}
}

// TestInputIsWhatRulesSee: a value eval reads from input is the value
// citygate input prints, and the source map locates it at its line.
func TestInputIsWhatRulesSee(t *testing.T) {
	inv := "../../fixtures/bid/acme-smart-lighting.hcl"
	out, stderr, code := citygate(t, "input", inv, "--with-source")
	require.Equal(t, 0, code, stderr)
	var doc struct {
		Input struct {
			Systems []struct {
				Logging struct {
					RetentionDays int `json:"retention_days"`
				} `json:"logging"`
			} `json:"systems"`
		} `json:"input"`
		Source []sourceEntry `json:"source"`
	}
	require.NoError(t, json.Unmarshal([]byte(out), &doc))
	require.Len(t, doc.Input.Systems, 1)
	assert.Equal(t, 365, doc.Input.Systems[0].Logging.RetentionDays)
	var entry *sourceEntry
	for i := range doc.Source {
		if doc.Source[i].Path == "input.systems[0].logging.retention_days" {
			entry = &doc.Source[i]
		}
	}
	require.NotNil(t, entry)
	assert.Equal(t, sourceEntry{Path: "input.systems[0].logging.retention_days", File: inv, Line: 48, Column: 5, EndLine: 48, EndColumn: 25}, *entry)
	src, err := os.ReadFile(inv)
	require.NoError(t, err)
	assert.Equal(t, "    retention_days = 365", strings.Split(string(src), "\n")[47])

	evalOut, stderr, code := citygate(t, "eval", "input.systems[0].logging.retention_days", inv)
	require.Equal(t, 0, code, stderr)
	assert.Contains(t, evalOut, `"value": 365,`)
}

// TestInputCityFixture: the city fixture, ten files, prints as one
// document with its city, and every located value names one of its files.
func TestInputCityFixture(t *testing.T) {
	out, stderr, code := citygate(t, "input", "../../fixtures/city", "--with-source")
	require.Equal(t, 0, code, stderr)
	var doc struct {
		Input struct {
			City struct {
				ID string `json:"id"`
			} `json:"city"`
		} `json:"input"`
		Source []sourceEntry `json:"source"`
	}
	require.NoError(t, json.Unmarshal([]byte(out), &doc))
	assert.Equal(t, "lisboa-demo", doc.Input.City.ID)
	require.NotEmpty(t, doc.Source)
	for _, e := range doc.Source {
		assert.True(t, strings.HasPrefix(e.File, "../../fixtures/city/") && e.Line > 0 && e.Column > 0, "%+v", e)
	}
}

// TestInputLoadErrors: an inventory that does not load prints no
// document; its errors are located, with the snippet, and the exit is 2.
func TestInputLoadErrors(t *testing.T) {
	dir := t.TempDir()
	inv := write(t, dir, "cam.hcl", "system \"cam\" {\n  category = \"iot\"\n  persnal = true\n}\n")
	out, stderr, code := citygate(t, "input", inv)
	assert.Equal(t, 2, code)
	assert.Empty(t, out)
	assert.Equal(t, "Error: Unsupported argument\n\n  on "+inv+" line 3, in system \"cam\":\n   3:   persnal = true\n\n"+
		"An argument named \"persnal\" is not expected in a system block. Did you mean \"personnel\"?\n\n", stderr)

	out, stderr, code = citygate(t, "input", filepath.Join(dir, "missing.hcl"))
	assert.Equal(t, 2, code)
	assert.Empty(t, out)
	assert.Contains(t, stderr, "missing.hcl")

	_, stderr, code = citygate(t, "input")
	assert.Equal(t, 2, code)
	assert.Contains(t, stderr, "accepts 1 arg(s), received 0")
}

// TestInputTender: with --tender, a bid's document is the one tender check
// evaluates: the bid's systems in the city's context, at the tender's date.
func TestInputTender(t *testing.T) {
	args := []string{"../../fixtures/tender/bids/strong", "--tender", "../../fixtures/tender/tender.hcl"}
	out, stderr, code := citygate(t, append([]string{"input"}, args...)...)
	require.Equal(t, 0, code, stderr)
	var doc struct {
		City struct {
			ID string `json:"id"`
		} `json:"city"`
		Systems []struct {
			ID string `json:"id"`
		} `json:"systems"`
	}
	require.NoError(t, json.Unmarshal([]byte(out), &doc))
	assert.Equal(t, "aveiro", doc.City.ID)
	require.Len(t, doc.Systems, 1)
	assert.Equal(t, "signal-controllers", doc.Systems[0].ID)

	out, stderr, code = citygate(t, append([]string{"eval", "data.citygate.as_of"}, args...)...)
	require.Equal(t, 0, code, stderr)
	assert.Contains(t, out, `"value": "2027-03-31",`)

	_, stderr, code = citygate(t, "input", "../../fixtures/tender/bids/strong", "--tender", "../../fixtures/tender/missing.hcl")
	assert.Equal(t, 2, code)
	assert.Contains(t, stderr, "missing.hcl")
}
