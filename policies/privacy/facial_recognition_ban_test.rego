package citygate.rules.privacy.facial_recognition_ban_test

import data.citygate.rules.privacy.facial_recognition_ban as rule

sf := {"id": "sf", "bans_facial_recognition": true}

frt := {
	"id": "cctv",
	"data": {"public_space_monitoring": true},
	"ai": {"realtime_remote_biometric_id": true, "authorization_ref": "court order 2025/117"},
}

test_city_ban_fires_even_when_authorised if {
	r := rule.deny with input as {"city": sf, "systems": [frt]}
	r == {{
		"resource": {"kind": "system", "id": "cctv"},
		"field": "ai.realtime_remote_biometric_id",
		"status": "fail",
		"template": "banned",
		"args": {"id": "cctv", "city": "sf"},
	}}
}

test_realtime_identification_not_stated if {
	r := rule.deny with input as {"city": sf, "systems": [{"id": "cam", "sensing": ["camera"]}, {"id": "gate", "data": {"kind": "biometric"}}]}
	r == {
		{"resource": {"kind": "system", "id": "cam"}, "field": "ai.realtime_remote_biometric_id", "status": "not_stated"},
		{"resource": {"kind": "system", "id": "gate"}, "field": "ai.realtime_remote_biometric_id", "status": "not_stated"},
	}
}

test_no_live_identification_passes if {
	count(rule.deny) == 0 with input as {"city": sf, "systems": [
		{"id": "cctv", "data": {"biometric": true}, "ai": {"realtime_remote_biometric_id": false}},
		{"id": "portal"},
	]}
}

test_applies if {
	a := rule.applies with input as {"city": sf, "systems": [
		frt,
		{"id": "cam", "data": {"kind": "video"}, "ai": {"realtime_remote_biometric_id": false}},
		{"id": "chatbot", "ai": {"realtime_remote_biometric_id": false}},
		{"id": "portal"},
		{"id": "old", "stage": "retired", "ai": {"realtime_remote_biometric_id": true}},
	]}
	a == {{"kind": "system", "id": "cctv"}, {"kind": "system", "id": "cam"}}
}

test_no_ban_does_not_apply if {
	every city in [{"id": "lisboa", "bans_facial_recognition": false}, {"id": "lisboa"}] {
		count(rule.applies) == 0 with input as {"city": city, "systems": [frt]}
		count(rule.deny) == 0 with input as {"city": city, "systems": [frt]}
	}
	count(rule.deny) == 0 with input as {"systems": [frt]}
}

test_retired_does_not_apply if {
	count(rule.deny) == 0 with input as {"city": sf, "systems": [object.union(frt, {"stage": "retired"})]}
}
