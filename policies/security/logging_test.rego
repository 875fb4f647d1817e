package citygate.rules.security.logging_test

import data.citygate.rules.security.logging as rule

test_compliant_passes if {
	count(rule.deny) == 0 with input as {"systems": [
		{"id": "signals", "category": "ot", "logging": {"central": true, "retention_days": 400}},
		{"id": "old", "stage": "retired"},
	]}
}

test_exactly_minimum_passes if {
	count(rule.deny) == 0 with input as {"systems": [{"id": "app", "logging": {"central": true, "retention_days": 365}}]}
}

test_not_central_fires_medium if {
	r := rule.deny with input as {"systems": [{"id": "app", "category": "web_service", "logging": {"central": false, "retention_days": 365}}]}
	r == {{
		"resource": {"kind": "system", "id": "app"},
		"field": "logging.central",
		"message": "system app does not send its logs to central collection (logging.central is not true)",
		"severity": "medium",
	}}
}

test_short_retention_fires if {
	r := rule.deny with input as {"systems": [{"id": "app", "logging": {"central": true, "retention_days": 364}}]}
	r == {{
		"resource": {"kind": "system", "id": "app"},
		"field": "logging.retention_days",
		"message": "system app keeps logs for 364 days, below the 365-day minimum",
		"severity": "medium",
	}}
}

test_missing_retention_fires if {
	r := rule.deny with input as {"systems": [{"id": "app", "logging": {"central": true}}]}
	r == {{
		"resource": {"kind": "system", "id": "app"},
		"field": "logging.retention_days",
		"message": "system app does not state how long its logs are kept (logging.retention_days is not set)",
		"severity": "medium",
	}}
}

test_critical_system_escalates_to_high if {
	r := rule.deny with input as {"systems": [{"id": "signals", "category": "ot"}]}
	count(r) == 2
	{f.severity | some f in r} == {"high"}
	r2 := rule.deny with input as {"systems": [{"id": "water", "criticality": "critical", "logging": {"central": true}}]}
	[f.severity | some f in r2] == ["high"]
}
