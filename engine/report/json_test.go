package report

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/citygate/citygate/engine/finding"
)

func TestJSONMatchesSchema(t *testing.T) {
	sch := findingsSchema(t)
	for _, name := range []string{"json.json", "json-empty.json"} {
		doc, err := os.ReadFile(filepath.Join("testdata", "golden", name))
		require.NoError(t, err)
		assert.NoError(t, validateJSON(t, sch, doc), name)
	}
	assert.NoError(t, validateJSON(t, sch, render(t, "json", Options{}, hostileResult())), "hostile strings")

	// The additive header fields of schema version 2.
	r := sampleResult()
	r.Inventories[0].City = &finding.City{ID: "lisbon", Name: "Lisboa"}
	r.Inventories[1].Vendors = []string{"acme"}
	r.Tender = &finding.TenderRef{ID: "t-1", Title: "Signals"}
	r.Overrides = []finding.Override{
		{RuleID: "PRIV-002", Disabled: true, Paths: []string{"cities/hanoi/**"}, Inventories: []string{}},
		{RuleID: "SEC-016", Severity: finding.Medium, From: finding.High, Inventories: []string{"fixtures/city"}},
	}
	out := render(t, "json", Options{}, r)
	assert.NoError(t, validateJSON(t, sch, out), "city, vendors, tender, overrides")
	assert.Contains(t, string(out), `"overrides": [
    {
      "rule_id": "PRIV-002",
      "disabled": true,
      "paths": [
        "cities/hanoi/**"
      ],
      "inventories": []
    },
    {
      "rule_id": "SEC-016",
      "severity": "medium",
      "from": "high",
      "inventories": [
        "fixtures/city"
      ]
    }
  ]`)
}

// TestJSONSchemaIsStrict makes sure the schema is not so loose that it
// accepts anything: each mutation of a valid document must be rejected.
func TestJSONSchemaIsStrict(t *testing.T) {
	sch := findingsSchema(t)
	mutations := map[string]func(doc map[string]any){
		"unknown severity":       func(d map[string]any) { finding0(d)["severity"] = "info" },
		"unknown top-level key":  func(d map[string]any) { d["extra"] = true },
		"unknown finding key":    func(d map[string]any) { finding0(d)["extra"] = true },
		"missing fingerprint":    func(d map[string]any) { delete(finding0(d), "fingerprint") },
		"by_severity incomplete": func(d map[string]any) { delete(d["summary"].(map[string]any)["by_severity"].(map[string]any), "low") },
		"findings null":          func(d map[string]any) { d["findings"] = nil },
		"errors missing":         func(d map[string]any) { delete(d, "errors") },
		"bad suppression kind": func(d map[string]any) {
			finding0(d)["suppressed"] = map[string]any{"kind": "magic", "reason": "x"}
		},
		"wrong schema version": func(d map[string]any) { d["schema_version"] = "1" },
		"version 1 failed":     func(d map[string]any) { d["summary"].(map[string]any)["failed"] = false },
		"unknown status":       func(d map[string]any) { d["evidence"].([]any)[0].(map[string]any)["status"] = "passed" },
		"evidence missing":     func(d map[string]any) { delete(d, "evidence") },
		"unknown run status":   func(d map[string]any) { d["summary"].(map[string]any)["status"] = "incomplete" },
		"inventory counts gone": func(d map[string]any) {
			delete(d["inventories"].([]any)[0].(map[string]any), "counts")
		},
		"finding status": func(d map[string]any) { finding0(d)["status"] = "waived" },
	}
	for name, mutate := range mutations {
		t.Run(name, func(t *testing.T) {
			var doc map[string]any
			require.NoError(t, json.Unmarshal(render(t, "json", Options{}, sampleResult()), &doc))
			mutate(doc)
			b, err := json.Marshal(doc)
			require.NoError(t, err)
			assert.Error(t, validateJSON(t, sch, b))
		})
	}
}

func finding0(doc map[string]any) map[string]any {
	return doc["findings"].([]any)[0].(map[string]any)
}

func TestJSONEmptyListsAreArrays(t *testing.T) {
	r := &finding.Result{
		Findings: []finding.Finding{{RuleID: "X-1", Severity: finding.Low}}, // Controls nil
		Summary:  finding.Summary{BySeverity: map[finding.Severity]int{finding.Low: 1}},
	}
	out := string(render(t, "json", Options{}, r))
	assert.Contains(t, out, `"controls": []`)
	assert.Contains(t, out, `"errors": []`)
	assert.Contains(t, out, `"schema_version": "2"`)
	for _, s := range finding.Severities {
		assert.Contains(t, out, `"`+string(s)+`": `)
	}
	assert.Nil(t, r.Findings[0].Controls, "the caller's Result must not change")
	assert.Len(t, r.Summary.BySeverity, 1, "the caller's Result must not change")

	out = string(render(t, "json", Options{}, &finding.Result{}))
	assert.Contains(t, out, `"findings": []`)
	assert.True(t, strings.HasSuffix(out, "}\n"), "one trailing newline")
}

// TestJSONKeepsDataExact: JSON is the data contract, so strings decode to
// exactly what the inventory held, even after the escaping that keeps raw
// C1 controls, bidi overrides and "##[" out of the bytes.
func TestJSONKeepsDataExact(t *testing.T) {
	r := hostileResult()
	out := render(t, "json", Options{}, r)
	var doc struct {
		Findings []finding.Finding `json:"findings"`
	}
	require.NoError(t, json.Unmarshal(out, &doc))
	assert.Equal(t, strings.ToValidUTF8(r.Findings[0].Message, "\ufffd"), doc.Findings[0].Message)
	assert.NotContains(t, string(out), "##[")
	assert.NotContains(t, string(out), "\u009b")
	assert.NotContains(t, string(out), "\u202e")
}
