package main

import (
	"encoding/json"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// euRule is a user rule of the eu profile with a message template.
const euRule = `# METADATA
# title: City names a DPO
# custom:
#   id: CITY-EU-001
#   severity: high
#   area: privacy
#   gsca_principle: transparency_privacy
#   profiles: [eu]
#   sources:
#     - kind: law
#       title: GDPR
#       clause: Art 37
#   messages:
#     no_dpo: "city {id} names no data protection officer ({n} roles)"
package citygate.rules.privacy.city_dpo

import data.citygate.lib

applies contains lib.city if input.city

deny contains lib.fail(lib.city, "roles", "no_dpo", {"id": input.city.id, "n": 0}) if input.city
`

type checkDoc struct {
	Summary struct {
		Status string `json:"status"`
	} `json:"summary"`
	Inventories []struct {
		Path     string   `json:"path"`
		Status   string   `json:"status"`
		Profiles []string `json:"profiles"`
	} `json:"inventories"`
	Findings []struct {
		RuleID   string         `json:"rule_id"`
		Profile  string         `json:"profile"`
		Status   string         `json:"status"`
		Message  string         `json:"message"`
		Template string         `json:"template"`
		Args     map[string]any `json:"args"`
	} `json:"findings"`
	Evidence []struct {
		RuleID   string `json:"rule_id"`
		Resource *struct {
			Kind, ID string
		} `json:"resource"`
		Status string `json:"status"`
	} `json:"evidence"`
}

func checkJSON(t *testing.T, wantCode int, args ...string) checkDoc {
	t.Helper()
	out, stderr, code := citygate(t, append([]string{"check", "-f", "json", "-q", "--no-builtin", "--as-of", "2026-01-01"}, args...)...)
	require.Equal(t, wantCode, code, stderr)
	var doc checkDoc
	require.NoError(t, json.Unmarshal([]byte(out), &doc), out)
	return doc
}

// TestCheckProfiles: jurisdictions VN select no profile, so the eu rule
// neither fires nor passes (not_applicable); --profile eu and the config's
// profiles.add turn it on; --no-profile eu turns it off for an EU city.
func TestCheckProfiles(t *testing.T) {
	dir := t.TempDir()
	pol := dir + "/pol"
	write(t, pol, "dpo.rego", euRule)
	vn := write(t, dir, "vn/city.hcl", "city \"hanoi\" {\n  jurisdictions = [\"VN\"]\n}\n")
	eu := write(t, dir, "eu/city.hcl", "city \"lisboa\" {\n  jurisdictions = [\"pt\"]\n}\n")

	doc := checkJSON(t, 0, "--policy", pol, vn)
	assert.Equal(t, "pass", doc.Summary.Status)
	assert.Empty(t, doc.Findings)
	require.Len(t, doc.Evidence, 1)
	assert.Equal(t, "not_applicable", doc.Evidence[0].Status)
	assert.Nil(t, doc.Evidence[0].Resource)
	assert.Equal(t, []string{}, doc.Inventories[0].Profiles)

	doc = checkJSON(t, 1, "--policy", pol, "--profile", "eu", vn)
	assert.Equal(t, "fail", doc.Summary.Status)
	require.Len(t, doc.Findings, 1)
	f := doc.Findings[0]
	assert.Equal(t, "eu", f.Profile)
	assert.Equal(t, "city hanoi names no data protection officer (0 roles)", f.Message)
	assert.Equal(t, "no_dpo", f.Template)
	assert.Equal(t, map[string]any{"id": "hanoi", "n": float64(0)}, f.Args)
	assert.Equal(t, "fail", doc.Evidence[0].Status)

	cfg := write(t, dir, "cfg.yaml", "profiles:\n  add: [eu]\n")
	doc = checkJSON(t, 1, "--config", cfg, "--policy", pol, vn)
	assert.Len(t, doc.Findings, 1)

	doc = checkJSON(t, 1, "--policy", pol, eu)
	assert.Equal(t, []string{"eu"}, doc.Inventories[0].Profiles)
	doc = checkJSON(t, 0, "--policy", pol, "--no-profile", "eu", eu)
	assert.Empty(t, doc.Findings)

	_, stderr, code := citygate(t, "check", "-q", "--no-builtin", "--policy", pol, "--profile", "fr", vn)
	assert.Equal(t, 2, code)
	assert.Contains(t, stderr, `unknown profile "fr": want one of eu, uk, us`)
	bad := write(t, dir, "bad.yaml", "profiles:\n  ad: [eu]\n")
	_, stderr, code = citygate(t, "check", "-q", "--config", bad, vn)
	assert.Equal(t, 2, code)
	assert.Contains(t, stderr, `unknown setting "profiles.ad"; did you mean "profiles.add"?`)
}

// TestCheckStatusError: an inventory that does not load makes the run's
// status error (exit 2) and has no evidence and no passes.
func TestCheckStatusError(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, "pol/dpo.rego", euRule)
	good := write(t, dir, "good/city.hcl", "city \"lisboa\" {\n  jurisdictions = [\"EU\"]\n}\n")
	broken := write(t, dir, "broken/city.hcl", "city \"x\" {\n  nope = 1\n}\n")
	doc := checkJSON(t, 2, "--policy", dir+"/pol", good, broken)
	assert.Equal(t, "error", doc.Summary.Status)
	require.Len(t, doc.Inventories, 2)
	assert.Equal(t, "fail", doc.Inventories[0].Status)
	assert.Equal(t, "error", doc.Inventories[1].Status)
	require.Len(t, doc.Evidence, 1, "only the inventory that loaded has evidence")
}

