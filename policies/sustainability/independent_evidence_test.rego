package citygate.rules.sustainability.independent_evidence_test

import data.citygate.rules.sustainability.independent_evidence as rule

sys(evidence) := {"id": "lights", "vendor": "acme", "stage": "procurement", "evidence": evidence}

lights := {"kind": "system", "id": "lights"}

test_unqualified_evidence_fires if {
	r := rule.deny with input as {"systems": [sys({"iec62443": ["3-3"]})]}
	r == {{
		"resource": lights,
		"field": "evidence.en303645_assessment",
		"status": "fail",
		"template": "no_evidence",
		"args": {"id": "lights", "vendor": "acme", "months": 12},
	}}
}

test_no_evidence_is_not_stated if {
	r := rule.deny with input as {"systems": [{"id": "lights", "vendor": "acme"}]}
	r == {{"resource": lights, "field": "evidence.en303645_assessment", "status": "not_stated"}}
	r2 := rule.deny with input as {"systems": [sys({"sbom": "spdx"})]}
	r2 == r
}

test_stale_pentest_fires if {
	r := rule.deny with input as {"systems": [sys({"pentest_date": "2024-12-31"})]}
	r == {{
		"resource": lights,
		"field": "evidence.pentest_date",
		"status": "fail",
		"template": "stale_pentest",
		"args": {"id": "lights", "vendor": "acme", "date": "2024-12-31", "months": 12},
	}}
}

test_pentest_boundary if {
	count(rule.deny) == 0 with input as {"systems": [sys({"pentest_date": "2025-01-01"})]}
	count(rule.deny) == 1 with input as {"systems": [sys({"pentest_date": "2025-01-01"})]}
		with data.citygate.as_of as "2026-01-02"
}

test_any_evidence_passes if {
	count(rule.deny) == 0 with input as {"systems": [sys({"en303645_assessment": "TS 103 701 report, 2025-01"})]}
	count(rule.deny) == 0 with input as {"systems": [sys({"iec62443": ["4-1"]})]}
	count(rule.deny) == 0 with input as {"systems": [sys({"iec62443": ["3-3", "4-2"], "pentest_date": "2020-01-01"})]}
	count(rule.deny) == 0 with input as {"systems": [sys({"pentest_date": "2025-09-01"})]}
}

test_applies_to_active_vendor_systems if {
	inp := {"systems": [
		sys({"iec62443": ["4-2"]}),
		{"id": "in-house"},
		{"id": "old", "vendor": "acme", "stage": "retired"},
	]}
	rule.applies == {lights} with input as inp
	count(rule.deny) == 0 with input as inp
}
