package finding

import (
	"encoding/json"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestRenderMessage(t *testing.T) {
	rule := &Rule{ID: "PRIV-011", File: "policies/privacy/data_location.rego", Messages: map[string]string{
		"outside": "system {id} stores data in {location}, outside {allowed} ({days} days, {ratio}, {big}) {not a placeholder} {}",
		"broken":  "system {id} has {missing}",
	}}
	got, err := RenderMessage(rule, "outside", map[string]any{
		"id": "cam", "location": "VN", "allowed": "EU, GB",
		"days": json.Number("30"), "ratio": json.Number("2.5"), "big": json.Number("18446744073709551617"),
	})
	require.NoError(t, err)
	assert.Equal(t, "system cam stores data in VN, outside EU, GB (30 days, 2.5, 18446744073709551617) {not a placeholder} {}", got)

	_, err = RenderMessage(rule, "nope", nil)
	assert.EqualError(t, err, `rule PRIV-011 (policies/privacy/data_location.rego) uses message template "nope", which its METADATA custom.messages does not define`)
	_, err = RenderMessage(rule, "broken", map[string]any{"id": "cam"})
	assert.EqualError(t, err, `rule PRIV-011 (policies/privacy/data_location.rego), message template "broken": placeholder {missing} has no argument (arguments: id)`)
	_, err = RenderMessage(rule, "broken", map[string]any{"id": "cam", "missing": []any{"a"}})
	assert.ErrorContains(t, err, "argument missing: is [a]; message arguments must be strings or numbers")
}

func TestNumberTextMatchesRegoSprintf(t *testing.T) {
	for in, want := range map[string]string{"3": "3", "3.0": "3", "-7": "-7", "0.1": "0.1", "1e3": "1000", "1.5e300": "1.5e+300"} {
		assert.Equal(t, want, numberText(in), in)
	}
}

func TestNotStatedMessage(t *testing.T) {
	r := Resource{Kind: "system", ID: "cam"}
	got, err := NotStatedMessage(&Rule{ID: "X-1"}, r, "data.personal")
	require.NoError(t, err)
	assert.Equal(t, "system cam does not state data.personal, which this rule needs to decide", got)
	got, err = NotStatedMessage(&Rule{ID: "X-1", Messages: map[string]string{"not_stated": "{kind} {id}: say whether {field} holds"}}, r, "data.personal")
	require.NoError(t, err)
	assert.Equal(t, "system cam: say whether data.personal holds", got)
}

func TestPlaceholders(t *testing.T) {
	assert.Equal(t, []string{"id", "days_2"}, Placeholders("{id} {x y} {days_2} {9a} {"))
}

func TestRuleStatusesAndCounts(t *testing.T) {
	sys := func(id string) *Resource { return &Resource{Kind: "system", ID: id} }
	ev := []Evidence{
		{Inventory: "a", RuleID: "R-1", Resource: sys("x"), Status: StatusPass},
		{Inventory: "a", RuleID: "R-1", Resource: sys("y"), Status: StatusNotStated},
		{Inventory: "a", RuleID: "R-1", Resource: sys("z"), Status: StatusWaived},
		{Inventory: "a", RuleID: "R-2", Status: StatusNotApplicable},
		{Inventory: "b", RuleID: "R-1", Resource: sys("x"), Status: StatusWaived},
		{Inventory: "b", RuleID: "R-1", Resource: sys("y"), Status: StatusFail},
		{Inventory: "b", RuleID: "R-2", Resource: sys("y"), Status: StatusPass},
	}
	assert.Equal(t, []RuleStatus{{"a", "R-1", StatusNotStated}, {"a", "R-2", StatusNotApplicable}, {"b", "R-1", StatusFail}, {"b", "R-2", StatusPass}}, RuleStatuses(ev))
	rules := []Rule{{ID: "R-1", Principle: "transparency_privacy"}, {ID: "R-2", Principle: "custom"}}
	got := CountBy(ev, rules, Principles, func(r Rule) string { return r.Principle })
	require.Len(t, got, 6)
	assert.Equal(t, GroupCounts{Key: "transparency_privacy", Name: "Transparency & Privacy", StatusCounts: StatusCounts{Fail: 1, NotStated: 1}}, got[0])
	assert.Equal(t, GroupCounts{Key: "custom", Name: "custom", StatusCounts: StatusCounts{Pass: 1, NotApplicable: 1}}, got[5])
}
