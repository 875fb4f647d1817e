package citygate.rules.accessibility.accessibility_statement_test

import data.citygate.rules.accessibility.accessibility_statement as rule

eu := {"id": "lisboa", "jurisdictions": ["EU"]}

good := {
	"statement_url": "https://cm.example/acessibilidade",
	"feedback_url": "https://cm.example/feedback",
	"statement_reviewed": "2025-06-01",
}

portal(a) := {"id": "portal", "category": "web_service", "public_facing": true, "accessibility": a}

site := {"kind": "system", "id": "portal"}

test_compliant_passes if {
	inv := {"city": eu, "systems": [portal(good)]}
	count(rule.deny) == 0 with input as inv
	rule.applies == {site} with input as inv
}

test_statement_not_stated if {
	r := rule.deny with input as {"city": eu, "systems": [portal(object.remove(good, ["statement_url"]))]}
	r == {{"resource": site, "field": "accessibility.statement_url", "status": "not_stated"}}
}

test_feedback_not_stated if {
	r := rule.deny with input as {"city": {"id": "london", "jurisdictions": ["UK"]}, "systems": [portal(object.remove(good, ["feedback_url"]))]}
	r == {{"resource": site, "field": "accessibility.feedback_url", "status": "not_stated"}}
}

test_review_not_stated if {
	r := rule.deny with input as {"city": eu, "systems": [portal(object.remove(good, ["statement_reviewed"]))]}
	r == {{"resource": site, "field": "accessibility.statement_reviewed", "status": "not_stated"}}
}

test_review_exactly_12_months_passes if {
	count(rule.deny) == 0 with input as {"city": eu, "systems": [portal(object.union(good, {"statement_reviewed": "2025-01-01"}))]}
		with data.citygate.as_of as "2026-01-01"
}

test_review_12_months_and_a_day_fires if {
	r := rule.deny with input as {"city": eu, "systems": [portal(object.union(good, {"statement_reviewed": "2024-12-31"}))]}
		with data.citygate.as_of as "2026-01-01"
	r == {{
		"resource": site,
		"field": "accessibility.statement_reviewed",
		"status": "fail",
		"template": "review_stale",
		"args": {"id": "portal", "date": "2024-12-31", "months": 12},
	}}
}

test_review_interval_is_a_param if {
	r := rule.deny with input as {"city": eu, "systems": [portal(good)]}
		with data.citygate.params.accessibility_statement_review_months as 3
	r == {{
		"resource": site,
		"field": "accessibility.statement_reviewed",
		"status": "fail",
		"template": "review_stale",
		"args": {"id": "portal", "date": "2025-06-01", "months": 3},
	}}
}

# The guard on statement_url (issue 19): an old review date on a site with
# no statement is not judged; only the missing statement is reported.
test_stale_review_without_statement_reports_only_the_statement if {
	r := rule.deny with input as {"city": eu, "systems": [portal(object.union(
		object.remove(good, ["statement_url"]),
		{"statement_reviewed": "2020-01-01"},
	))]}
	r == {{"resource": site, "field": "accessibility.statement_url", "status": "not_stated"}}
}

test_nothing_stated_is_statement_and_feedback if {
	r := rule.deny with input as {"city": eu, "systems": [{"id": "app", "category": "mobile_app"}]}
	r == {
		{"resource": {"kind": "system", "id": "app"}, "field": "accessibility.statement_url", "status": "not_stated"},
		{"resource": {"kind": "system", "id": "app"}, "field": "accessibility.feedback_url", "status": "not_stated"},
	}
}

test_public_facing_other_category_applies if {
	inv := {"city": eu, "systems": [{"id": "parking", "category": "iot", "public_facing": true}]}
	rule.applies == {{"kind": "system", "id": "parking"}} with input as inv
	count(rule.deny) == 2 with input as inv
}

# The jurisdiction is the engine's filter (profiles eu, uk): the rule itself
# does not read the city.
test_no_city_still_applies if {
	inv := {"systems": [portal({})]}
	rule.applies == {site} with input as inv
	count(rule.deny) == 2 with input as inv
}

test_non_public_sites_do_not_apply if {
	inv := {"city": eu, "systems": [
		{"id": "intranet", "category": "web_service", "public_facing": false, "user_facing": true},
		{"id": "kiosk", "category": "kiosk", "public_facing": true},
		{"id": "dashboard", "category": "it", "user_facing": true},
		{"id": "private", "category": "web_service", "deployer": "private"},
		{"id": "signals", "category": "ot"},
	]}
	count(rule.applies) == 0 with input as inv
	count(rule.deny) == 0 with input as inv
}

test_not_in_service_does_not_apply if {
	inv := {"city": eu, "systems": [
		object.union(portal({}), {"stage": "proposed"}),
		object.union(portal({}), {"stage": "retired"}),
	]}
	count(rule.applies) == 0 with input as inv
	count(rule.deny) == 0 with input as inv
}
