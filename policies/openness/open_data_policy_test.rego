package citygate.rules.openness.open_data_policy_test

import data.citygate.rules.openness.open_data_policy as rule

test_no_policy_fires if {
	r := rule.deny with input as {"city": {"id": "lisboa", "policies": [{"name": "dig_once", "adopted": true}]}}
	r == {{
		"resource": {"kind": "city", "id": "lisboa"},
		"field": "policy.open_data",
		"message": "city lisboa has no open_data policy",
	}}
}

test_not_adopted_fires if {
	r := rule.deny with input as {"city": {"id": "lisboa", "policies": [{"name": "open_data", "adopted": false, "default_license": "CC-BY-4.0"}]}}
	r == {{
		"resource": {"kind": "city", "id": "lisboa"},
		"field": "policy.open_data.adopted",
		"message": "city lisboa has an open_data policy that is not adopted (adopted = false)",
	}}
}

test_closed_license_fires if {
	r := rule.deny with input as {"city": {"id": "lisboa", "policies": [{"name": "open_data", "adopted": true, "default_license": "CC-BY-NC-4.0"}]}}
	r == {{
		"resource": {"kind": "city", "id": "lisboa"},
		"field": "policy.open_data.default_license",
		"message": "city lisboa's open_data policy has no open default licence (default_license = CC-BY-NC-4.0)",
	}}
}

test_unset_policy_fires_twice if {
	r := rule.deny with input as {"city": {"id": "lisboa", "policies": [{"name": "open_data"}]}}
	{f.field | some f in r} == {"policy.open_data.adopted", "policy.open_data.default_license"}
}

test_open_licenses_pass if {
	every l in ["CC0", "CC-BY-4.0", "ODbL", "OGL", "cc-by-4.0", "odbl"] {
		count(rule.deny) == 0 with input as {"city": {"id": "lisboa", "policies": [{"name": "open_data", "adopted": true, "default_license": l}]}}
	}
}

test_bid_without_city_passes if {
	count(rule.deny) == 0 with input as {"systems": [{"id": "acme", "vendor": "acme", "stage": "procurement"}]}
}
