package citygate.rules.security.internet_exposure_test

import data.citygate.rules.security.internet_exposure as rule

signals := {"kind": "system", "id": "signals"}

test_applies_to_active_systems if {
	r := rule.applies with input as {"systems": [{"id": "signals", "category": "ot"}, {"id": "old", "stage": "retired", "category": "ot"}]}
	r == {signals}
}

test_compliant_passes if {
	count(rule.deny) == 0 with input as {"systems": [
		{"id": "signals", "category": "ot", "internet_exposed": false, "remote_access": "vpn"},
		{"id": "portal", "category": "web_service", "internet_exposed": true, "remote_access": "zero_trust"},
		{"id": "lights", "category": "iot", "remote_access": "none"},
		{"id": "old", "stage": "retired", "category": "ot", "internet_exposed": true, "remote_access": "direct"},
	]}
}

test_exposed_ot_fails if {
	r := rule.deny with input as {"systems": [{"id": "signals", "category": "ot", "internet_exposed": true, "remote_access": "vpn"}]}
	r == {{
		"resource": signals,
		"field": "internet_exposed",
		"status": "fail",
		"template": "ot_exposed",
		"args": {"id": "signals"},
	}}
}

test_ot_exposure_not_stated if {
	r := rule.deny with input as {"systems": [{"id": "signals", "category": "ot", "remote_access": "none"}]}
	r == {{"resource": signals, "field": "internet_exposed", "status": "not_stated"}}
}

test_ot_null_exposure_not_stated if {
	r := rule.deny with input as {"systems": [{"id": "signals", "category": "ot", "internet_exposed": null, "remote_access": "none"}]}
	r == {{"resource": signals, "field": "internet_exposed", "status": "not_stated"}}
}

test_non_ot_exposure_not_needed if {
	count(rule.deny) == 0 with input as {"systems": [{"id": "lights", "category": "iot", "remote_access": "none"}]}
}

test_category_not_stated if {
	r := rule.deny with input as {"systems": [{"id": "box", "internet_exposed": true, "remote_access": "none"}]}
	r == {{"resource": {"kind": "system", "id": "box"}, "field": "category", "status": "not_stated"}}
}

test_remote_access_not_stated if {
	r := rule.deny with input as {"systems": [{"id": "portal", "category": "web_service"}]}
	r == {{"resource": {"kind": "system", "id": "portal"}, "field": "remote_access", "status": "not_stated"}}
}

test_direct_remote_access_fails if {
	r := rule.deny with input as {"systems": [{"id": "portal", "category": "web_service", "remote_access": "direct"}]}
	r == {{
		"resource": {"kind": "system", "id": "portal"},
		"field": "remote_access",
		"status": "fail",
		"template": "direct_remote",
		"args": {"id": "portal"},
	}}
}

# Every result names a resource the rule applies to.
test_every_result_is_applicable if {
	inp := {"systems": [
		{"id": "a"},
		{"id": "b", "category": "ot", "internet_exposed": true, "remote_access": "direct"},
		{"id": "c", "category": "ot"},
		{"id": "old", "stage": "retired"},
	]}
	results := rule.deny with input as inp
	applicable := rule.applies with input as inp
	count(results) > 0
	every f in results {
		f.resource in applicable
	}
}
