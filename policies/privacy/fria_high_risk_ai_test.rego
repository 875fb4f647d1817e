package citygate.rules.privacy.fria_high_risk_ai_test

import data.citygate.rules.privacy.fria_high_risk_ai as rule

ai(extra) := object.union({"id": "cctv", "go_live": "2025-09-01", "ai": {"risk_class": "high"}}, extra)

cctv := {"kind": "system", "id": "cctv"}

none := {
	"resource": cctv,
	"field": "assessment.fria.date",
	"status": "fail",
	"template": "none",
	"args": {"id": "cctv"},
}

test_no_fria_fires if {
	r := rule.deny with input as {"systems": [ai({})]}
	r == {none}
}

test_incomplete_fria_counts_as_none if {
	r := rule.deny with input as {"systems": [ai({"assessments": [{"kind": "fria", "date": "2025-08-01", "completed": false}]})]}
	r == {none}
}

test_undated_fria_is_not_stated if {
	r := rule.deny with input as {"systems": [ai({"assessments": [{"kind": "fria"}]})]}
	r == {{"resource": cctv, "field": "assessment.fria.date", "status": "not_stated"}}
}

test_fria_after_go_live_fires if {
	r := rule.deny with input as {"systems": [ai({"assessments": [{"kind": "fria", "date": "2025-09-02"}]})]}
	r == {{
		"resource": cctv,
		"field": "assessment.fria.date",
		"status": "fail",
		"template": "after_go_live",
		"args": {"id": "cctv", "go_live": "2025-09-01"},
	}}
}

test_fria_on_go_live_passes if {
	count(rule.deny) == 0 with input as {"systems": [ai({"assessments": [{"kind": "fria", "date": "2025-09-01"}]})]}
}

test_fria_before_go_live_passes if {
	count(rule.deny) == 0 with input as {"systems": [ai({"assessments": [
		{"kind": "security_risk"},
		{"kind": "fria", "date": "2025-03-01", "completed": true},
		{"kind": "fria", "date": "2025-12-01"},
	]})]}
}

test_fria_without_go_live_before_service_passes if {
	s := {"id": "planned", "stage": "proposed", "ai": {"risk_class": "high"}, "assessments": [{"kind": "fria", "date": "2025-03-01"}]}
	count(rule.deny) == 0 with input as {"systems": [s, object.union(s, {"id": "skeleton", "go_live": null})]}
}

test_go_live_not_stated_in_service if {
	s := {"id": "cctv", "stage": "pilot", "ai": {"risk_class": "high"}, "assessments": [{"kind": "fria", "date": "2025-03-01"}]}
	r := rule.deny with input as {"systems": [s]}
	r == {{"resource": cctv, "field": "go_live", "status": "not_stated"}}
}

test_risk_class_not_stated if {
	r := rule.deny with input as {"systems": [{"id": "cctv", "ai": {"profiling": true}}, {"id": "bot", "ai": {"risk_class": null}}]}
	r == {
		{"resource": cctv, "field": "ai.risk_class", "status": "not_stated"},
		{"resource": {"kind": "system", "id": "bot"}, "field": "ai.risk_class", "status": "not_stated"},
	}
}

test_critical_infrastructure_is_exempt if {
	count(rule.deny) == 0 with input as {"systems": [ai({"category": "ot"}), {"id": "signals", "category": "ot", "ai": {"profiling": true}}]}
	count(rule.applies) == 0 with input as {"systems": [ai({"category": "ot"})]}
}

test_other_categories_apply if {
	r := rule.deny with input as {"systems": [ai({"category": "iot"})]}
	r == {none}
}

test_private_deployer_does_not_apply if {
	count(rule.deny) == 0 with input as {"systems": [ai({"deployer": "private"})]}
}

test_explicit_public_body_applies if {
	r := rule.deny with input as {"systems": [ai({"deployer": "public_body"})]}
	r == {none}
}

test_applies if {
	a := rule.applies with input as {"systems": [
		ai({}),
		{"id": "bot", "ai": {"profiling": true}},
		{"id": "chatbot", "ai": {"risk_class": "limited"}},
		{"id": "signals", "category": "ot", "ai": {"risk_class": "high"}},
		{"id": "ops", "deployer": "private", "ai": {"risk_class": "high"}},
		{"id": "portal"},
		{"id": "old", "stage": "retired", "ai": {"risk_class": "high"}},
	]}
	a == {cctv, {"kind": "system", "id": "bot"}}
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
