package citygate.rules.privacy.fria_high_risk_ai_test

import data.citygate.rules.privacy.fria_high_risk_ai as rule

ai(extra) := object.union({"id": "cctv", "go_live": "2025-09-01", "ai": {"risk_class": "high"}}, extra)

test_no_fria_fires if {
	r := rule.deny with input as {"systems": [ai({})]}
	r == {{
		"resource": {"kind": "system", "id": "cctv"},
		"field": "assessment.fria.date",
		"message": "system cctv is a high-risk AI system deployed by a public body with no completed FRIA (assessment \"fria\")",
	}}
}

test_incomplete_fria_counts_as_none if {
	count(rule.deny) == 1 with input as {"systems": [ai({"assessments": [{"kind": "fria", "date": "2025-08-01", "completed": false}]})]}
}

test_undated_fria_fires if {
	r := rule.deny with input as {"systems": [ai({"assessments": [{"kind": "fria"}]})]}
	r == {{
		"resource": {"kind": "system", "id": "cctv"},
		"field": "assessment.fria.date",
		"message": "system cctv has a FRIA with no date, so it cannot be shown to precede first use",
	}}
}

test_fria_after_go_live_fires if {
	r := rule.deny with input as {"systems": [ai({"assessments": [{"kind": "fria", "date": "2025-09-02"}]})]}
	r == {{
		"resource": {"kind": "system", "id": "cctv"},
		"field": "assessment.fria.date",
		"message": "system cctv is a high-risk AI system with no FRIA dated on or before go_live 2025-09-01",
	}}
}

test_fria_on_go_live_passes if {
	count(rule.deny) == 0 with input as {"systems": [ai({"assessments": [{"kind": "fria", "date": "2025-09-01"}]})]}
}

test_fria_before_go_live_passes if {
	count(rule.deny) == 0 with input as {"systems": [ai({"assessments": [{"kind": "security_risk"}, {"kind": "fria", "date": "2025-03-01", "completed": true}]})]}
}

test_fria_without_go_live_passes if {
	s := {"id": "planned", "stage": "proposed", "ai": {"risk_class": "high"}, "assessments": [{"kind": "fria", "date": "2025-03-01"}]}
	count(rule.deny) == 0 with input as {"systems": [s]}
}

test_private_deployer_does_not_apply if {
	count(rule.deny) == 0 with input as {"systems": [ai({"deployer": "private"})]}
}

test_explicit_public_body_applies if {
	count(rule.deny) == 1 with input as {"systems": [ai({"deployer": "public_body"})]}
}

test_not_high_risk_does_not_apply if {
	count(rule.deny) == 0 with input as {"systems": [
		{"id": "chatbot", "ai": {"risk_class": "limited"}},
		{"id": "portal"},
	]}
}

test_retired_does_not_apply if {
	count(rule.deny) == 0 with input as {"systems": [ai({"stage": "retired"})]}
}
