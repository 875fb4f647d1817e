package citygate.rules.security.patching_test

import data.citygate.rules.security.patching as rule

sys(software) := {"systems": [{"id": "signals", "software": software}]}

test_compliant_passes if {
	count(rule.deny) == 0 with input as sys({"oldest_open_critical_days": 9})
	count(rule.deny) == 0 with input as sys({"oldest_open_critical_days": 0, "oldest_open_kev_days": 0})
}

test_at_limits_passes if {
	count(rule.deny) == 0 with input as sys({"oldest_open_critical_days": 30, "oldest_open_kev_days": 14})
}

test_retired_passes if {
	count(rule.deny) == 0 with input as {"systems": [{"id": "old", "stage": "retired", "software": {"oldest_open_critical_days": 400}}]}
}

test_missing_fires if {
	r := rule.deny with input as {"systems": [{"id": "signals"}]}
	r == {{
		"resource": {"kind": "system", "id": "signals"},
		"field": "software.oldest_open_critical_days",
		"message": "system signals does not state the age of its oldest open critical vulnerability (software.oldest_open_critical_days is not set)",
	}}
}

test_critical_over_limit_fires if {
	r := rule.deny with input as sys({"oldest_open_critical_days": 31})
	r == {{
		"resource": {"kind": "system", "id": "signals"},
		"field": "software.oldest_open_critical_days",
		"message": "system signals has had a critical vulnerability open for 31 days, above the 30-day limit",
	}}
}

test_kev_over_limit_fires if {
	r := rule.deny with input as sys({"oldest_open_critical_days": 15, "oldest_open_kev_days": 15})
	r == {{
		"resource": {"kind": "system", "id": "signals"},
		"field": "software.oldest_open_kev_days",
		"message": "system signals has had a known-exploited vulnerability open for 15 days, above the 14-day limit",
	}}
}

test_params_override if {
	count(rule.deny) == 1 with input as sys({"oldest_open_critical_days": 10}) with data.citygate.params.patch_critical_days as 7
}
