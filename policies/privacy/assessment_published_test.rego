package citygate.rules.privacy.assessment_published_test

import data.citygate.rules.privacy.assessment_published as rule

cctv := {"kind": "system", "id": "cctv"}

test_unpublished_pia_fires if {
	r := rule.deny with input as {"systems": [{"id": "cctv", "assessments": [{"kind": "pia", "date": "2025-01-10", "published": false}]}]}
	r == {{
		"resource": cctv,
		"field": "assessment.pia.published",
		"status": "fail",
		"template": "unpublished",
		"args": {"id": "cctv", "kind": "PIA"},
	}}
}

test_unpublished_dpia_fires if {
	r := rule.deny with input as {"systems": [{"id": "cctv", "assessments": [{"kind": "dpia", "published": false}]}]}
	r == {{
		"resource": cctv,
		"field": "assessment.dpia.published",
		"status": "fail",
		"template": "unpublished",
		"args": {"id": "cctv", "kind": "DPIA"},
	}}
}

test_published_not_stated if {
	r := rule.deny with input as {"systems": [{"id": "cctv", "assessments": [{"kind": "dpia", "date": "2025-01-10"}, {"kind": "pia", "published": null}]}]}
	r == {
		{"resource": cctv, "field": "assessment.dpia.published", "status": "not_stated"},
		{"resource": cctv, "field": "assessment.pia.published", "status": "not_stated"},
	}
}

test_published_passes if {
	count(rule.deny) == 0 with input as {"systems": [{"id": "cctv", "assessments": [{"kind": "pia", "published": true}]}]}
}

test_summary_passes if {
	count(rule.deny) == 0 with input as {"systems": [{"id": "cctv", "assessments": [
		{"kind": "dpia", "published": false, "summary_url": "https://city.example/dpia-summary"},
		{"kind": "pia", "summary_url": "https://city.example/pia-summary"},
	]}]}
}

test_applies if {
	a := rule.applies with input as {"systems": [
		{"id": "cctv", "assessments": [{"kind": "pia", "published": true}]},
		{"id": "portal"},
		{"id": "gate", "assessments": [{"kind": "fria"}]},
		{"id": "draft", "assessments": [{"kind": "pia", "completed": false}]},
		{"id": "old", "stage": "retired", "assessments": [{"kind": "pia"}]},
	]}
	a == {cctv}
}

test_no_assessment_does_not_apply if {
	count(rule.deny) == 0 with input as {"systems": [{"id": "cctv"}]}
}

test_other_kinds_do_not_apply if {
	count(rule.deny) == 0 with input as {"systems": [{"id": "cctv", "assessments": [
		{"kind": "security_risk", "published": false},
		{"kind": "fria", "published": false},
	]}]}
}

test_incomplete_assessment_does_not_apply if {
	count(rule.deny) == 0 with input as {"systems": [{"id": "cctv", "assessments": [{"kind": "pia", "completed": false}]}]}
}

test_retired_does_not_apply if {
	count(rule.deny) == 0 with input as {"systems": [{"id": "cctv", "stage": "retired", "assessments": [{"kind": "pia"}]}]}
}
