package citygate.rules.sustainability.lifecycle_funding_test

import data.citygate.rules.sustainability.lifecycle_funding as rule

test_before_support_end_fires if {
	r := rule.deny with input as {"systems": [{
		"id": "lights", "vendor": "acme", "stage": "procurement",
		"evidence": {"support_end": "2029-06-30"},
		"tco": {"opex_funded_until": "2028-12-31"},
	}]}
	r == {{
		"resource": {"kind": "system", "id": "lights"},
		"field": "tco.opex_funded_until",
		"message": "system lights funds operating costs until 2028-12-31, before its evidence.support_end of 2029-06-30",
	}}
}

test_latest_end_is_named if {
	r := rule.deny with input as {"systems": [{
		"id": "signals",
		"planned_retirement": "2032-12-31",
		"software": {"support_end": "2030-06-30"},
		"tco": {"opex_funded_until": "2029-12-31"},
	}]}
	r == {{
		"resource": {"kind": "system", "id": "signals"},
		"field": "tco.opex_funded_until",
		"message": "system signals funds operating costs until 2029-12-31, before its planned_retirement of 2032-12-31",
	}}
}

test_between_ends_fires if {
	count(rule.deny) == 1 with input as {"systems": [{
		"id": "signals",
		"planned_retirement": "2032-12-31",
		"software": {"support_end": "2030-06-30"},
		"tco": {"opex_funded_until": "2031-01-01"},
	}]}
}

test_unset_on_vendor_system_fires if {
	r := rule.deny with input as {"systems": [{"id": "lights", "vendor": "acme", "planned_retirement": "2032-12-31"}]}
	r == {{
		"resource": {"kind": "system", "id": "lights"},
		"field": "tco.opex_funded_until",
		"message": "system lights from vendor acme states no tco.opex_funded_until",
	}}
}

test_boundary_same_day_passes if {
	count(rule.deny) == 0 with input as {"systems": [{
		"id": "signals",
		"planned_retirement": "2032-12-31",
		"software": {"support_end": "2030-06-30"},
		"tco": {"opex_funded_until": "2032-12-31"},
	}]}
	count(rule.deny) == 1 with input as {"systems": [{
		"id": "signals",
		"planned_retirement": "2032-12-31",
		"tco": {"opex_funded_until": "2032-12-30"},
	}]}
}

test_not_applicable_passes if {
	count(rule.deny) == 0 with input as {"systems": [
		{"id": "in-house"},
		{"id": "no-ends", "vendor": "acme", "tco": {"opex_funded_until": "2027-01-01"}},
		{"id": "old", "vendor": "acme", "stage": "retired", "planned_retirement": "2030-01-01", "tco": {"opex_funded_until": "2025-01-01"}},
	]}
}
