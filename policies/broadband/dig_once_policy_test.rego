package citygate.rules.broadband.dig_once_policy_test

import data.citygate.rules.broadband.dig_once_policy as rule

test_no_policy_fires if {
	r := rule.deny with input as {"city": {"id": "lisboa", "policies": [{"name": "open_data", "adopted": true}]}}
	r == {{
		"resource": {"kind": "city", "id": "lisboa"},
		"field": "policy.dig_once",
		"message": "city lisboa has no dig_once policy",
	}}
}

test_no_policies_block_fires if {
	r := rule.deny with input as {"city": {"id": "lisboa"}}
	count(r) == 1
}

test_not_adopted_fires if {
	r := rule.deny with input as {"city": {"id": "lisboa", "policies": [{"name": "dig_once", "adopted": false}]}}
	r == {{
		"resource": {"kind": "city", "id": "lisboa"},
		"field": "policy.dig_once.adopted",
		"message": "city lisboa has a dig_once policy that is not adopted (adopted = false)",
	}}
}

test_adopted_unset_fires if {
	r := rule.deny with input as {"city": {"id": "lisboa", "policies": [{"name": "dig_once"}]}}
	r == {{
		"resource": {"kind": "city", "id": "lisboa"},
		"field": "policy.dig_once.adopted",
		"message": "city lisboa has a dig_once policy that is not adopted (adopted = unset)",
	}}
}

test_adopted_passes if {
	count(rule.deny) == 0 with input as {"city": {"id": "lisboa", "policies": [{"name": "dig_once", "adopted": true}]}}
}

test_bid_without_city_passes if {
	count(rule.deny) == 0 with input as {"systems": [{"id": "acme", "vendor": "acme", "stage": "procurement"}]}
}
