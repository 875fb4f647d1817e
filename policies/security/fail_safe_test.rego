package citygate.rules.security.fail_safe_test

import data.citygate.rules.security.fail_safe as rule

signals := {"kind": "system", "id": "signals"}

test_compliant_passes if {
	count(rule.deny) == 0 with input as {"systems": [
		{"id": "signals", "category": "ot", "criticality": "critical", "resilience": {"manual_fallback": "fixed-time/flash"}},
		{"id": "pumps", "category": "ot", "criticality": "medium"},
		{"id": "gates", "category": "ot", "criticality": "low", "resilience": {"manual_fallback": "none"}},
		{"id": "lights", "category": "iot", "criticality": "critical"},
		{"id": "old", "category": "ot", "criticality": "high", "stage": "retired"},
	]}
}

test_none_fires if {
	r := rule.deny with input as {"systems": [{"id": "signals", "category": "ot", "criticality": "critical", "resilience": {"manual_fallback": "none"}}]}
	r == {{
		"resource": signals,
		"field": "resilience.manual_fallback",
		"status": "fail",
		"template": "no_fallback",
		"args": {"id": "signals", "criticality": "critical"},
	}}
}

test_fallback_absent_is_not_stated if {
	r := rule.deny with input as {"systems": [{"id": "pumps", "category": "ot", "criticality": "high"}]}
	r == {{"resource": {"kind": "system", "id": "pumps"}, "field": "resilience.manual_fallback", "status": "not_stated"}}
	r2 := rule.deny with input as {"systems": [{"id": "pumps", "category": "ot", "criticality": "high", "resilience": {"offline_backup": true}}]}
	r2 == r
}

test_criticality_absent_is_not_stated if {
	r := rule.deny with input as {"systems": [{"id": "signals", "category": "ot"}]}
	r == {{"resource": signals, "field": "criticality", "status": "not_stated"}}
	r2 := rule.deny with input as {"systems": [{"id": "signals", "category": "ot", "resilience": {"manual_fallback": "none"}}]}
	r2 == r
}

test_stated_fallback_makes_criticality_moot if {
	count(rule.deny) == 0 with input as {"systems": [{"id": "signals", "category": "ot", "resilience": {"manual_fallback": "flash"}}]}
}

test_applies_to_active_ot_systems if {
	inp := {"systems": [
		{"id": "signals", "category": "ot", "criticality": "low"},
		{"id": "lights", "category": "iot", "criticality": "critical"},
		{"id": "site"},
		{"id": "old", "category": "ot", "stage": "retired"},
	]}
	rule.applies == {signals} with input as inp
	count(rule.deny) == 0 with input as inp
}
