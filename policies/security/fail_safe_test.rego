package citygate.rules.security.fail_safe_test

import data.citygate.rules.security.fail_safe as rule

test_compliant_passes if {
	count(rule.deny) == 0 with input as {"systems": [
		{"id": "signals", "category": "ot", "criticality": "critical", "resilience": {"manual_fallback": "fixed-time/flash"}},
		{"id": "pumps", "category": "ot", "criticality": "medium"},
		{"id": "lights", "category": "iot", "criticality": "critical"},
		{"id": "old", "category": "ot", "criticality": "high", "stage": "retired"},
	]}
}

test_none_fires if {
	r := rule.deny with input as {"systems": [{"id": "signals", "category": "ot", "criticality": "critical", "resilience": {"manual_fallback": "none"}}]}
	r == {{
		"resource": {"kind": "system", "id": "signals"},
		"field": "resilience.manual_fallback",
		"message": "OT system signals of critical criticality has no manual or local fallback if the network is lost (resilience.manual_fallback is not set or none)",
	}}
}

test_missing_fires if {
	count(rule.deny) == 1 with input as {"systems": [{"id": "pumps", "category": "ot", "criticality": "high"}]}
}
