package citygate.rules.sustainability.lifecycle_funding_test

import data.citygate.rules.sustainability.lifecycle_funding as rule

lights := {"kind": "system", "id": "lights"}

signals := {"kind": "system", "id": "signals"}

test_before_support_end_fires if {
	r := rule.deny with input as {"systems": [{
		"id": "lights", "vendor": "acme", "stage": "procurement",
		"evidence": {"support_end": "2029-06-30"},
		"tco": {"opex_funded_until": "2028-12-31"},
	}]}
	r == {{
		"resource": lights,
		"field": "tco.opex_funded_until",
		"status": "fail",
		"template": "funded_before_end",
		"args": {"id": "lights", "funded": "2028-12-31", "field": "evidence.support_end", "end": "2029-06-30"},
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
		"resource": signals,
		"field": "tco.opex_funded_until",
		"status": "fail",
		"template": "funded_before_end",
		"args": {"id": "signals", "funded": "2029-12-31", "field": "planned_retirement", "end": "2032-12-31"},
	}}
}

test_between_ends_fires if {
	r := rule.deny with input as {"systems": [{
		"id": "signals",
		"planned_retirement": "2032-12-31",
		"software": {"support_end": "2030-06-30"},
		"tco": {"opex_funded_until": "2031-01-01"},
	}]}
	{[f.status, f.args.field] | some f in r} == {["fail", "planned_retirement"]}
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

test_funded_until_absent_on_vendor_system_is_not_stated if {
	r := rule.deny with input as {"systems": [{"id": "lights", "vendor": "acme", "planned_retirement": "2032-12-31"}]}
	r == {{"resource": lights, "field": "tco.opex_funded_until", "status": "not_stated"}}
}

test_no_end_date_is_not_stated if {
	r := rule.deny with input as {"systems": [{"id": "lights", "vendor": "acme", "tco": {"opex_funded_until": "2027-01-01"}}]}
	r == {{"resource": lights, "field": "planned_retirement", "status": "not_stated"}}
}

test_bare_vendor_system_is_not_stated_twice if {
	r := rule.deny with input as {"systems": [{"id": "lights", "vendor": "acme"}]}
	r == {
		{"resource": lights, "field": "tco.opex_funded_until", "status": "not_stated"},
		{"resource": lights, "field": "planned_retirement", "status": "not_stated"},
	}
}

test_applies_to_vendor_systems_and_funded_systems if {
	inp := {"systems": [
		{"id": "lights", "vendor": "acme"},
		{"id": "signals", "tco": {"opex_funded_until": "2030-01-01"}, "planned_retirement": "2029-01-01"},
		{"id": "in-house"},
		{"id": "old", "vendor": "acme", "stage": "retired", "planned_retirement": "2030-01-01", "tco": {"opex_funded_until": "2025-01-01"}},
	]}
	rule.applies == {lights, signals} with input as inp
	{f.resource | some f in rule.deny} == {lights} with input as inp
}
