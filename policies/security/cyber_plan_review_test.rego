package citygate.rules.security.cyber_plan_review_test

import data.citygate.rules.security.cyber_plan_review as rule

city(plan) := {"city": {"id": "lisboa", "cyber_plan": plan}}

lisboa := {"kind": "city", "id": "lisboa"}

not_stated := {{"resource": lisboa, "field": "cyber_plan.last_exec_review", "status": "not_stated"}}

test_applies_to_the_city if {
	rule.applies == {lisboa} with input as city({"last_exec_review": "2025-03-10"})
}

test_no_city_not_applicable if {
	inp := {"systems": [{"id": "bid", "stage": "procurement", "vendor": "acme"}]}
	count(rule.applies) == 0 with input as inp
	count(rule.deny) == 0 with input as inp
}

test_recent_review_passes if {
	count(rule.deny) == 0 with input as city({"last_exec_review": "2025-03-10"})
}

test_missing_review_not_stated if {
	r := rule.deny with input as city({"url": "https://cm.example/plan"})
	r == not_stated
}

test_null_review_not_stated if {
	r := rule.deny with input as city({"last_exec_review": null})
	r == not_stated
}

test_missing_plan_not_stated if {
	r := rule.deny with input as {"city": {"id": "lisboa"}}
	r == not_stated
}

test_old_review_fails if {
	r := rule.deny with input as city({"last_exec_review": "2024-12-31"})
	r == {{
		"resource": lisboa,
		"field": "cyber_plan.last_exec_review",
		"status": "fail",
		"template": "review_too_old",
		"args": {"id": "lisboa", "reviewed": "2024-12-31", "months": 12},
	}}
}

test_exactly_twelve_months_passes if {
	count(rule.deny) == 0 with input as city({"last_exec_review": "2025-01-01"}) with data.citygate.as_of as "2026-01-01"
}

test_twelve_months_and_a_day_fails if {
	count(rule.deny) == 1 with input as city({"last_exec_review": "2025-01-01"}) with data.citygate.as_of as "2026-01-02"
}

# Every result names a resource the rule applies to.
test_every_result_is_applicable if {
	inp := {"city": {"id": "lisboa", "cyber_plan": {"last_exec_review": "2020-01-01"}}}
	results := rule.deny with input as inp
	applicable := rule.applies with input as inp
	count(results) > 0
	every f in results {
		f.resource in applicable
	}
}
