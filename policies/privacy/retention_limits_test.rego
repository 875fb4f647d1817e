package citygate.rules.privacy.retention_limits_test

import data.citygate.rules.privacy.retention_limits as rule

video(days) := {"id": "cctv", "data": {"personal": true, "kind": "video", "retention_days": days}}

above(id, kind, days, limit) := {
	"resource": {"kind": "system", "id": id},
	"field": "data.retention_days",
	"status": "fail",
	"template": "above_limit",
	"args": {"id": id, "kind": kind, "days": days, "limit": limit},
}

test_video_31_days_fires if {
	r := rule.deny with input as {"systems": [video(31)]}
	r == {above("cctv", "video", 31, 30)}
}

test_video_30_days_passes if {
	count(rule.deny) == 0 with input as {"systems": [video(30)]}
}

test_location_boundary if {
	loc := {"id": "parking", "data": {"kind": "location", "retention_days": 3}}
	count(rule.deny) == 0 with input as {"systems": [loc]}
	r := rule.deny with input as {"systems": [object.union(loc, {"data": {"retention_days": 4}})]}
	r == {above("parking", "location", 4, 3)}
}

test_biometric_boundary if {
	count(rule.deny) == 0 with input as {"systems": [{"id": "gate", "data": {"kind": "biometric", "retention_days": 1}}]}
	r := rule.deny with input as {"systems": [{"id": "gate", "data": {"kind": "biometric", "retention_days": 2}}]}
	r == {above("gate", "biometric", 2, 1)}
}

test_retention_not_stated if {
	r := rule.deny with input as {"systems": [{"id": "cctv", "data": {"personal": true, "kind": "video"}}]}
	r == {{"resource": {"kind": "system", "id": "cctv"}, "field": "data.retention_days", "status": "not_stated"}}
}

test_kind_not_stated if {
	r := rule.deny with input as {"systems": [{"id": "portal", "data": {"personal": true, "retention_days": 3650}}]}
	r == {{"resource": {"kind": "system", "id": "portal"}, "field": "data.kind", "status": "not_stated"}}
}

test_personal_not_stated if {
	r := rule.deny with input as {"systems": [{"id": "cam", "category": "iot"}]}
	r == {{"resource": {"kind": "system", "id": "cam"}, "field": "data.personal", "status": "not_stated"}}
}

test_justification_passes if {
	s := {"id": "cctv", "data": {"kind": "video", "retention_days": 90, "retention_justification": "court-ordered evidence hold"}}
	count(rule.deny) == 0 with input as {"systems": [s]}
}

test_justification_without_days_passes if {
	s := {"id": "cctv", "data": {"kind": "video", "retention_justification": "court-ordered evidence hold"}}
	count(rule.deny) == 0 with input as {"systems": [s]}
}

test_limit_is_a_param if {
	r := rule.deny with input as {"systems": [video(4)]}
		with data.citygate.params.retention_max_days as {"video": 3}
	r == {above("cctv", "video", 4, 3)}
}

test_applies if {
	a := rule.applies with input as {"systems": [
		video(1),
		{"id": "cam", "category": "iot"},
		{"id": "portal", "data": {"personal": true}},
		{"id": "ledger", "data": {"personal": true, "kind": "transactional"}},
		{"id": "traffic-cam", "data": {"personal": false, "kind": "video"}},
		{"id": "switch", "category": "network"},
		{"id": "old", "stage": "retired", "data": {"personal": true, "kind": "video"}},
	]}
	a == {{"kind": "system", "id": "cctv"}, {"kind": "system", "id": "cam"}, {"kind": "system", "id": "portal"}}
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
