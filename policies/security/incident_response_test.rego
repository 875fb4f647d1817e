package citygate.rules.security.incident_response_test

import data.citygate.rules.security.incident_response as rule

vendor_systems := [{"id": "lights", "vendor": "acme"}, {"id": "cams", "vendor": "bolt"}, {"id": "lights2", "vendor": "acme"}]

lisboa := {"kind": "city", "id": "lisboa"}

city(ir) := {"city": {"id": "lisboa", "incident_response": ir}, "systems": vendor_systems}

test_compliant_passes if {
	count(rule.deny) == 0 with input as city({"last_exercise": "2025-06-02", "vendors_included": true})
}

test_not_applicable_passes if {
	# no city block
	count(rule.deny) == 0 with input as {"systems": vendor_systems}
	count(rule.applies) == 0 with input as {"systems": vendor_systems}
}

test_no_vendor_systems_needs_no_vendors_included if {
	# only in-house or retired vendor systems
	inp := {
		"city": {"id": "lisboa", "incident_response": {"last_exercise": "2025-06-02"}},
		"systems": [{"id": "own"}, {"id": "old", "vendor": "acme", "stage": "retired"}],
	}
	count(rule.deny) == 0 with input as inp
	rule.applies == {lisboa} with input as inp

	# nor can it leave vendors out
	count(rule.deny) == 0 with input as object.union(inp, {"city": {"incident_response": {"vendors_included": false}}})
}

test_never_exercised_is_not_stated if {
	r := rule.deny with input as city({"plan": true, "vendors_included": true})
	r == {{"resource": lisboa, "field": "incident_response.last_exercise", "status": "not_stated"}}
}

test_old_exercise_fires if {
	r := rule.deny with input as city({"last_exercise": "2024-12-01", "vendors_included": true})
	r == {{
		"resource": lisboa,
		"field": "incident_response.last_exercise",
		"status": "fail",
		"template": "old_exercise",
		"args": {"id": "lisboa", "exercised": "2024-12-01", "months": 12},
	}}
}

test_twelve_month_boundary if {
	inp := city({"last_exercise": "2025-01-01", "vendors_included": true})
	count(rule.deny) == 0 with input as inp with data.citygate.as_of as "2026-01-01"
	count(rule.deny) == 1 with input as inp with data.citygate.as_of as "2026-01-02"
}

test_vendors_left_out_fires if {
	r := rule.deny with input as city({"last_exercise": "2025-06-02", "vendors_included": false})
	r == {{
		"resource": lisboa,
		"field": "incident_response.vendors_included",
		"status": "fail",
		"template": "vendors_left_out",
		"args": {"id": "lisboa", "vendors": "acme, bolt"},
	}}
}

test_vendors_included_absent_is_not_stated if {
	r := rule.deny with input as city({"last_exercise": "2025-06-02"})
	r == {{"resource": lisboa, "field": "incident_response.vendors_included", "status": "not_stated"}}
}

test_no_incident_response_block_is_not_stated_twice if {
	r := rule.deny with input as {"city": {"id": "lisboa"}, "systems": vendor_systems}
	r == {
		{"resource": lisboa, "field": "incident_response.last_exercise", "status": "not_stated"},
		{"resource": lisboa, "field": "incident_response.vendors_included", "status": "not_stated"},
	}
}
