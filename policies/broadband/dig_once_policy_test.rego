package citygate.rules.broadband.dig_once_policy_test

import data.citygate.rules.broadband.dig_once_policy as rule

lisboa := {"kind": "city", "id": "lisboa"}

test_policy_not_stated if {
	inv := {"city": {"id": "lisboa", "policies": [{"name": "open_data", "adopted": true}]}}
	rule.deny == {{"resource": lisboa, "field": "policy.dig_once", "status": "not_stated"}} with input as inv
	rule.applies == {lisboa} with input as inv
}

test_no_policies_block_not_stated if {
	r := rule.deny with input as {"city": {"id": "lisboa"}}
	r == {{"resource": lisboa, "field": "policy.dig_once", "status": "not_stated"}}
}

test_not_adopted_fails if {
	r := rule.deny with input as {"city": {"id": "lisboa", "policies": [{"name": "dig_once", "adopted": false}]}}
	r == {{
		"resource": lisboa,
		"field": "policy.dig_once.adopted",
		"status": "fail",
		"template": "not_adopted",
		"args": {"id": "lisboa"},
	}}
}

test_adopted_not_stated if {
	r := rule.deny with input as {"city": {"id": "lisboa", "policies": [{"name": "dig_once"}]}}
	r == {{"resource": lisboa, "field": "policy.dig_once.adopted", "status": "not_stated"}}
}

test_adopted_passes if {
	inv := {"city": {"id": "lisboa", "policies": [{"name": "dig_once", "adopted": true}]}}
	count(rule.deny) == 0 with input as inv
	rule.applies == {lisboa} with input as inv
}

test_bid_without_city_does_not_apply if {
	inv := {"systems": [{"id": "acme", "vendor": "acme", "stage": "procurement"}]}
	count(rule.applies) == 0 with input as inv
	count(rule.deny) == 0 with input as inv
}
