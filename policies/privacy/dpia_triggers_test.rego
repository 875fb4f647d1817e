package citygate.rules.privacy.dpia_triggers_test

import data.citygate.rules.privacy.dpia_triggers as rule

eu := {"id": "lisboa", "jurisdictions": ["EU"]}

cctv := {"id": "cctv", "data": {"personal": true, "public_space_monitoring": true, "scale": "large"}}

test_public_space_monitoring_without_dpia_fires if {
	r := rule.deny with input as {"city": eu, "systems": [cctv]}
	r == {{
		"resource": {"kind": "system", "id": "cctv"},
		"field": "assessment.dpia.date",
		"status": "fail",
		"template": "none",
		"args": {"id": "cctv", "reasons": "large-scale monitoring of public space"},
	}}
}

test_incomplete_dpia_fires if {
	s := object.union(cctv, {"assessments": [{"kind": "dpia", "completed": false}]})
	r := rule.deny with input as {"city": eu, "systems": [s]}
	r == {{
		"resource": {"kind": "system", "id": "cctv"},
		"field": "assessment.dpia.completed",
		"status": "fail",
		"template": "not_completed",
		"args": {"id": "cctv", "reasons": "large-scale monitoring of public space"},
	}}
}

test_completed_dpia_passes if {
	s := object.union(cctv, {"assessments": [{"kind": "dpia", "date": "2025-01-10"}]})
	count(rule.deny) == 0 with input as {"city": eu, "systems": [s]}
}

test_one_completed_dpia_among_several_passes if {
	s := object.union(cctv, {"assessments": [{"kind": "dpia", "completed": false}, {"kind": "dpia", "completed": true}]})
	count(rule.deny) == 0 with input as {"city": eu, "systems": [s]}
}

test_pia_is_not_a_dpia if {
	s := object.union(cctv, {"assessments": [{"kind": "pia", "date": "2025-01-10"}]})
	count(rule.deny) == 1 with input as {"city": eu, "systems": [s]}
}

test_all_triggers_listed if {
	s := {
		"id": "x", "data": {
			"public_space_monitoring": true, "special_category": true, "biometric": true, "scale": "large",
			"wp248_criteria": ["systematic_monitoring", "large_scale", "sensitive_data"],
		},
		"ai": {"profiling": true, "significant_effect": true},
	}
	r := rule.deny with input as {"city": {"id": "london", "jurisdictions": ["UK"]}, "systems": [s]}
	r == {{
		"resource": {"kind": "system", "id": "x"},
		"field": "assessment.dpia.date",
		"status": "fail",
		"template": "none",
		"args": {"id": "x", "reasons": "3 WP248 criteria, large-scale biometric data, large-scale monitoring of public space, large-scale special-category data, profiling with significant effect"},
	}}
}

test_special_category_large_fires if {
	count(rule.deny) == 1 with input as {"city": eu, "systems": [{"id": "x", "data": {"special_category": true, "scale": "large"}}]}
}

test_biometric_large_fires if {
	count(rule.deny) == 1 with input as {"city": eu, "systems": [{"id": "x", "data": {"biometric": true, "scale": "large"}}]}
}

test_profiling_with_significant_effect_fires if {
	count(rule.deny) == 1 with input as {"city": eu, "systems": [{"id": "x", "ai": {"profiling": true, "significant_effect": true}}]}
}

test_profiling_without_significant_effect_passes if {
	count(rule.deny) == 0 with input as {"city": eu, "systems": [{"id": "x", "data": {"personal": true}, "ai": {"profiling": true, "significant_effect": false}}]}
}

test_significant_effect_not_stated if {
	r := rule.deny with input as {"city": eu, "systems": [{"id": "x", "data": {"personal": true}, "ai": {"profiling": true}}]}
	r == {{"resource": {"kind": "system", "id": "x"}, "field": "ai.significant_effect", "status": "not_stated"}}
}

