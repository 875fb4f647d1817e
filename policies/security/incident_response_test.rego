package citygate.rules.security.incident_response_test

import data.citygate.rules.security.incident_response as rule

vendor_systems := [{"id": "lights", "vendor": "acme"}, {"id": "cams", "vendor": "bolt"}, {"id": "lights2", "vendor": "acme"}]

city(ir) := {"city": {"id": "lisboa", "incident_response": ir}, "systems": vendor_systems}

test_compliant_passes if {
	count(rule.deny) == 0 with input as city({"last_exercise": "2025-06-02", "vendors_included": true})
}

test_not_applicable_passes if {
	# no city block
	count(rule.deny) == 0 with input as {"systems": vendor_systems}

	# no vendor systems (only in-house or retired ones)
	count(rule.deny) == 0 with input as {
		"city": {"id": "lisboa", "incident_response": {"last_exercise": "2025-06-02"}},
		"systems": [{"id": "own"}, {"id": "old", "vendor": "acme", "stage": "retired"}],
	}
}

test_never_exercised_fires if {
	r := rule.deny with input as city({"plan": true, "vendors_included": true})
	r == {{
		"resource": {"kind": "city", "id": "lisboa"},
		"field": "incident_response.last_exercise",
		"message": "city lisboa states no incident response exercise (incident_response.last_exercise is not set)",
	}}
}

test_old_exercise_fires if {
	r := rule.deny with input as city({"last_exercise": "2024-12-01", "vendors_included": true})
	r == {{
		"resource": {"kind": "city", "id": "lisboa"},
		"field": "incident_response.last_exercise",
		"message": "city lisboa last exercised incident response on 2024-12-01, more than 12 months ago",
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
		"resource": {"kind": "city", "id": "lisboa"},
		"field": "incident_response.vendors_included",
		"message": "city lisboa leaves its vendors (acme, bolt) out of incident response exercises (incident_response.vendors_included is not true)",
	}}
}

test_no_incident_response_block_fires_twice if {
	count(rule.deny) == 2 with input as {"city": {"id": "lisboa"}, "systems": vendor_systems}
}
