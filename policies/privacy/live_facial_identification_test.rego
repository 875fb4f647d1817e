package citygate.rules.privacy.live_facial_identification_test

import data.citygate.rules.privacy.live_facial_identification as rule

frt := {
	"id": "cctv",
	"data": {"public_space_monitoring": true, "purposes": ["serious-crime investigation"]},
	"ai": {"realtime_remote_biometric_id": true},
}

cctv := {"kind": "system", "id": "cctv"}

authorised := object.union(frt, {"ai": {"authorization_ref": "court order 2025/117"}})

test_law_enforcement_without_authorisation_fires if {
	r := rule.deny with input as {"systems": [frt]}
	r == {{
		"resource": cctv,
		"field": "ai.authorization_ref",
		"status": "fail",
		"template": "no_authorisation",
		"args": {"id": "cctv"},
	}}
}

test_law_enforcement_purposes_recognised if {
	every p in ["Law enforcement", "police patrol support", "locating suspects", "counter-terrorism", "search for missing persons", "Public security"] {
		s := object.union(frt, {"data": {"purposes": ["statistics", p]}})
		count(rule.deny) == 1 with input as {"systems": [s]}
	}
}

test_other_purposes_are_not_banned_by_art_5_1_h if {
	s := object.union(frt, {"data": {"purposes": ["stadium access control", "statistics"]}})
	count(rule.deny) == 0 with input as {"systems": [s]}
	count(rule.deny) == 0 with input as {"systems": [object.union(frt, {"data": {"purposes": []}})]}
}

test_purposes_not_stated if {
	s := {"id": "cctv", "data": {"public_space_monitoring": true}, "ai": {"realtime_remote_biometric_id": true}}
	r := rule.deny with input as {"systems": [s]}
	r == {{"resource": cctv, "field": "data.purposes", "status": "not_stated"}}
}

test_public_space_not_stated if {
	s := {"id": "cctv", "data": {"purposes": ["police"]}, "ai": {"realtime_remote_biometric_id": true}}
	r := rule.deny with input as {"systems": [s]}
	r == {{"resource": cctv, "field": "data.public_space_monitoring", "status": "not_stated"}}
}

test_realtime_identification_not_stated if {
	r := rule.deny with input as {"systems": [
		{"id": "cam", "data": {"kind": "video"}},
		{"id": "gate", "data": {"biometric": true}, "ai": {"risk_class": "high"}},
	]}
	r == {
		{"resource": {"kind": "system", "id": "cam"}, "field": "ai.realtime_remote_biometric_id", "status": "not_stated"},
		{"resource": {"kind": "system", "id": "gate"}, "field": "ai.realtime_remote_biometric_id", "status": "not_stated"},
	}
}

test_authorised_passes if {
	count(rule.deny) == 0 with input as {"systems": [authorised]}
}

test_not_public_space_passes if {
	s := {"id": "door", "data": {"public_space_monitoring": false, "purposes": ["police"]}, "ai": {"realtime_remote_biometric_id": true}}
	count(rule.deny) == 0 with input as {"systems": [s]}
}

test_city_ban_is_not_this_rule if {
	count(rule.deny) == 0 with input as {"city": {"id": "sf", "bans_facial_recognition": true}, "systems": [authorised]}
}

test_applies if {
	a := rule.applies with input as {"systems": [
		frt,
		{"id": "cam", "data": {"kind": "video"}, "ai": {"realtime_remote_biometric_id": false}},
		{"id": "gate", "data": {"biometric": true}},
		{"id": "chatbot", "ai": {"realtime_remote_biometric_id": false}},
		{"id": "portal", "data": {"kind": "transactional"}},
		{"id": "old", "stage": "retired", "ai": {"realtime_remote_biometric_id": true}},
	]}
	a == {cctv, {"kind": "system", "id": "cam"}, {"kind": "system", "id": "gate"}}
}

test_no_frt_does_not_fire if {
	count(rule.deny) == 0 with input as {"systems": [
		{"id": "cctv", "data": {"public_space_monitoring": true, "biometric": true}, "ai": {"realtime_remote_biometric_id": false}},
		{"id": "portal"},
	]}
}

test_retired_does_not_apply if {
	count(rule.deny) == 0 with input as {"systems": [object.union(frt, {"stage": "retired"})]}
}

test_sensing_and_public_space_decide if {
	s := {"id": "cam", "sensing": ["camera"], "public_space": true, "data": {"purposes": ["police"]}, "ai": {"realtime_remote_biometric_id": true}}
	r := rule.deny with input as {"systems": [s]}
	r == {{"resource": {"kind": "system", "id": "cam"}, "field": "ai.authorization_ref", "status": "fail", "template": "no_authorisation", "args": {"id": "cam"}}}
	n := rule.deny with input as {"systems": [{"id": "cam", "sensing": ["camera"]}]}
	n == {{"resource": {"kind": "system", "id": "cam"}, "field": "ai.realtime_remote_biometric_id", "status": "not_stated"}}
}
