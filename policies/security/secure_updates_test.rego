package citygate.rules.security.secure_updates_test

import data.citygate.rules.security.secure_updates as rule

lights := {"kind": "system", "id": "lights"}

test_applies_to_active_systems if {
	r := rule.applies with input as {"systems": [{"id": "lights"}, {"id": "old", "stage": "retired"}]}
	r == {lights}
}

test_compliant_passes if {
	count(rule.deny) == 0 with input as {"systems": [
		{"id": "b", "software": {"signed_updates": true, "update_verification": true}},
		{"id": "old", "stage": "retired"},
	]}
}

test_unsigned_fails if {
	r := rule.deny with input as {"systems": [{"id": "lights", "software": {"signed_updates": false}}]}
	r == {{
		"resource": lights,
		"field": "software.signed_updates",
		"status": "fail",
		"template": "unsigned",
		"args": {"id": "lights"},
	}}
}

test_missing_not_stated if {
	r := rule.deny with input as {"systems": [{"id": "lights"}]}
	r == {{"resource": lights, "field": "software.signed_updates", "status": "not_stated"}}
}

test_null_not_stated if {
	r := rule.deny with input as {"systems": [{"id": "lights", "software": {"signed_updates": null}}]}
	r == {{"resource": lights, "field": "software.signed_updates", "status": "not_stated"}}
}

test_signed_without_verification_stated_not_stated if {
	r := rule.deny with input as {"systems": [{"id": "lights", "software": {"signed_updates": true}}]}
	r == {{"resource": lights, "field": "software.update_verification", "status": "not_stated"}}
}

test_unverified_fails if {
	r := rule.deny with input as {"systems": [{"id": "lights", "software": {"signed_updates": true, "update_verification": false}}]}
	r == {{
		"resource": lights,
		"field": "software.update_verification",
		"status": "fail",
		"template": "unverified",
		"args": {"id": "lights"},
	}}
}

test_unsigned_and_unverified_fail_both if {
	r := rule.deny with input as {"systems": [{"id": "lights", "software": {"signed_updates": false, "update_verification": false}}]}
	{f.template | some f in r} == {"unsigned", "unverified"}
}

# Every result names a resource the rule applies to.
test_every_result_is_applicable if {
	inp := {"systems": [
		{"id": "a"},
		{"id": "b", "software": {"signed_updates": false, "update_verification": false}},
		{"id": "c", "software": {"signed_updates": true}},
		{"id": "old", "stage": "retired"},
	]}
	results := rule.deny with input as inp
	applicable := rule.applies with input as inp
	count(results) > 0
	every f in results {
		f.resource in applicable
	}
}
