package citygate.rules.security.support_period_test

import data.citygate.rules.security.support_period as rule

sys(software) := {"systems": [{"id": "signals", "planned_retirement": "2032-12-31", "software": software}]}

test_compliant_passes if {
	count(rule.deny) == 0 with input as sys({"support_end": "2033-01-01"})
	count(rule.deny) == 0 with input as {"systems": [
		{"id": "app", "software": {"support_end": "2030-01-01"}},
		{"id": "bid", "stage": "procurement", "vendor": "acme", "evidence": {"support_end": "2029-06-30"}},
	]}
}

test_support_end_equal_to_retirement_passes if {
	count(rule.deny) == 0 with input as sys({"support_end": "2032-12-31"})
}

test_retired_passes if {
	count(rule.deny) == 0 with input as {"systems": [{"id": "old", "stage": "retired", "software": {"support_end": "2020-01-01"}}]}
}

test_missing_fires if {
	r := rule.deny with input as sys({"signed_updates": true})
	r == {{
		"resource": {"kind": "system", "id": "signals"},
		"field": "software.support_end",
		"message": "system signals states no security support end (software.support_end is not set)",
	}}
}

test_bid_missing_fires_on_evidence if {
	r := rule.deny with input as {"systems": [{"id": "bid", "stage": "procurement", "vendor": "acme"}]}
	r == {{
		"resource": {"kind": "system", "id": "bid"},
		"field": "evidence.support_end",
		"message": "system bid states no security support end (evidence.support_end is not set)",
	}}
}

test_non_bid_ignores_evidence if {
	r := rule.deny with input as {"systems": [{"id": "cam", "evidence": {"support_end": "2030-01-01"}}]}
	[f.field | some f in r] == ["software.support_end"]
}

test_before_retirement_fires_high if {
	r := rule.deny with input as sys({"support_end": "2030-06-30"})
	r == {{
		"resource": {"kind": "system", "id": "signals"},
		"field": "software.support_end",
		"message": "system signals loses security support on 2030-06-30, before its planned retirement on 2032-12-31 (software.support_end)",
	}}
}

test_expired_fires_critical if {
	r := rule.deny with input as sys({"support_end": "2025-12-31"})
	r == {{
		"resource": {"kind": "system", "id": "signals"},
		"field": "software.support_end",
		"message": "system signals is out of security support since 2025-12-31 (software.support_end)",
		"severity": "critical",
	}}
}

test_bid_expired_evidence_fires_critical if {
	r := rule.deny with input as {"systems": [{"id": "bid", "stage": "procurement", "vendor": "acme", "evidence": {"support_end": "2024-01-01"}}]}
	r == {{
		"resource": {"kind": "system", "id": "bid"},
		"field": "evidence.support_end",
		"message": "system bid is out of security support since 2024-01-01 (evidence.support_end)",
		"severity": "critical",
	}}
}

test_support_ending_on_as_of_is_not_past if {
	count(rule.deny) == 0 with input as {"systems": [{"id": "app", "software": {"support_end": "2026-01-01"}}]} with data.citygate.as_of as "2026-01-01"
	count(rule.deny) == 1 with input as {"systems": [{"id": "app", "software": {"support_end": "2026-01-01"}}]} with data.citygate.as_of as "2026-01-02"
}