// TestRulesProfile: rules --profile lists a profile's rules, core those of
// none; rules -f json carries the taxonomy, sources and messages.
func TestRulesProfile(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, "pol/dpo.rego", euRule)
	out, stderr, code := citygate(t, "rules", "--profile", "eu", "--policy", dir+"/pol")
	require.Equal(t, 0, code, stderr)
	assert.Equal(t, `ID           SEVERITY  PRINCIPLE                         AREA           PROFILES  TITLE
ACC-003      medium    equity_inclusion_societal_impact  accessibility  eu,uk     Accessibility statement
CITY-EU-001  high      transparency_privacy              privacy        eu        City names a DPO
PRIV-002     critical  transparency_privacy              privacy        eu,uk     GDPR DPIA triggers
PRIV-006     critical  transparency_privacy              privacy        eu        Live facial identification for law enforcement
PRIV-007     high      transparency_privacy              privacy        eu        FRIA for high-risk AI
PRIV-013     high      transparency_privacy              privacy        eu,uk     Breach notification to regulators and residents
6 rules
`, out)
	out, _, _ = citygate(t, "rules", "--profile", "core", "--policy", dir+"/pol")
	assert.NotContains(t, out, "CITY-EU-001")
	assert.Contains(t, out, "PRIV-001")
	_, stderr, code = citygate(t, "rules", "--profile", "fr")
	assert.Equal(t, 2, code)
	assert.Contains(t, stderr, `unknown profile "fr": want core or one of eu, uk, us`)

	out, _, code = citygate(t, "rules", "-f", "json", "--no-builtin", "--policy", dir+"/pol")
	require.Equal(t, 0, code)
	var rules []map[string]any
	require.NoError(t, json.Unmarshal([]byte(out), &rules))
	require.Len(t, rules, 1)
	r := rules[0]
	assert.Equal(t, "transparency_privacy", r["gsca_principle"])
	assert.Equal(t, "privacy", r["area"])
	assert.Equal(t, "", r["gsca_policy"])
	assert.Equal(t, []any{"eu"}, r["profiles"])
	assert.Equal(t, []any{map[string]any{"kind": "law", "title": "GDPR", "clause": "Art 37"}}, r["sources"])
	assert.Equal(t, map[string]any{"no_dpo": "city {id} names no data protection officer ({n} roles)"}, r["messages"])
	assert.Equal(t, true, r["declares_applies"])
}
