package citygate.rules.privacy.retention_limits_test

import data.citygate.rules.privacy.retention_limits as rule

video(days) := {"id": "cctv", "data": {"personal": true, "kind": "video", "retention_days": days}}

test_video_31_days_fires if {
	r := rule.deny with input as {"systems": [video(31)]}
	r == {{
		"resource": {"kind": "system", "id": "cctv"},
		"field": "data.retention_days",
		"message": "system cctv keeps video data for 31 days, above the 30-day limit, with no retention_justification",
	}}
}

test_video_30_days_passes if {
	count(rule.deny) == 0 with input as {"systems": [video(30)]}
}

test_location_boundary if {
	loc := {"id": "parking", "data": {"kind": "location", "retention_days": 3}}
	count(rule.deny) == 0 with input as {"systems": [loc]}
	r := rule.deny with input as {"systems": [object.union(loc, {"data": {"retention_days": 4}})]}
	r == {{
		"resource": {"kind": "system", "id": "parking"},
		"field": "data.retention_days",
		"message": "system parking keeps location data for 4 days, above the 3-day limit, with no retention_justification",
	}}
}

test_biometric_boundary if {
	count(rule.deny) == 0 with input as {"systems": [{"id": "gate", "data": {"kind": "biometric", "retention_days": 1}}]}
	count(rule.deny) == 1 with input as {"systems": [{"id": "gate", "data": {"kind": "biometric", "retention_days": 2}}]}
}

test_missing_retention_fires if {
	r := rule.deny with input as {"systems": [{"id": "cctv", "data": {"personal": true, "kind": "video"}}]}
	r == {{
		"resource": {"kind": "system", "id": "cctv"},
		"field": "data.retention_days",
		"message": "system cctv holds video data and states no retention_days",
	}}
}

test_justification_passes if {
	s := {"id": "cctv", "data": {"kind": "video", "retention_days": 90, "retention_justification": "court-ordered evidence hold"}}
	count(rule.deny) == 0 with input as {"systems": [s]}
}

test_limit_is_a_param if {
	count(rule.deny) == 1 with input as {"systems": [video(4)]}
		with data.citygate.params.retention_max_days as {"video": 3}
}

test_kind_without_limit_does_not_apply if {
	count(rule.deny) == 0 with input as {"systems": [
		{"id": "portal", "data": {"personal": true, "kind": "transactional", "retention_days": 3650}},
		{"id": "nodata"},
	]}
}

test_non_personal_does_not_apply if {
	count(rule.deny) == 0 with input as {"systems": [{"id": "traffic-cam", "data": {"personal": false, "kind": "video", "retention_days": 365}}]}
}

test_retired_does_not_apply if {
	count(rule.deny) == 0 with input as {"systems": [object.union(video(365), {"stage": "retired"})]}
}
