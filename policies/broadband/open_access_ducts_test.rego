package citygate.rules.broadband.open_access_ducts_test

import data.citygate.rules.broadband.open_access_ducts as rule

lisboa := {"kind": "city", "id": "lisboa"}

dig_once(p) := {"city": {"id": "lisboa", "policies": [object.union({"name": "dig_once", "adopted": true}, p)]}}

test_no_open_access_fails if {
	r := rule.deny with input as dig_once({"open_access_terms": false, "asset_register_url": "https://cm.example/ducts"})
	r == {{
		"resource": lisboa,
		"field": "policy.dig_once.open_access_terms",
		"status": "fail",
		"template": "closed",
		"args": {"id": "lisboa"},
	}}
}

test_open_access_not_stated if {
	r := rule.deny with input as dig_once({"asset_register_url": "https://cm.example/ducts"})
	r == {{"resource": lisboa, "field": "policy.dig_once.open_access_terms", "status": "not_stated"}}
}

test_register_not_stated if {
	r := rule.deny with input as dig_once({"open_access_terms": true})
	r == {{"resource": lisboa, "field": "policy.dig_once.asset_register_url", "status": "not_stated"}}
}

test_both_not_stated if {
	r := rule.deny with input as {"city": {"id": "lisboa", "policies": [{"name": "dig_once"}]}}
	r == {
		{"resource": lisboa, "field": "policy.dig_once.open_access_terms", "status": "not_stated"},
		{"resource": lisboa, "field": "policy.dig_once.asset_register_url", "status": "not_stated"},
	}
}

test_compliant_passes if {
	inv := dig_once({"open_access_terms": true, "asset_register_url": "https://cm.example/ducts"})
	count(rule.deny) == 0 with input as inv
	rule.applies == {lisboa} with input as inv
}

test_no_policy_or_no_city_does_not_apply if {
	inv1 := {"city": {"id": "lisboa", "policies": [{"name": "open_data", "adopted": true}]}}
	count(rule.applies) == 0 with input as inv1
	count(rule.deny) == 0 with input as inv1
	inv2 := {"systems": [{"id": "acme", "vendor": "acme", "stage": "procurement"}]}
	count(rule.applies) == 0 with input as inv2
	count(rule.deny) == 0 with input as inv2
}
