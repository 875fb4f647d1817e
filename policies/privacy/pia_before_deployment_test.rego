package citygate.rules.privacy.pia_before_deployment_test

import data.citygate.rules.privacy.pia_before_deployment as rule

sys(extra) := object.union({"id": "portal", "data": {"personal": true}}, extra)

portal := {"kind": "system", "id": "portal"}

fail(template, args) := {
	"resource": portal, "field": "assessment.pia.date", "status": "fail",
	"template": template, "args": object.union({"id": "portal"}, args),
}

test_no_pia_fires if {
	r := rule.deny with input as {"systems": [sys({})]}
	r == {fail("none", {})}
}

test_incomplete_pia_counts_as_none if {
	r := rule.deny with input as {"systems": [sys({"assessments": [{"kind": "pia", "date": "2025-06-01", "completed": false}]})]}
	r == {fail("none", {})}
}

test_other_assessment_kind_is_not_pia if {
	r := rule.deny with input as {"systems": [sys({"assessments": [{"kind": "security_risk", "date": "2025-06-01"}]})]}
	r == {fail("none", {})}
}

test_undated_pia_is_not_stated if {
	r := rule.deny with input as {"systems": [sys({"assessments": [{"kind": "pia"}]})]}
	r == {{"resource": portal, "field": "assessment.pia.date", "status": "not_stated"}}
}

test_undated_pia_beside_dated_one_passes if {
	count(rule.deny) == 0 with input as {"systems": [sys({"go_live": "2025-07-01", "assessments": [{"kind": "pia"}, {"kind": "pia", "date": "2025-06-01"}]})]}
}

test_pia_after_go_live_fires if {
	r := rule.deny with input as {"systems": [sys({"go_live": "2025-05-01", "assessments": [{"kind": "pia", "date": "2025-05-02"}]})]}
	r == {fail("after_go_live", {"date": "2025-05-02", "go_live": "2025-05-01"})}
}

test_renewal_after_go_live_beside_earlier_pia_passes if {
	count(rule.deny) == 0 with input as {"systems": [sys({"go_live": "2025-05-01", "assessments": [
		{"kind": "pia", "date": "2025-04-01"},
		{"kind": "pia", "date": "2025-10-01"},
	]})]}
}

test_pia_on_go_live_day_passes if {
	count(rule.deny) == 0 with input as {"systems": [sys({"go_live": "2025-05-01", "assessments": [{"kind": "pia", "date": "2025-05-01"}]})]}
}

test_in_service_without_go_live_is_not_stated if {
	r := rule.deny with input as {"systems": [sys({"stage": "pilot", "assessments": [{"kind": "pia", "date": "2025-05-01"}]})]}
	r == {{"resource": portal, "field": "go_live", "status": "not_stated"}}
	count(rule.deny) == 1 with input as {"systems": [sys({"assessments": [{"kind": "pia", "date": "2025-05-01"}]})]}
}

test_planned_without_go_live_passes if {
	count(rule.deny) == 0 with input as {"systems": [sys({"stage": "procurement", "go_live": null, "last_major_change": null, "assessments": [{"kind": "pia", "date": "2025-05-01"}]})]}
}

test_pia_exactly_24_months_passes if {
	count(rule.deny) == 0 with input as {"systems": [sys({"go_live": "2023-01-01", "assessments": [{"kind": "pia", "date": "2024-01-01"}]})]}
		with data.citygate.as_of as "2026-01-01"
}

test_pia_24_months_and_a_day_fires if {
	r := rule.deny with input as {"systems": [sys({"go_live": "2023-01-01", "assessments": [{"kind": "pia", "date": "2023-12-31"}]})]}
		with data.citygate.as_of as "2026-01-01"
	r == {fail("too_old", {"date": "2023-12-31", "months": 24})}
}

test_age_is_judged_on_the_latest_pia if {
	count(rule.deny) == 0 with input as {"systems": [sys({"go_live": "2019-01-01", "assessments": [
		{"kind": "pia", "date": "2018-12-01"},
		{"kind": "pia", "date": "2025-06-01"},
	]})]}
		with data.citygate.as_of as "2026-01-01"
}

test_pia_max_age_is_a_param if {
	r := rule.deny with input as {"systems": [sys({"go_live": "2025-07-01", "assessments": [{"kind": "pia", "date": "2025-06-01"}]})]}
		with data.citygate.params.pia_max_age_months as 6
	r == {fail("too_old", {"date": "2025-06-01", "months": 6})}
}

test_pia_before_major_change_fires if {
	r := rule.deny with input as {"systems": [sys({"go_live": "2025-01-01", "last_major_change": "2025-03-01", "assessments": [{"kind": "pia", "date": "2024-12-28"}]})]}
	r == {fail("before_change", {"date": "2024-12-28", "changed": "2025-03-01"})}
}

test_pia_on_major_change_day_passes if {
	count(rule.deny) == 0 with input as {"systems": [sys({"go_live": "2025-03-01", "last_major_change": "2025-03-01", "assessments": [{"kind": "pia", "date": "2025-03-01"}]})]}
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
		"status": "fail",
		"template": "none",
		"args": {"id": "cctv"},
		"severity": "critical",
	}}
}

test_public_space_monitoring_escalates_not_stated_to_critical if {
	r := rule.deny with input as {"systems": [{"id": "cctv", "category": "iot", "data": {"public_space_monitoring": true}}]}
	r == {{"resource": {"kind": "system", "id": "cctv"}, "field": "data.personal", "status": "not_stated", "severity": "critical"}}
}

test_personal_not_stated if {
	r := rule.deny with input as {"systems": [{"id": "cam", "category": "iot"}, {"id": "kiosk", "category": "kiosk", "data": {"kind": "video"}}]}
	r == {
		{"resource": {"kind": "system", "id": "cam"}, "field": "data.personal", "status": "not_stated"},
		{"resource": {"kind": "system", "id": "kiosk"}, "field": "data.personal", "status": "not_stated"},
	}
}

test_applies if {
	a := rule.applies with input as {"systems": [
		sys({}),
		{"id": "cam", "category": "iot"},
		{"id": "signals", "category": "iot", "data": {"personal": false}},
		{"id": "switch", "category": "network"},
		{"id": "old", "stage": "retired", "data": {"personal": true}},
	]}
	a == {portal, {"kind": "system", "id": "cam"}}
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
	r := rule.deny with input as {"systems": [sys({"stage": "proposed"})]}
	r == {fail("none", {})}
}

# A system live for longer than the renewal period is judged on its
# current (renewed) PIA alone: its date after go_live is expected.
test_renewed_pia_of_long_running_system_passes if {
	count(rule.deny) == 0 with input as {"systems": [sys({"go_live": "2019-05-01", "assessments": [{"kind": "pia", "date": "2025-03-01"}]})]}
		with data.citygate.as_of as "2026-01-01"
}

test_go_live_exactly_at_renewal_period_still_checks_order if {
	r := rule.deny with input as {"systems": [sys({"go_live": "2024-01-01", "assessments": [{"kind": "pia", "date": "2024-02-01"}]})]}
		with data.citygate.as_of as "2026-01-01"
	r == {fail("after_go_live", {"date": "2024-02-01", "go_live": "2024-01-01"})}
}
