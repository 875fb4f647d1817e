package citygate.rules.accessibility.accessibility_statement_test

import data.citygate.rules.accessibility.accessibility_statement as rule

eu := {"id": "lisboa", "jurisdictions": ["EU"]}

good := {
	"statement_url": "https://cm.example/acessibilidade",
	"feedback_url": "https://cm.example/feedback",
	"statement_reviewed": "2025-06-01",
}

portal(a) := {"id": "portal", "category": "web_service", "public_facing": true, "accessibility": a}

test_compliant_passes if {
	count(rule.deny) == 0 with input as {"city": eu, "systems": [portal(good)]}
}

test_no_statement_fires if {
	r := rule.deny with input as {"city": eu, "systems": [portal(object.remove(good, ["statement_url"]))]}
	r == {{
		"resource": {"kind": "system", "id": "portal"},
		"field": "accessibility.statement_url",
		"message": "public site portal has no accessibility statement (accessibility.statement_url)",
	}}
}

test_no_feedback_fires if {
	r := rule.deny with input as {"city": {"id": "london", "jurisdictions": ["UK"]}, "systems": [portal(object.remove(good, ["feedback_url"]))]}
	r == {{
		"resource": {"kind": "system", "id": "portal"},
		"field": "accessibility.feedback_url",
		"message": "public site portal has no accessibility feedback mechanism (accessibility.feedback_url)",
	}}
}

test_review_not_stated_fires if {
	r := rule.deny with input as {"city": eu, "systems": [portal(object.remove(good, ["statement_reviewed"]))]}
	r == {{
		"resource": {"kind": "system", "id": "portal"},
		"field": "accessibility.statement_reviewed",
		"message": "public site portal does not state when its accessibility statement was last reviewed (accessibility.statement_reviewed)",
	}}
}

test_review_exactly_12_months_passes if {
	count(rule.deny) == 0 with input as {"city": eu, "systems": [portal(object.union(good, {"statement_reviewed": "2025-01-01"}))]}
		with data.citygate.as_of as "2026-01-01"
}

test_review_12_months_and_a_day_fires if {
	r := rule.deny with input as {"city": eu, "systems": [portal(object.union(good, {"statement_reviewed": "2024-12-31"}))]}
		with data.citygate.as_of as "2026-01-01"
	r == {{
		"resource": {"kind": "system", "id": "portal"},
		"field": "accessibility.statement_reviewed",
		"message": "public site portal last reviewed its accessibility statement on 2024-12-31, more than 12 months ago",
	}}
}

test_nothing_stated_fires_statement_and_feedback if {
	count(rule.deny) == 2 with input as {"city": eu, "systems": [{"id": "app", "category": "mobile_app"}]}
}

test_public_facing_other_category_applies if {
	count(rule.deny) == 2 with input as {"city": eu, "systems": [{"id": "parking", "category": "iot", "public_facing": true}]}
}

test_non_eu_city_does_not_apply if {
	count(rule.deny) == 0 with input as {"city": {"id": "sf", "jurisdictions": ["US"]}, "systems": [portal({})]}
}

test_no_city_does_not_apply if {
	count(rule.deny) == 0 with input as {"systems": [portal({})]}
}

test_non_public_sites_do_not_apply if {
	count(rule.deny) == 0 with input as {"city": eu, "systems": [
		{"id": "intranet", "category": "web_service", "public_facing": false, "user_facing": true},
		{"id": "kiosk", "category": "kiosk", "public_facing": true},
		{"id": "dashboard", "category": "it", "user_facing": true},
		{"id": "private", "category": "web_service", "deployer": "private"},
		{"id": "signals", "category": "ot"},
	]}
}

test_not_in_service_does_not_apply if {
	count(rule.deny) == 0 with input as {"city": eu, "systems": [
		object.union(portal({}), {"stage": "proposed"}),
		object.union(portal({}), {"stage": "retired"}),
	]}
}
