package citygate.rules.security.internet_exposure_test

import data.citygate.rules.security.internet_exposure as rule

test_compliant_passes if {
	count(rule.deny) == 0 with input as {"systems": [
		{"id": "signals", "category": "ot", "internet_exposed": false, "remote_access": "vpn"},
		{"id": "portal", "category": "web_service", "internet_exposed": true, "remote_access": "zero_trust"},
		{"id": "lights", "category": "iot"},
		{"id": "old", "stage": "retired", "category": "ot", "internet_exposed": true, "remote_access": "direct"},
	]}
}

test_exposed_ot_fires if {
	r := rule.deny with input as {"systems": [{"id": "signals", "category": "ot", "internet_exposed": true}]}
	r == {{
		"resource": {"kind": "system", "id": "signals"},
		"field": "internet_exposed",
		"message": "OT system signals is reachable from the internet (internet_exposed = true)",
	}}
}

test_ot_exposure_not_stated_fires if {
	r := rule.deny with input as {"systems": [{"id": "signals", "category": "ot"}]}
	r == {{
		"resource": {"kind": "system", "id": "signals"},
		"field": "internet_exposed",
		"message": "OT system signals does not state whether it is reachable from the internet (internet_exposed is not set)",
	}}
}

test_direct_remote_access_fires if {
	r := rule.deny with input as {"systems": [{"id": "portal", "category": "web_service", "remote_access": "direct"}]}
	r == {{
		"resource": {"kind": "system", "id": "portal"},
		"field": "remote_access",
		"message": "system portal can be administered remotely without a VPN or zero-trust broker (remote_access = direct)",
	}}
}