test_scale_not_stated if {
	r := rule.deny with input as {"city": eu, "systems": [
		{"id": "x", "data": {"personal": true, "public_space_monitoring": true}},
		{"id": "y", "data": {"biometric": true}},
	]}
	r == {
		{"resource": {"kind": "system", "id": "x"}, "field": "data.scale", "status": "not_stated"},
		{"resource": {"kind": "system", "id": "y"}, "field": "data.scale", "status": "not_stated"},
	}
}

test_personal_not_stated if {
	r := rule.deny with input as {"city": eu, "systems": [{"id": "cam", "category": "iot"}]}
	r == {{"resource": {"kind": "system", "id": "cam"}, "field": "data.personal", "status": "not_stated"}}
}

test_trigger_decides_without_personal if {
	r := rule.deny with input as {"city": eu, "systems": [{"id": "cam", "category": "iot", "ai": {"profiling": true, "significant_effect": true}}]}
	r == {{
		"resource": {"kind": "system", "id": "cam"},
		"field": "assessment.dpia.date",
		"status": "fail",
		"template": "none",
		"args": {"id": "cam", "reasons": "profiling with significant effect"},
	}}
}

test_applies if {
	a := rule.applies with input as {"city": eu, "systems": [
		cctv,
		{"id": "cam", "category": "iot"},
		{"id": "gate", "data": {"special_category": true}},
		{"id": "counter", "category": "iot", "data": {"personal": false}},
		{"id": "switch", "category": "network"},
		{"id": "old", "stage": "retired", "data": {"personal": true}},
	]}
	a == {{"kind": "system", "id": "cctv"}, {"kind": "system", "id": "cam"}, {"kind": "system", "id": "gate"}}
}

test_two_wp248_criteria_fire if {
	r := rule.deny with input as {"city": eu, "systems": [{"id": "x", "data": {"personal": true, "wp248_criteria": ["evaluation_scoring", "vulnerable_subjects"]}}]}
	r == {{
		"resource": {"kind": "system", "id": "x"},
		"field": "assessment.dpia.date",
		"status": "fail",
		"template": "none",
		"args": {"id": "x", "reasons": "2 WP248 criteria"},
	}}
}

test_one_wp248_criterion_passes if {
	count(rule.deny) == 0 with input as {"city": eu, "systems": [{"id": "x", "data": {"personal": true, "wp248_criteria": ["evaluation_scoring"]}}]}
}

test_not_large_scale_passes if {
	count(rule.deny) == 0 with input as {"city": eu, "systems": [{"id": "x", "data": {
		"public_space_monitoring": true, "biometric": true, "special_category": true, "scale": "medium",
	}}]}
}

# The eu and uk profiles select the rule (the engine filters by the city's
# jurisdictions), so the rule itself does not read them.
test_jurisdiction_is_not_read if {
	count(rule.deny) == 1 with input as {"systems": [cctv]}
}

test_non_personal_does_not_apply if {
	s := {"id": "counter", "data": {"personal": false, "public_space_monitoring": true, "scale": "large"}}
	count(rule.deny) == 0 with input as {"city": eu, "systems": [s]}
}

test_retired_does_not_apply if {
	count(rule.deny) == 0 with input as {"city": eu, "systems": [object.union(cctv, {"stage": "retired"})]}
}

test_public_space_monitoring_not_stated if {
	r := rule.deny with input as {"city": eu, "systems": [
		{"id": "cam", "sensing": ["camera"], "data": {"personal": true}},
		{"id": "wifi", "public_space": true, "data": {"personal": true, "scale": "large"}},
		{"id": "counter", "sensing": ["presence"], "data": {"personal": true, "public_space_monitoring": false}},
	]}
	r == {
		{"resource": {"kind": "system", "id": "cam"}, "field": "data.public_space_monitoring", "status": "not_stated"},
		{"resource": {"kind": "system", "id": "wifi"}, "field": "data.public_space_monitoring", "status": "not_stated"},
	}
}
