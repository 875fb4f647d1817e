package citygate.rules.security.logging_test

import data.citygate.rules.security.logging as rule

app := {"kind": "system", "id": "app"}

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
		"resource": app,
		"field": "logging.central",
		"status": "fail",
		"template": "not_central",
		"args": {"id": "app"},
		"severity": "medium",
	}}
}

test_short_retention_fires if {
	r := rule.deny with input as {"systems": [{"id": "app", "logging": {"central": true, "retention_days": 364}}]}
	r == {{
		"resource": app,
		"field": "logging.retention_days",
		"status": "fail",
		"template": "short_retention",
		"args": {"id": "app", "days": 364, "minimum": 365},
		"severity": "medium",
	}}
}

test_minimum_is_a_parameter if {
	inp := {"systems": [{"id": "app", "logging": {"central": true, "retention_days": 200}}]}
	count(rule.deny) == 0 with input as inp with data.citygate.params.log_retention_days as 180
	count(rule.deny) == 1 with input as inp with data.citygate.params.log_retention_days as 201
}

test_retention_absent_is_not_stated if {
	r := rule.deny with input as {"systems": [{"id": "app", "logging": {"central": true}}]}
	r == {{"resource": app, "field": "logging.retention_days", "status": "not_stated", "severity": "medium"}}
}

test_central_absent_is_not_stated if {
	r := rule.deny with input as {"systems": [{"id": "app", "logging": {"retention_days": 400}}]}
	r == {{"resource": app, "field": "logging.central", "status": "not_stated", "severity": "medium"}}
}

test_critical_system_escalates_to_high if {
	r := rule.deny with input as {"systems": [{"id": "signals", "category": "ot"}]}
	r == {
		{"resource": {"kind": "system", "id": "signals"}, "field": "logging.central", "status": "not_stated", "severity": "high"},
		{"resource": {"kind": "system", "id": "signals"}, "field": "logging.retention_days", "status": "not_stated", "severity": "high"},
	}
	r2 := rule.deny with input as {"systems": [{"id": "water", "criticality": "critical", "logging": {"central": false, "retention_days": 400}}]}
	[f.severity | some f in r2] == ["high"]
}

test_applies_to_active_systems if {
	inp := {"systems": [{"id": "app", "logging": {"central": true, "retention_days": 400}}, {"id": "old", "stage": "retired"}]}
	rule.applies == {app} with input as inp
}
