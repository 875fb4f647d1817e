package citygate.rules.privacy.dpia_triggers_test

import data.citygate.rules.privacy.dpia_triggers as rule

eu := {"id": "lisboa", "jurisdictions": ["EU"]}

cctv := {"id": "cctv", "data": {"personal": true, "public_space_monitoring": true, "scale": "large"}}

test_public_space_monitoring_without_dpia_fires if {
	r := rule.deny with input as {"city": eu, "systems": [cctv]}
	r == {{
		"resource": {"kind": "system", "id": "cctv"},
		"field": "assessment.dpia.date",
		"message": "system cctv requires a DPIA (large-scale monitoring of public space) and has none (assessment \"dpia\")",
	}}
}

test_incomplete_dpia_fires if {
	s := object.union(cctv, {"assessments": [{"kind": "dpia", "completed": false}]})
	r := rule.deny with input as {"city": eu, "systems": [s]}
	r == {{
		"resource": {"kind": "system", "id": "cctv"},
		"field": "assessment.dpia.completed",
		"message": "system cctv requires a DPIA (large-scale monitoring of public space) and its DPIA is not completed",
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
		"message": "system x requires a DPIA (3 WP248 criteria, large-scale biometric data, large-scale monitoring of public space, large-scale special-category data, profiling with significant effect) and has none (assessment \"dpia\")",
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
	count(rule.deny) == 0 with input as {"city": eu, "systems": [{"id": "x", "ai": {"profiling": true, "significant_effect": false}}]}
}

test_two_wp248_criteria_fire if {
	r := rule.deny with input as {"city": eu, "systems": [{"id": "x", "data": {"wp248_criteria": ["evaluation_scoring", "vulnerable_subjects"]}}]}
	r == {{
		"resource": {"kind": "system", "id": "x"},
		"field": "assessment.dpia.date",
		"message": "system x requires a DPIA (2 WP248 criteria) and has none (assessment \"dpia\")",
	}}
}

test_one_wp248_criterion_passes if {
	count(rule.deny) == 0 with input as {"city": eu, "systems": [{"id": "x", "data": {"wp248_criteria": ["evaluation_scoring"]}}]}
}

test_not_large_scale_passes if {
	count(rule.deny) == 0 with input as {"city": eu, "systems": [{"id": "x", "data": {
		"public_space_monitoring": true, "biometric": true, "special_category": true, "scale": "medium",
	}}]}
}

test_non_eu_city_does_not_apply if {
	count(rule.deny) == 0 with input as {"city": {"id": "sf", "jurisdictions": ["US"]}, "systems": [cctv]}
}

test_no_city_does_not_apply if {
	count(rule.deny) == 0 with input as {"systems": [cctv]}
}

test_non_personal_does_not_apply if {
	s := {"id": "counter", "data": {"personal": false, "public_space_monitoring": true, "scale": "large"}}
	count(rule.deny) == 0 with input as {"city": eu, "systems": [s]}
}

test_retired_does_not_apply if {
	count(rule.deny) == 0 with input as {"city": eu, "systems": [object.union(cctv, {"stage": "retired"})]}
}
