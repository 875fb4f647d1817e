package citygate.rules.sustainability.community_engagement_test

import data.citygate.rules.sustainability.community_engagement as rule

test_no_consultation_fires if {
	r := rule.deny with input as {"systems": [{"id": "cctv", "go_live": "2025-09-01", "data": {"biometric": true, "public_space_monitoring": true}}]}
	r == {{
		"resource": {"kind": "system", "id": "cctv"},
		"field": "engagement.public_consultation",
		"message": "system cctv processes biometric data or monitors public space and is in production with no public consultation",
	}}
}

test_pilot_public_space_fires if {
	count(rule.deny) == 1 with input as {"systems": [{"id": "cams", "stage": "pilot", "data": {"public_space_monitoring": true}, "engagement": {"url": "https://cm.example/c"}}]}
}

test_consultation_after_go_live_fires if {
	r := rule.deny with input as {"systems": [{"id": "cctv", "go_live": "2025-09-01", "data": {"biometric": true}, "engagement": {"public_consultation": "2025-09-02"}}]}
	r == {{
		"resource": {"kind": "system", "id": "cctv"},
		"field": "engagement.public_consultation",
		"message": "system cctv held its public consultation on 2025-09-02, after go_live 2025-09-01",
	}}
}

test_consultation_boundary if {
	count(rule.deny) == 0 with input as {"systems": [{"id": "cctv", "go_live": "2025-09-01", "data": {"biometric": true}, "engagement": {"public_consultation": "2025-09-01"}}]}
	count(rule.deny) == 0 with input as {"systems": [{"id": "cctv", "go_live": "2025-09-01", "data": {"biometric": true}, "engagement": {"public_consultation": "2025-03-01"}}]}
	count(rule.deny) == 0 with input as {"systems": [{"id": "cctv", "data": {"biometric": true}, "engagement": {"public_consultation": "2025-03-01"}}]}
}

test_not_applicable_passes if {
	count(rule.deny) == 0 with input as {"systems": [
		{"id": "planned", "stage": "proposed", "data": {"biometric": true}},
		{"id": "bid", "stage": "procurement", "data": {"public_space_monitoring": true}},
		{"id": "old", "stage": "retired", "data": {"biometric": true}},
		{"id": "plain", "data": {"biometric": false, "public_space_monitoring": false, "personal": true}},
		{"id": "nodata"},
	]}
}
