package citygate.rules.security.risk_assessment_test

import data.citygate.rules.security.risk_assessment as rule

signals := {"kind": "system", "id": "signals"}

sys(extra, assessment) := {"systems": [object.union(
	{"id": "signals", "go_live": "2025-03-01", "assessments": [assessment]},
	extra,
)]}

test_compliant_passes if {
	count(rule.deny) == 0 with input as sys({}, {"kind": "security_risk", "date": "2025-02-01"})
	count(rule.deny) == 0 with input as sys({}, {"kind": "security_risk", "date": "2025-03-01", "completed": true})
}

test_old_system_with_renewed_assessment_passes if {
	# live since 2019: a current assessment necessarily post-dates go-live
	count(rule.deny) == 0 with input as sys({"go_live": "2019-05-01"}, {"kind": "security_risk", "date": "2024-11-05"})
}

test_bid_passes if {
	count(rule.deny) == 0 with input as sys({"stage": "procurement", "vendor": "acme", "go_live": "2024-01-01"}, {"kind": "security_risk", "date": "2025-06-01"})
}

test_retired_passes if {
	count(rule.deny) == 0 with input as {"systems": [{"id": "old", "stage": "retired"}]}
}

test_applies_to_active_systems if {
	inp := {"systems": [
		{"id": "signals", "go_live": "2025-03-01", "assessments": [{"kind": "security_risk", "date": "2025-02-01"}]},
		{"id": "plan", "stage": "proposed", "assessments": [{"kind": "security_risk", "date": "2025-02-01"}]},
		{"id": "old", "stage": "retired"},
	]}
	rule.applies == {signals, {"kind": "system", "id": "plan"}} with input as inp
	count(rule.deny) == 0 with input as inp
}

test_go_live_absent_in_service_is_not_stated if {
	r := rule.deny with input as {"systems": [{"id": "signals", "stage": "pilot", "assessments": [{"kind": "security_risk", "date": "2025-02-01"}]}]}
	r == {{"resource": signals, "field": "go_live", "status": "not_stated"}}

	# not before a date it can be compared with, nor for a bid or a proposal
	count(rule.deny) == 1 with input as {"systems": [{"id": "signals", "assessments": [{"kind": "security_risk"}]}]}
	count(rule.deny) == 0 with input as {"systems": [{"id": "bid", "stage": "procurement", "vendor": "acme", "assessments": [{"kind": "security_risk", "date": "2025-02-01"}]}]}
}

test_missing_is_not_stated if {
	r := rule.deny with input as {"systems": [{"id": "signals", "assessments": [{"kind": "pia", "date": "2025-01-01"}]}]}
	r == {{"resource": signals, "field": "assessment.security_risk", "status": "not_stated"}}
	r2 := rule.deny with input as {"systems": [{"id": "bid", "stage": "procurement", "vendor": "acme"}]}
	r2 == {{"resource": {"kind": "system", "id": "bid"}, "field": "assessment.security_risk", "status": "not_stated"}}
}

test_not_completed_fires if {
	r := rule.deny with input as sys({}, {"kind": "security_risk", "date": "2020-01-01", "completed": false})
	r == {{
		"resource": signals,
		"field": "assessment.security_risk.completed",
		"status": "fail",
		"template": "not_completed",
		"args": {"id": "signals"},
	}}
}

test_undated_is_not_stated if {
	r := rule.deny with input as sys({}, {"kind": "security_risk", "url": "https://cm.example/sra"})
	r == {{"resource": signals, "field": "assessment.security_risk.date", "status": "not_stated"}}
}

test_too_old_fires if {
	r := rule.deny with input as sys({"stage": "procurement", "vendor": "acme"}, {"kind": "security_risk", "date": "2023-12-31"})
	r == {{
		"resource": signals,
		"field": "assessment.security_risk.date",
		"status": "fail",
		"template": "too_old",
		"args": {"id": "signals", "date": "2023-12-31", "months": 24},
	}}
}

test_age_boundary if {
	inp := sys({"go_live": "2019-01-01"}, {"kind": "security_risk", "date": "2024-01-01"})
	count(rule.deny) == 0 with input as inp with data.citygate.as_of as "2026-01-01"
	count(rule.deny) == 1 with input as inp with data.citygate.as_of as "2026-01-02"
}

test_after_go_live_fires if {
	r := rule.deny with input as sys({}, {"kind": "security_risk", "date": "2025-03-02"})
	r == {{
		"resource": signals,
		"field": "assessment.security_risk.date",
		"status": "fail",
		"template": "after_go_live",
		"args": {"id": "signals", "go_live": "2025-03-01", "date": "2025-03-02"},
	}}
}

test_after_future_go_live_fires if {
	count(rule.deny) == 1 with input as sys({"stage": "pilot", "go_live": "2026-02-01"}, {"kind": "security_risk", "date": "2026-03-01"})
}

test_go_live_window_boundary if {
	# went live exactly 24 months ago: order still checked; a day later it is not
	inp := sys({"go_live": "2024-01-01"}, {"kind": "security_risk", "date": "2025-01-01"})
	count(rule.deny) == 1 with input as inp with data.citygate.as_of as "2026-01-01"
	count(rule.deny) == 0 with input as inp with data.citygate.as_of as "2026-01-02"
}
