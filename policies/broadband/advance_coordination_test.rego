package citygate.rules.broadband.advance_coordination_test

import data.citygate.rules.broadband.advance_coordination as rule

city := {"id": "lisboa", "policies": [{"name": "dig_once", "adopted": true, "notice_days": 90}]}

test_short_notice_fires if {
	r := rule.deny with input as {"city": city, "excavations": [{"id": "av", "public_row": true, "notice_days": 30, "notified": ["isp-a"]}]}
	r == {{
		"resource": {"kind": "excavation", "id": "av"},
		"field": "notice_days",
		"message": "excavation av gave 30 days of notice, shorter than the 90 days the dig_once policy requires",
	}}
}

test_notice_unstated_fires if {
	r := rule.deny with input as {"city": city, "excavations": [{"id": "av", "public_row": true, "notified": ["isp-a"]}]}
	r == {{
		"resource": {"kind": "excavation", "id": "av"},
		"field": "notice_days",
		"message": "excavation av states no notice_days; the dig_once policy requires 90 days of notice",
	}}
}

test_notice_boundary if {
	count(rule.deny) == 0 with input as {"city": city, "excavations": [{"id": "av", "public_row": true, "notice_days": 90, "notified": ["isp-a"]}]}
	count(rule.deny) == 1 with input as {"city": city, "excavations": [{"id": "av", "public_row": true, "notice_days": 89, "notified": ["isp-a"]}]}
}

test_nobody_notified_fires if {
	r := rule.deny with input as {"excavations": [{"id": "av", "public_row": true, "notice_days": 120, "notified": []}]}
	r == {{
		"resource": {"kind": "excavation", "id": "av"},
		"field": "notified",
		"message": "excavation av in the public right of way lists no ISPs or utilities in notified",
	}}
}

test_notified_unstated_fires if {
	count(rule.deny) == 1 with input as {"excavations": [{"id": "av", "public_row": true}]}
}

test_no_policy_notice_passes if {
	count(rule.deny) == 0 with input as {"excavations": [{"id": "av", "public_row": true, "notice_days": 1, "notified": ["isp-a"]}]}
	count(rule.deny) == 0 with input as {
		"city": {"id": "lisboa", "policies": [{"name": "dig_once", "adopted": true}]},
		"excavations": [{"id": "av", "public_row": true, "notified": ["isp-a"]}],
	}
}

test_private_land_passes if {
	count(rule.deny) == 0 with input as {"city": city, "excavations": [{"id": "av", "public_row": false, "notice_days": 1}]}
}
