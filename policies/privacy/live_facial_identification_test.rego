package citygate.rules.privacy.live_facial_identification_test

import data.citygate.rules.privacy.live_facial_identification as rule

frt := {"id": "cctv", "data": {"public_space_monitoring": true}, "ai": {"realtime_remote_biometric_id": true}}

authorised := object.union(frt, {"ai": {"authorization_ref": "court order 2025/117"}})

test_unauthorised_fires if {
	r := rule.deny with input as {"systems": [frt]}
	r == {{
		"resource": {"kind": "system", "id": "cctv"},
		"field": "ai.authorization_ref",
		"message": "system cctv runs real-time remote biometric identification in public space with no prior authorisation (ai.authorization_ref)",
	}}
}

test_public_space_not_stated_fires if {
	count(rule.deny) == 1 with input as {"systems": [{"id": "cctv", "ai": {"realtime_remote_biometric_id": true}}]}
}

test_authorised_passes if {
	count(rule.deny) == 0 with input as {"city": {"id": "lisboa", "bans_facial_recognition": false}, "systems": [authorised]}
}

test_not_public_space_passes if {
	s := {"id": "door", "data": {"public_space_monitoring": false}, "ai": {"realtime_remote_biometric_id": true}}
	count(rule.deny) == 0 with input as {"systems": [s]}
}

test_city_ban_fires_even_when_authorised if {
	r := rule.deny with input as {"city": {"id": "sf", "bans_facial_recognition": true}, "systems": [authorised]}
	r == {{
		"resource": {"kind": "system", "id": "cctv"},
		"field": "ai.realtime_remote_biometric_id",
		"message": "system cctv runs real-time remote biometric identification, which city sf has banned",
	}}
}

test_city_ban_and_no_authorisation_fire_both if {
	count(rule.deny) == 2 with input as {"city": {"id": "sf", "bans_facial_recognition": true}, "systems": [frt]}
}

test_no_frt_does_not_apply if {
	count(rule.deny) == 0 with input as {"city": {"id": "sf", "bans_facial_recognition": true}, "systems": [
		{"id": "cctv", "data": {"public_space_monitoring": true, "biometric": true}, "ai": {"realtime_remote_biometric_id": false}},
		{"id": "portal"},
	]}
}

test_retired_does_not_apply if {
	count(rule.deny) == 0 with input as {"city": {"id": "sf", "bans_facial_recognition": true}, "systems": [object.union(frt, {"stage": "retired"})]}
}
