package citygate.rules.security.cyber_plan_review_test

import data.citygate.rules.security.cyber_plan_review as rule

city(plan) := {"city": {"id": "lisboa", "cyber_plan": plan}}

test_recent_review_passes if {
	count(rule.deny) == 0 with input as city({"last_exec_review": "2025-03-10"})
}

test_no_city_passes if {
	count(rule.deny) == 0 with input as {"systems": [{"id": "bid", "stage": "procurement", "vendor": "acme"}]}
}

test_missing_review_fires if {
	r := rule.deny with input as city({"url": "https://cm.example/plan"})
	r == {{
		"resource": {"kind": "city", "id": "lisboa"},
		"field": "cyber_plan.last_exec_review",
		"message": "city lisboa states no executive review of its cyber plan (cyber_plan.last_exec_review is not set)",
	}}
}

test_missing_plan_fires if {
	r := rule.deny with input as {"city": {"id": "lisboa"}}
	count(r) == 1
}

test_old_review_fires if {
	r := rule.deny with input as city({"last_exec_review": "2024-12-31"})
	r == {{
		"resource": {"kind": "city", "id": "lisboa"},
		"field": "cyber_plan.last_exec_review",
		"message": "city lisboa last had its cyber plan reviewed by the executive on 2024-12-31, more than 12 months ago",
	}}
}

test_exactly_twelve_months_passes if {
	count(rule.deny) == 0 with input as city({"last_exec_review": "2025-01-01"}) with data.citygate.as_of as "2026-01-01"
}

test_twelve_months_and_a_day_fires if {
	count(rule.deny) == 1 with input as city({"last_exec_review": "2025-01-01"}) with data.citygate.as_of as "2026-01-02"
}
