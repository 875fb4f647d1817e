package citygate.rules.privacy.pia_before_deployment_test

import data.citygate.rules.privacy.pia_before_deployment as rule

sys(extra) := object.union({"id": "portal", "data": {"personal": true}}, extra)

test_no_pia_fires if {
	r := rule.deny with input as {"systems": [sys({})]}
	r == {{
		"resource": {"kind": "system", "id": "portal"},
		"field": "assessment.pia.date",
		"message": "system portal processes personal data and has no completed PIA (assessment \"pia\")",
	}}
}

test_incomplete_pia_counts_as_none if {
	r := rule.deny with input as {"systems": [sys({"assessments": [{"kind": "pia", "date": "2025-06-01", "completed": false}]})]}
	r == {{
		"resource": {"kind": "system", "id": "portal"},
		"field": "assessment.pia.date",
		"message": "system portal processes personal data and has no completed PIA (assessment \"pia\")",
	}}
}

test_other_assessment_kind_is_not_pia if {
	r := rule.deny with input as {"systems": [sys({"assessments": [{"kind": "security_risk", "date": "2025-06-01"}]})]}
	count(r) == 1
}

test_undated_pia_fires if {
	r := rule.deny with input as {"systems": [sys({"assessments": [{"kind": "pia"}]})]}
	r == {{
		"resource": {"kind": "system", "id": "portal"},
		"field": "assessment.pia.date",
		"message": "system portal has a PIA with no date, so it cannot be shown to precede go-live",
	}}
}

test_pia_after_go_live_fires if {
	r := rule.deny with input as {"systems": [sys({"go_live": "2025-05-01", "assessments": [{"kind": "pia", "date": "2025-05-02"}]})]}
	r == {{
		"resource": {"kind": "system", "id": "portal"},
		"field": "assessment.pia.date",
		"message": "system portal has a PIA dated 2025-05-02, after go_live 2025-05-01",
	}}
}

test_pia_on_go_live_day_passes if {
	count(rule.deny) == 0 with input as {"systems": [sys({"go_live": "2025-05-01", "assessments": [{"kind": "pia", "date": "2025-05-01"}]})]}
}

test_pia_exactly_24_months_passes if {
	count(rule.deny) == 0 with input as {"systems": [sys({"assessments": [{"kind": "pia", "date": "2024-01-01"}]})]}
		with data.citygate.as_of as "2026-01-01"
}

test_pia_24_months_and_a_day_fires if {
	r := rule.deny with input as {"systems": [sys({"assessments": [{"kind": "pia", "date": "2023-12-31"}]})]}
		with data.citygate.as_of as "2026-01-01"
	r == {{
		"resource": {"kind": "system", "id": "portal"},
		"field": "assessment.pia.date",
		"message": "system portal has a PIA dated 2023-12-31, older than 24 months",
	}}
}

test_pia_max_age_is_a_param if {
	r := rule.deny with input as {"systems": [sys({"assessments": [{"kind": "pia", "date": "2025-06-01"}]})]}
		with data.citygate.params.pia_max_age_months as 6
	count(r) == 1
}

test_pia_before_major_change_fires if {
	r := rule.deny with input as {"systems": [sys({"last_major_change": "2025-03-01", "assessments": [{"kind": "pia", "date": "2025-02-28"}]})]}
	r == {{
		"resource": {"kind": "system", "id": "portal"},
		"field": "assessment.pia.date",
		"message": "system portal has a PIA dated 2025-02-28, older than its last major change on 2025-03-01",
	}}
}

test_pia_on_major_change_day_passes if {
	count(rule.deny) == 0 with input as {"systems": [sys({"last_major_change": "2025-03-01", "assessments": [{"kind": "pia", "date": "2025-03-01"}]})]}
}

test_compliant_passes if {
	count(rule.deny) == 0 with input as {"systems": [sys({
		"go_live": "2025-09-01",
		"last_major_change": "2025-01-01",
		"assessments": [{"kind": "pia", "date": "2025-06-01", "completed": true}],
	})]}
}

test_biometric_escalates_to_critical if {
	r := rule.deny with input as {"systems": [{"id": "cctv", "data": {"personal": true, "biometric": true}}]}
	r == {{
		"resource": {"kind": "system", "id": "cctv"},
		"field": "assessment.pia.date",
		"message": "system cctv processes personal data and has no completed PIA (assessment \"pia\")",
		"severity": "critical",
	}}
}

test_public_space_monitoring_escalates_to_critical if {
	r := rule.deny with input as {"systems": [{"id": "cctv", "data": {"personal": true, "public_space_monitoring": true}}]}
	some f in r
	f.severity == "critical"
}

test_non_personal_does_not_apply if {
	count(rule.deny) == 0 with input as {"systems": [
		{"id": "signals", "data": {"personal": false}},
		{"id": "sensor"},
	]}
}

test_retired_does_not_apply if {
	count(rule.deny) == 0 with input as {"systems": [sys({"stage": "retired"})]}
}

test_planned_system_without_pia_fires if {
	count(rule.deny) == 1 with input as {"systems": [sys({"stage": "proposed"})]}
}

# A system live for longer than the renewal period is judged on its
# current (renewed) PIA alone: its date after go_live is expected.
test_renewed_pia_of_long_running_system_passes if {
	count(rule.deny) == 0 with input as {"systems": [sys({"go_live": "2019-05-01", "assessments": [{"kind": "pia", "date": "2025-03-01"}]})]}
		with data.citygate.as_of as "2026-01-01"
}

test_go_live_exactly_at_renewal_period_still_checks_order if {
	count(rule.deny) == 1 with input as {"systems": [sys({"go_live": "2024-01-01", "assessments": [{"kind": "pia", "date": "2024-02-01"}]})]}
		with data.citygate.as_of as "2026-01-01"
}
