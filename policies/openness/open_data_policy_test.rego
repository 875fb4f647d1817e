package citygate.rules.openness.open_data_policy_test

import data.citygate.rules.openness.open_data_policy as rule

city := {"kind": "city", "id": "lisboa"}

test_no_policy_is_not_stated if {
	r := rule.deny with input as {"city": {"id": "lisboa", "policies": [{"name": "dig_once", "adopted": true}]}}
	r == {{"resource": city, "field": "policy.open_data", "status": "not_stated"}}
}

test_no_policies_at_all_is_not_stated if {
	r := rule.deny with input as {"city": {"id": "lisboa"}}
	r == {{"resource": city, "field": "policy.open_data", "status": "not_stated"}}
}

test_not_adopted_fires if {
	r := rule.deny with input as {"city": {"id": "lisboa", "policies": [{"name": "open_data", "adopted": false, "default_license": "CC-BY-4.0"}]}}
	r == {{
		"resource": city,
		"field": "policy.open_data.adopted",
		"status": "fail",
		"template": "not_adopted",
		"args": {"id": "lisboa"},
	}}
}

test_closed_license_fires if {
	r := rule.deny with input as {"city": {"id": "lisboa", "policies": [{"name": "open_data", "adopted": true, "default_license": "CC-BY-NC-4.0"}]}}
	r == {{
		"resource": city,
		"field": "policy.open_data.default_license",
		"status": "fail",
		"template": "closed_license",
		"args": {"id": "lisboa", "license": "CC-BY-NC-4.0"},
	}}
}

test_adopted_absent_is_not_stated if {
	r := rule.deny with input as {"city": {"id": "lisboa", "policies": [{"name": "open_data", "default_license": "CC0"}]}}
	r == {{"resource": city, "field": "policy.open_data.adopted", "status": "not_stated"}}
}

test_license_absent_is_not_stated if {
	r := rule.deny with input as {"city": {"id": "lisboa", "policies": [{"name": "open_data", "adopted": true}]}}
	r == {{"resource": city, "field": "policy.open_data.default_license", "status": "not_stated"}}
}

test_empty_policy_is_not_stated_twice if {
	r := rule.deny with input as {"city": {"id": "lisboa", "policies": [{"name": "open_data"}]}}
	r == {
		{"resource": city, "field": "policy.open_data.adopted", "status": "not_stated"},
		{"resource": city, "field": "policy.open_data.default_license", "status": "not_stated"},
	}
}

test_open_licenses_pass if {
	every l in ["CC0", "CC-BY-4.0", "ODbL", "OGL", "cc-by-4.0", "odbl"] {
		count(rule.deny) == 0 with input as {"city": {"id": "lisboa", "policies": [{"name": "open_data", "adopted": true, "default_license": l}]}}
	}
}

test_applies_to_the_city if {
	rule.applies == {city} with input as {"city": {"id": "lisboa"}, "systems": [{"id": "lights"}]}
}

test_bid_without_city_not_applicable if {
	inp := {"systems": [{"id": "acme", "vendor": "acme", "stage": "procurement"}]}
	count(rule.applies) == 0 with input as inp
	count(rule.deny) == 0 with input as inp
}
