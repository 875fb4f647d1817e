package main

import (
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestRuleOverridesFromConfig: rules: in the config changes a severity
// everywhere and turns a rule off for one inventory of two; every report
// a person reads says so in its header, and JSON lists the overrides.
func TestRuleOverridesFromConfig(t *testing.T) {
	dir := t.TempDir()
	hanoi := write(t, dir, "cities/hanoi/cam.hcl", universalCam)
	lisboa := write(t, dir, "cities/lisboa/cam.hcl", universalCam)
	hanoiDir, lisboaDir := filepath.Dir(hanoi), filepath.Dir(lisboa)
	cfg := write(t, dir, "citygate.yaml", "rule: [SEC-005, SEC-016]\nfail_on: high\nrules:\n  SEC-016: {severity: low}\n  SEC-005: {enabled: false, paths: [\""+filepath.ToSlash(hanoiDir)+"/**\"]}\n")

	out, stderr, code := citygate(t, "check", hanoiDir, lisboaDir, "--config", cfg, "-f", "json", "-q")
	require.Equal(t, 1, code, stderr)
	var doc struct {
		Findings []struct {
			RuleID   string `json:"rule_id"`
			Severity string `json:"severity"`
			Location struct {
				File string `json:"file"`
			} `json:"location"`
		} `json:"findings"`
		Evidence []struct {
			Inventory string `json:"inventory"`
			RuleID    string `json:"rule_id"`
		} `json:"evidence"`
		Overrides []map[string]any `json:"overrides"`
	}
	require.NoError(t, json.Unmarshal([]byte(out), &doc))
	var got []string
	for _, f := range doc.Findings {
		got = append(got, filepath.Base(filepath.Dir(f.Location.File))+" "+f.RuleID+" "+f.Severity)
	}
	assert.Equal(t, []string{
		"hanoi SEC-016 low", "hanoi SEC-016 low",
		"lisboa SEC-016 low", "lisboa SEC-016 low", "lisboa SEC-005 critical",
	}, got)
	for _, e := range doc.Evidence {
		assert.False(t, e.RuleID == "SEC-005" && e.Inventory == hanoiDir, "SEC-005 was not evaluated in hanoi")
	}
	assert.Equal(t, []map[string]any{
		{"rule_id": "SEC-005", "disabled": true, "paths": []any{filepath.ToSlash(hanoiDir) + "/**"}, "inventories": []any{hanoiDir}},
		{"rule_id": "SEC-016", "severity": "low", "from": "medium", "inventories": []any{hanoiDir, lisboaDir}},
	}, doc.Overrides)

	want := "SEC-005 disabled for " + filepath.ToSlash(hanoiDir) + "/**; SEC-016 severity medium→low"
	out, _, _ = citygate(t, "check", hanoiDir, lisboaDir, "--config", cfg, "-q")
	assert.Contains(t, out, "\nRule overrides (config): "+want+"\n")
	out, _, _ = citygate(t, "check", hanoiDir, lisboaDir, "--config", cfg, "-q", "-f", "markdown")
	assert.Contains(t, out, "\n- **Rule overrides (config):** "+strings.ReplaceAll(want, "*", `\*`)+"\n")
	out, _, _ = citygate(t, "check", hanoiDir, lisboaDir, "--config", cfg, "-q", "-f", "html")
	assert.Contains(t, out, "<dt>Rule overrides (config)</dt><dd><bdi>SEC-005 disabled for ")
	out, _, _ = citygate(t, "check", hanoiDir, lisboaDir, "--config", cfg, "-q", "--lang", "fr")
	assert.Contains(t, out, "\nRègles modifiées (configuration): SEC-005 désactivée pour ")
	assert.Contains(t, out, "; SEC-016 : sévérité moyenne→faible\nVerdict: NON CONFORME\n")

	// Without the overrides: both SEC-005 findings, SEC-016 at medium.
	plain := write(t, dir, "plain.yaml", "rule: [SEC-005, SEC-016]\nfail_on: high\n")
	out, _, code = citygate(t, "check", hanoiDir, lisboaDir, "--config", plain, "-f", "json", "-q")
	require.Equal(t, 1, code)
	doc.Findings, doc.Overrides = nil, nil
	require.NoError(t, json.Unmarshal([]byte(out), &doc))
	got = nil
	for _, f := range doc.Findings {
		got = append(got, filepath.Base(filepath.Dir(f.Location.File))+" "+f.RuleID+" "+f.Severity)
	}
	assert.Equal(t, []string{
		"hanoi SEC-016 medium", "hanoi SEC-016 medium", "hanoi SEC-005 critical",
		"lisboa SEC-016 medium", "lisboa SEC-016 medium", "lisboa SEC-005 critical",
	}, got)
	assert.Nil(t, doc.Overrides, "no overrides, no field")
}

func TestRuleOverrideConfigErrors(t *testing.T) {
	dir := t.TempDir()
	inv := write(t, dir, "cam.hcl", universalCam)
	for body, want := range map[string]string{
		"rules:\n  SEC-0055: {severity: low}\n":                   `citygate.yaml:2:3: rules.SEC-0055: no loaded rule has this id; did you mean "SEC-005"?`,
		"rules:\n  SEC-005: {severity: urgent}\n":                 `citygate.yaml:2:23: rules.SEC-005.severity must be one of critical, high, medium, low, got "urgent"`,
		"rules:\n  SEC-005: {enable: false}\n":                    `citygate.yaml:2:13: unknown setting "rules.SEC-005.enable"; did you mean "rules.SEC-005.enabled"?`,
		"rules:\n  SEC-005: {enabled: false, paths: [\"a/[\"]}\n": `citygate.yaml:2:37: rules.SEC-005.paths: glob "a/[": unclosed [ at byte 3`,
	} {
		cfg := write(t, dir, "citygate.yaml", body)
		_, stderr, code := citygate(t, "check", inv, "--config", cfg, "-q")
		assert.Equal(t, 2, code, body)
		assert.Contains(t, stderr, want, body)
	}
	t.Setenv("CITYGATE_RULES", "x")
	_, stderr, code := citygate(t, "check", inv, "-q")
	assert.Equal(t, 2, code)
	assert.Contains(t, stderr, "environment variable CITYGATE_RULES: rule overrides are set in the config file only")
}
