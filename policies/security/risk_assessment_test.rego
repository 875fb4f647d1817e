package citygate.rules.security.risk_assessment_test

import data.citygate.rules.security.risk_assessment as rule

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

test_missing_fires if {
	r := rule.deny with input as {"systems": [{"id": "signals", "assessments": [{"kind": "pia", "date": "2025-01-01"}]}]}
	r == {{
		"resource": {"kind": "system", "id": "signals"},
		"field": "assessment.security_risk",
		"message": "system signals has no security risk assessment (assessment \"security_risk\" is missing)",
	}}
	count(rule.deny) == 1 with input as {"systems": [{"id": "bid", "stage": "procurement", "vendor": "acme"}]}
}

test_not_completed_fires if {
	r := rule.deny with input as sys({}, {"kind": "security_risk", "date": "2020-01-01", "completed": false})
	r == {{
		"resource": {"kind": "system", "id": "signals"},
		"field": "assessment.security_risk.completed",
		"message": "system signals has a security risk assessment that is not completed (completed = false)",
	}}
}

test_undated_fires if {
	r := rule.deny with input as sys({}, {"kind": "security_risk", "url": "https://cm.example/sra"})
	r == {{
		"resource": {"kind": "system", "id": "signals"},
		"field": "assessment.security_risk.date",
		"message": "system signals has a security risk assessment with no date (assessment.security_risk.date is not set)",
	}}
}

test_too_old_fires if {
	r := rule.deny with input as sys({"stage": "procurement", "vendor": "acme"}, {"kind": "security_risk", "date": "2023-12-31"})
	r == {{
		"resource": {"kind": "system", "id": "signals"},
		"field": "assessment.security_risk.date",
		"message": "system signals has a security risk assessment dated 2023-12-31, more than 24 months old",
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
		"resource": {"kind": "system", "id": "signals"},
		"field": "assessment.security_risk.date",
		"message": "system signals went live on 2025-03-01 before its security risk assessment dated 2025-03-02",
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
