package citygate.rules.sustainability.independent_evidence_test

import data.citygate.rules.sustainability.independent_evidence as rule

sys(evidence) := {"id": "lights", "vendor": "acme", "stage": "procurement", "evidence": evidence}

test_no_evidence_fires if {
	r := rule.deny with input as {"systems": [sys({"iec62443": ["3-3"]})]}
	r == {{
		"resource": {"kind": "system", "id": "lights"},
		"field": "evidence.en303645_assessment",
		"message": "system lights from vendor acme has no independent security evidence (EN 303 645 assessment, IEC 62443-4-1/4-2, or a pentest within 12 months)",
	}}
}

test_no_evidence_block_fires if {
	count(rule.deny) == 1 with input as {"systems": [{"id": "lights", "vendor": "acme"}]}
}

test_stale_pentest_fires if {
	r := rule.deny with input as {"systems": [sys({"pentest_date": "2024-12-31"})]}
	r == {{
		"resource": {"kind": "system", "id": "lights"},
		"field": "evidence.pentest_date",
		"message": "system lights from vendor acme has no EN 303 645 or IEC 62443-4-1/4-2 evidence and its last pentest (2024-12-31) is older than 12 months",
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

test_not_applicable_passes if {
	count(rule.deny) == 0 with input as {"systems": [
		{"id": "in-house"},
		{"id": "old", "vendor": "acme", "stage": "retired"},
	]}
}
