package citygate.rules.privacy.assessment_published_test

import data.citygate.rules.privacy.assessment_published as rule

test_unpublished_pia_fires if {
	r := rule.deny with input as {"systems": [{"id": "cctv", "assessments": [{"kind": "pia", "date": "2025-01-10", "published": false}]}]}
	r == {{
		"resource": {"kind": "system", "id": "cctv"},
		"field": "assessment.pia.published",
		"message": "system cctv has a PIA that is not published and has no public summary_url",
	}}
}

test_dpia_without_published_flag_fires if {
	r := rule.deny with input as {"systems": [{"id": "cctv", "assessments": [{"kind": "dpia", "date": "2025-01-10"}]}]}
	r == {{
		"resource": {"kind": "system", "id": "cctv"},
		"field": "assessment.dpia.published",
		"message": "system cctv has a DPIA that is not published and has no public summary_url",
	}}
}

test_published_passes if {
	count(rule.deny) == 0 with input as {"systems": [{"id": "cctv", "assessments": [{"kind": "pia", "published": true}]}]}
}

test_summary_passes if {
	count(rule.deny) == 0 with input as {"systems": [{"id": "cctv", "assessments": [
		{"kind": "dpia", "published": false, "summary_url": "https://city.example/dpia-summary"},
	]}]}
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
