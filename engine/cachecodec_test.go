package engine

import (
	"encoding/json"
	"reflect"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/citygate/citygate/engine/finding"
)

// fieldsOf lists a struct type's field names.
func fieldsOf(t reflect.Type) []string {
	var out []string
	for f := range t.Fields() {
		out = append(out, f.Name)
	}
	return out
}

// TestCacheCodecCoversEveryField fails when a field is added to a type
// the cache stores: add it to encodeOutcome and decodeOutcome (or say
// here why it needs no storing), and bump cacheFormat.
func TestCacheCodecCoversEveryField(t *testing.T) {
	for typ, want := range map[reflect.Type][]string{
		reflect.TypeFor[outcome](): {"inventory", "findings", "errors", "evidence", "systems", "scope", "exempt"},
		reflect.TypeFor[finding.Finding](): {"RuleID", "Title", "Severity", "Principle", "Area", "Profile", "Controls", "Status",
			"Message", "Template", "Args", "Resource", "Field", "Location", "Remediation", "HelpURI", "Fingerprint", "Suppressed",
			"Inventory", "SourceLines"},
		// Status and Counts are derived by assemble.
		reflect.TypeFor[finding.InventoryResult]():  {"Path", "Scope", "Status", "Counts", "Profiles", "City", "Vendors", "Resources", "Loaded"},
		reflect.TypeFor[finding.ResourceLocation](): {"Resource", "Location"},
		reflect.TypeFor[finding.Resource]():         {"Kind", "ID"},
		reflect.TypeFor[finding.Location]():         {"File", "Start", "End"},
		reflect.TypeFor[finding.Position]():         {"Line", "Column", "Byte"},
		reflect.TypeFor[finding.Suppression]():      {"Kind", "Reason", "ApprovedBy", "Expires"},
		reflect.TypeFor[finding.Evidence]():         {"Inventory", "RuleID", "Resource", "Status", "Fields"},
	} {
		assert.Equal(t, want, fieldsOf(typ), "%s changed: update cachecodec.go, cachedecode.go and cacheFormat", typ)
	}
}

// TestCacheCodecRoundTrip: every field, nil and empty lists, argument
// types, and a suppression come back as they were.
func TestCacheCodecRoundTrip(t *testing.T) {
	loc := finding.Location{File: "a/b.hcl", Start: finding.Position{Line: 3, Column: 5, Byte: 40}, End: finding.Position{Line: 3, Column: 9, Byte: 44}}
	res := finding.Resource{Kind: "system", ID: "cctv"}
	o := outcome{
		inventory: finding.InventoryResult{Path: "a", Scope: "city", Profiles: []string{},
			Resources: []finding.ResourceLocation{{Resource: res, Location: loc}}, Loaded: true},
		findings: []finding.Finding{
			{RuleID: "SEC-001", Title: "t", Severity: finding.High, Principle: "security", Area: "x", Profile: "eu",
				Controls: []string{}, Status: finding.StatusFail, Message: "m", Template: "tpl",
				Args:     map[string]any{"n": json.Number("30"), "s": "x", "b": true, "f": false, "z": nil, "l": []any{"a", 1.5}, "m": map[string]any{}},
				Resource: res, Field: "auth.mfa", Location: loc, Remediation: "r", HelpURI: "u", Fingerprint: "fp",
				Suppressed: &finding.Suppression{Kind: "waiver", Reason: "why", ApprovedBy: "me", Expires: "2027-01-01"},
				Inventory:  "a", SourceLines: []string{"  mfa = false"}},
			{RuleID: "SEC-002", Controls: nil, Args: nil, SourceLines: nil, Resource: res},
		},
		evidence: []finding.Evidence{
			{Inventory: "a", RuleID: "SEC-001", Resource: &res, Status: finding.StatusFail, Fields: []string{"auth.mfa"}},
			{Inventory: "a", RuleID: "SEC-003", Status: finding.StatusNotApplicable, Fields: []string{}},
			{Inventory: "a", RuleID: "SEC-004", Status: finding.StatusPass},
			{Inventory: "a", RuleID: "SEC-005", Resource: &res, Status: finding.StatusPass, Fields: []string{"auth.mfa"}},
		},
		systems: 1, scope: "city", exempt: []bool{true, false},
	}
	b, err := encodeOutcome(&o)
	require.NoError(t, err)
	got, err := decodeOutcome(b, "a")
	require.NoError(t, err)
	assert.Equal(t, o, got)

	_, err = decodeOutcome(b, "other")
	assert.Error(t, err, "an entry for another path")
	for i := range b {
		_, err := decodeOutcome(b[:i], "a")
		assert.Error(t, err, "truncated at %d", i)
	}
	o.findings[0].Args["bad"] = struct{}{}
	_, err = encodeOutcome(&o)
	assert.Error(t, err, "an argument type rules do not produce")
	o.errors = []finding.Error{{Summary: "x"}}
	_, err = encodeOutcome(&o)
	assert.Error(t, err, "outcomes with errors are not cached")
}
