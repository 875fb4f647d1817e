package citygate.rules.security.secure_updates_test

import data.citygate.rules.security.secure_updates as rule

test_compliant_passes if {
	count(rule.deny) == 0 with input as {"systems": [
		{"id": "a", "software": {"signed_updates": true}},
		{"id": "b", "software": {"signed_updates": true, "update_verification": true}},
		{"id": "old", "stage": "retired"},
	]}
}

test_unsigned_fires if {
	r := rule.deny with input as {"systems": [{"id": "lights", "software": {"signed_updates": false}}]}
	r == {{
		"resource": {"kind": "system", "id": "lights"},
		"field": "software.signed_updates",
		"message": "system lights does not receive signed updates (software.signed_updates is not true)",
	}}
}

test_missing_fires if {
	count(rule.deny) == 1 with input as {"systems": [{"id": "lights"}]}
}

test_unverified_fires if {
	r := rule.deny with input as {"systems": [{"id": "lights", "software": {"signed_updates": true, "update_verification": false}}]}
	r == {{
		"resource": {"kind": "system", "id": "lights"},
		"field": "software.update_verification",
		"message": "system lights installs updates without verifying their signature (software.update_verification = false)",
	}}
}
