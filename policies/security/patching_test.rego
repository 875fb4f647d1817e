package citygate.rules.security.patching_test

import data.citygate.rules.security.patching as rule

sys(software) := {"systems": [{"id": "signals", "software": software}]}

signals := {"kind": "system", "id": "signals"}

test_applies_to_active_systems if {
	r := rule.applies with input as {"systems": [{"id": "signals"}, {"id": "old", "stage": "retired"}]}
	r == {signals}
}

test_compliant_passes if {
	count(rule.deny) == 0 with input as sys({"oldest_open_critical_days": 9, "oldest_open_kev_days": 3})
	count(rule.deny) == 0 with input as sys({"oldest_open_critical_days": 0, "oldest_open_kev_days": 0})
}

test_at_limits_passes if {
	count(rule.deny) == 0 with input as sys({"oldest_open_critical_days": 30, "oldest_open_kev_days": 14})
}

test_retired_not_applicable if {
	count(rule.deny) == 0 with input as {"systems": [{"id": "old", "stage": "retired", "software": {"oldest_open_critical_days": 400}}]}
}

test_missing_not_stated if {
	r := rule.deny with input as {"systems": [{"id": "signals"}]}
	r == {
		{"resource": signals, "field": "software.oldest_open_critical_days", "status": "not_stated"},
		{"resource": signals, "field": "software.oldest_open_kev_days", "status": "not_stated"},
	}
}

test_missing_kev_not_stated if {
	r := rule.deny with input as sys({"oldest_open_critical_days": 9})
	r == {{"resource": signals, "field": "software.oldest_open_kev_days", "status": "not_stated"}}
}

test_null_critical_not_stated if {
	r := rule.deny with input as sys({"oldest_open_critical_days": null, "oldest_open_kev_days": 0})
	r == {{"resource": signals, "field": "software.oldest_open_critical_days", "status": "not_stated"}}
}

test_critical_over_limit_fails if {
	r := rule.deny with input as sys({"oldest_open_critical_days": 31, "oldest_open_kev_days": 0})
	r == {{
		"resource": signals,
		"field": "software.oldest_open_critical_days",
		"status": "fail",
		"template": "critical_over_limit",
		"args": {"id": "signals", "days": 31, "limit": 30},
	}}
}

test_kev_over_limit_fails if {
	r := rule.deny with input as sys({"oldest_open_critical_days": 15, "oldest_open_kev_days": 15})
	r == {{
		"resource": signals,
		"field": "software.oldest_open_kev_days",
		"status": "fail",
		"template": "kev_over_limit",
		"args": {"id": "signals", "days": 15, "limit": 14},
	}}
}

test_params_override if {
	r := rule.deny with input as sys({"oldest_open_critical_days": 10, "oldest_open_kev_days": 0}) with data.citygate.params.patch_critical_days as 7
	[f.args.limit | some f in r] == [7]
}

# Every result names a resource the rule applies to.
test_every_result_is_applicable if {
	inp := {"systems": [
		{"id": "a"},
		{"id": "b", "software": {"oldest_open_critical_days": 99, "oldest_open_kev_days": 99}},
		{"id": "old", "stage": "retired"},
	]}
	results := rule.deny with input as inp
	applicable := rule.applies with input as inp
	count(results) > 0
	every f in results {
		f.resource in applicable
	}
}
