package citygate.rules.openness.open_data_lead_test

import data.citygate.rules.openness.open_data_lead as rule

city := {"kind": "city", "id": "lisboa"}

lead := {"name": "open_data_lead", "holder": "Ana Costa"}

policy(date) := {"name": "open_data", "adopted": true, "default_license": "CC-BY-4.0", "last_quality_assessment": date}

test_compliant_passes if {
	count(rule.deny) == 0 with input as {"city": {"id": "lisboa", "roles": [lead], "policies": [policy("2025-03-01")]}}
}

test_twelve_months_boundary if {
	# Unit tests run at 2026-01-01: exactly 12 months ago is not older.
	count(rule.deny) == 0 with input as {"city": {"id": "lisboa", "roles": [lead], "policies": [policy("2025-01-01")]}}
}

test_old_assessment_fires if {
	r := rule.deny with input as {"city": {"id": "lisboa", "roles": [lead], "policies": [policy("2024-12-31")]}}
	r == {{
		"resource": city,
		"field": "policy.open_data.last_quality_assessment",
		"status": "fail",
		"template": "quality_assessment_old",
		"args": {"id": "lisboa", "date": "2024-12-31", "months": 12},
	}}
}

test_no_lead_is_not_stated if {
	r := rule.deny with input as {"city": {"id": "lisboa", "roles": [{"name": "privacy_officer", "holder": "B"}], "policies": [policy("2025-06-01")]}}
	r == {{"resource": city, "field": "role.open_data_lead", "status": "not_stated"}}
}

test_lead_without_holder_is_not_stated if {
	r := rule.deny with input as {"city": {"id": "lisboa", "roles": [{"name": "open_data_lead", "title": "CDO"}], "policies": [policy("2025-06-01")]}}
	r == {{"resource": city, "field": "role.open_data_lead.holder", "status": "not_stated"}}
}

test_assessment_date_absent_is_not_stated if {
	r := rule.deny with input as {"city": {"id": "lisboa", "roles": [lead], "policies": [{"name": "open_data", "adopted": true}]}}
	r == {{"resource": city, "field": "policy.open_data.last_quality_assessment", "status": "not_stated"}}
}

test_bare_city_is_not_stated_twice if {
	r := rule.deny with input as {"city": {"id": "lisboa"}}
	r == {
		{"resource": city, "field": "role.open_data_lead", "status": "not_stated"},
		{"resource": city, "field": "policy.open_data.last_quality_assessment", "status": "not_stated"},
	}
}

test_applies_to_the_city_only if {
	rule.applies == {city} with input as {"city": {"id": "lisboa"}, "systems": [{"id": "lights"}]}
	count(rule.applies) == 0 with input as {"systems": [{"id": "lights", "vendor": "acme"}]}
	count(rule.deny) == 0 with input as {"systems": [{"id": "lights", "vendor": "acme"}]}
}
