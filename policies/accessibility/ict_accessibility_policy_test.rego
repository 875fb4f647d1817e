package citygate.rules.accessibility.ict_accessibility_policy_test

import data.citygate.rules.accessibility.ict_accessibility_policy as rule

lisboa := {"kind": "city", "id": "lisboa"}

city(policies) := {"id": "lisboa", "policies": policies}

adopted := {"name": "ict_accessibility", "adopted": true, "adopted_on": "2024-05-02", "url": "https://cm.example/ict-accessibility"}

test_adopted_policy_passes if {
	inv := {"city": city([adopted])}
	count(rule.deny) == 0 with input as inv
	rule.applies == {lisboa} with input as inv
}

test_policy_not_stated if {
	r := rule.deny with input as {"city": city([{"name": "open_data", "adopted": true}])}
	r == {{"resource": lisboa, "field": "policy.ict_accessibility", "status": "not_stated"}}
}

test_city_without_policies_not_stated if {
	r := rule.deny with input as {"city": {"id": "lisboa"}}
	r == {{"resource": lisboa, "field": "policy.ict_accessibility", "status": "not_stated"}}
}

test_adopted_not_stated if {
	r := rule.deny with input as {"city": city([object.remove(adopted, ["adopted"])])}
	r == {{"resource": lisboa, "field": "policy.ict_accessibility.adopted", "status": "not_stated"}}
}

test_not_adopted_fails if {
	r := rule.deny with input as {"city": city([object.union(adopted, {"adopted": false})])}
	r == {{
		"resource": lisboa,
		"field": "policy.ict_accessibility.adopted",
		"status": "fail",
		"template": "not_adopted",
		"args": {"id": "lisboa"},
	}}
}

test_bid_without_city_does_not_apply if {
	inv := {"systems": [{"id": "portal", "category": "web_service"}]}
	count(rule.applies) == 0 with input as inv
	count(rule.deny) == 0 with input as inv
}
