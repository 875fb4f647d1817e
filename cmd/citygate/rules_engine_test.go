package main

import (
	"encoding/json"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// rules -f json marks the engine's own rules, which --no-builtin and a
// jurisdiction profile leave out (they are built in and of no profile).
func TestRulesListsTheEngineRules(t *testing.T) {
	engineOf := func(args ...string) map[string]bool {
		out, stderr, code := citygate(t, append([]string{"rules", "-f", "json"}, args...)...)
		require.Equal(t, 0, code, stderr)
		var rules []struct {
			ID     string `json:"id"`
			Engine bool   `json:"engine"`
		}
		require.NoError(t, json.Unmarshal([]byte(out), &rules))
		byID := map[string]bool{}
		for _, r := range rules {
			byID[r.ID] = r.Engine
		}
		return byID
	}
	all := engineOf()
	for _, id := range []string{"BID-WAIVER", "BID-CONTEXT", "BID-CLASSIFICATION", "WAIVER-EXPIRED", "WAIVER-UNUSED"} {
		engine, ok := all[id]
		assert.True(t, ok && engine, "%s listed as an engine rule", id)
	}
	assert.Contains(t, all, "SEC-005")
	assert.False(t, all["SEC-005"])
	assert.Contains(t, engineOf("--profile", "core"), "WAIVER-EXPIRED")
	assert.NotContains(t, engineOf("--profile", "eu"), "BID-WAIVER")
}
