package citygate.rules.sustainability.community_engagement_test

import data.citygate.rules.sustainability.community_engagement as rule

cctv := {"kind": "system", "id": "cctv"}

test_no_consultation_fires if {
	r := rule.deny with input as {"systems": [{"id": "cctv", "go_live": "2025-09-01", "data": {"biometric": true, "public_space_monitoring": true}}]}
	r == {{
		"resource": cctv,
		"field": "engagement.public_consultation",
		"status": "fail",
		"template": "no_consultation",
		"args": {"id": "cctv", "stage": "production"},
	}}
}

test_pilot_public_space_fires if {
	r := rule.deny with input as {"systems": [{"id": "cams", "stage": "pilot", "data": {"public_space_monitoring": true}, "engagement": {"url": "https://cm.example/c"}}]}
	{[f.template, f.args.stage] | some f in r} == {["no_consultation", "pilot"]}
}

test_consultation_after_go_live_fires if {
	r := rule.deny with input as {"systems": [{"id": "cctv", "go_live": "2025-09-01", "data": {"biometric": true}, "engagement": {"public_consultation": "2025-09-02"}}]}
	r == {{
		"resource": cctv,
		"field": "engagement.public_consultation",
		"status": "fail",
		"template": "consultation_after_go_live",
		"args": {"id": "cctv", "consulted": "2025-09-02", "go_live": "2025-09-01"},
	}}
}

test_consultation_boundary if {
	count(rule.deny) == 0 with input as {"systems": [{"id": "cctv", "go_live": "2025-09-01", "data": {"biometric": true}, "engagement": {"public_consultation": "2025-09-01"}}]}
	count(rule.deny) == 0 with input as {"systems": [{"id": "cctv", "go_live": "2025-09-01", "data": {"biometric": true}, "engagement": {"public_consultation": "2025-03-01"}}]}
}

test_go_live_absent_is_not_stated if {
	r := rule.deny with input as {"systems": [{"id": "cctv", "data": {"biometric": true}, "engagement": {"public_consultation": "2025-03-01"}}]}
	r == {{"resource": cctv, "field": "go_live", "status": "not_stated"}}
}

test_camera_without_data_block_is_not_stated if {
	r := rule.deny with input as {"systems": [{"id": "cctv", "category": "iot", "sensing": ["camera"], "public_space": true}]}
	r == {
		{"resource": cctv, "field": "data.biometric", "status": "not_stated"},
		{"resource": cctv, "field": "data.public_space_monitoring", "status": "not_stated"},
	}
}

test_public_space_alone_asks_for_monitoring if {
	r := rule.deny with input as {"systems": [{"id": "cctv", "category": "it", "public_space": true, "data": {"personal": false}}]}
	r == {{"resource": cctv, "field": "data.public_space_monitoring", "status": "not_stated"}}
}

test_sensor_without_sensing_asks_for_biometric_only if {
	r := rule.deny with input as {"systems": [{"id": "cctv", "category": "iot"}]}
	r == {{"resource": cctv, "field": "data.biometric", "status": "not_stated"}}
}

test_one_flag_absent_is_not_stated if {
	r := rule.deny with input as {"systems": [{"id": "cctv", "category": "iot", "sensing": ["presence"], "data": {"biometric": false}}]}
	r == {{"resource": cctv, "field": "data.public_space_monitoring", "status": "not_stated"}}
	r2 := rule.deny with input as {"systems": [{"id": "cctv", "category": "web_service", "data": {"public_space_monitoring": false}}]}
	r2 == {{"resource": cctv, "field": "data.biometric", "status": "not_stated"}}
}

test_applies if {
	inp := {"systems": [
		{"id": "cctv", "data": {"biometric": true}, "go_live": "2025-01-01", "engagement": {"public_consultation": "2024-06-01"}},
		{"id": "kiosk", "category": "kiosk"},
		{"id": "planned", "stage": "proposed", "data": {"biometric": true}},
		{"id": "bid", "stage": "procurement", "data": {"public_space_monitoring": true}},
		{"id": "old", "stage": "retired", "data": {"biometric": true}},
		{"id": "plain", "category": "iot", "data": {"biometric": false, "public_space_monitoring": false, "personal": true}},
		{"id": "meters", "category": "iot", "data": {"personal": false}},
		{"id": "backoffice", "category": "it"},
	]}
	rule.applies == {cctv, {"kind": "system", "id": "kiosk"}} with input as inp
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
