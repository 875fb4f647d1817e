package citygate.rules.broadband.open_access_ducts_test

import data.citygate.rules.broadband.open_access_ducts as rule

test_no_open_access_fires if {
	r := rule.deny with input as {"city": {"id": "lisboa", "policies": [{"name": "dig_once", "adopted": true, "open_access_terms": false, "asset_register_url": "https://cm.example/ducts"}]}}
	r == {{
		"resource": {"kind": "city", "id": "lisboa"},
		"field": "policy.dig_once.open_access_terms",
		"message": "city lisboa's dig_once policy grants no open, non-discriminatory access to city ducts (open_access_terms = false)",
	}}
}

test_no_register_fires if {
	r := rule.deny with input as {"city": {"id": "lisboa", "policies": [{"name": "dig_once", "adopted": true, "open_access_terms": true}]}}
	r == {{
		"resource": {"kind": "city", "id": "lisboa"},
		"field": "policy.dig_once.asset_register_url",
		"message": "city lisboa's dig_once policy has no published asset register (asset_register_url)",
	}}
}

test_both_unset_fires_twice if {
	count(rule.deny) == 2 with input as {"city": {"id": "lisboa", "policies": [{"name": "dig_once"}]}}
}

test_compliant_passes if {
	count(rule.deny) == 0 with input as {"city": {"id": "lisboa", "policies": [{"name": "dig_once", "adopted": true, "open_access_terms": true, "asset_register_url": "https://cm.example/ducts"}]}}
}

test_no_policy_or_no_city_passes if {
	count(rule.deny) == 0 with input as {"city": {"id": "lisboa", "policies": [{"name": "open_data", "adopted": true}]}}
	count(rule.deny) == 0 with input as {"systems": [{"id": "acme", "vendor": "acme", "stage": "procurement"}]}
}
