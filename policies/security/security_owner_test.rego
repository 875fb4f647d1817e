package citygate.rules.security.security_owner_test

import data.citygate.rules.security.security_owner as rule

test_missing_owner_fires if {
	r := rule.deny with input as {"systems": [{"id": "cam", "stage": "pilot"}]}
	r == {{
		"resource": {"kind": "system", "id": "cam"},
		"field": "security_owner",
		"message": "system cam names no security_owner",
	}}
}

test_bid_and_production_fire if {
	r := rule.deny with input as {"systems": [
		{"id": "bid", "stage": "procurement", "vendor": "acme"},
		{"id": "prod"},
		{"id": "idea", "stage": "proposed"},
	]}
	count(r) == 3
}

test_owner_passes if {
	count(rule.deny) == 0 with input as {"systems": [{"id": "cam", "security_owner": "ot-sec"}]}
}

test_retired_passes if {
	count(rule.deny) == 0 with input as {"systems": [{"id": "old", "stage": "retired"}]}
}
