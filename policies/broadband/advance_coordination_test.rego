package citygate.rules.broadband.advance_coordination_test

import data.citygate.rules.broadband.advance_coordination as rule

city := {"id": "lisboa", "policies": [{"name": "dig_once", "adopted": true, "notice_days": 90}]}

av := {"kind": "excavation", "id": "av"}

short_notice(days) := {
	"resource": av,
	"field": "notice_days",
	"status": "fail",
	"template": "short_notice",
	"args": {"id": "av", "days": days, "required": 90},
}

test_short_notice_fires if {
	inv := {"city": city, "excavations": [{"id": "av", "public_row": true, "notice_days": 30, "notified": ["isp-a"]}]}
	rule.deny == {short_notice(30)} with input as inv
	rule.applies == {av} with input as inv
}

test_notice_not_stated if {
	r := rule.deny with input as {"city": city, "excavations": [{"id": "av", "public_row": true, "notified": ["isp-a"]}]}
	r == {{"resource": av, "field": "notice_days", "status": "not_stated"}}
}

test_notice_boundary if {
	count(rule.deny) == 0 with input as {"city": city, "excavations": [{"id": "av", "public_row": true, "notice_days": 90, "notified": ["isp-a"]}]}
	rule.deny == {short_notice(89)} with input as {"city": city, "excavations": [{"id": "av", "public_row": true, "notice_days": 89, "notified": ["isp-a"]}]}
}

test_nobody_notified_fires if {
	r := rule.deny with input as {"excavations": [{"id": "av", "public_row": true, "notice_days": 120, "notified": []}]}
	r == {{
		"resource": av,
		"field": "notified",
		"status": "fail",
		"template": "nobody_notified",
		"args": {"id": "av"},
	}}
}

test_notified_not_stated if {
	r := rule.deny with input as {"excavations": [{"id": "av", "public_row": true}]}
	r == {{"resource": av, "field": "notified", "status": "not_stated"}}
}

test_nothing_stated_under_a_policy if {
	r := rule.deny with input as {"city": city, "excavations": [{"id": "av", "public_row": true}]}
	r == {
		{"resource": av, "field": "notice_days", "status": "not_stated"},
		{"resource": av, "field": "notified", "status": "not_stated"},
	}
}

# The guard on the policy's notice_days (issue 19): with no notice period
# in the city's policy, neither a short nor an unstated notice is reported.
test_no_policy_notice_passes if {
	count(rule.deny) == 0 with input as {"excavations": [{"id": "av", "public_row": true, "notice_days": 1, "notified": ["isp-a"]}]}
	count(rule.deny) == 0 with input as {"excavations": [{"id": "av", "public_row": true, "notified": ["isp-a"]}]}
	count(rule.deny) == 0 with input as {
		"city": {"id": "lisboa", "policies": [{"name": "dig_once", "adopted": true}]},
		"excavations": [{"id": "av", "public_row": true, "notified": ["isp-a"]}],
	}
}

# The guard on public_row (issue 19, advance_coordination.rego:41 before
# v2): an excavation off the public right of way is not in scope, even
# with the policy's notice period and nothing stated.
test_private_land_does_not_apply if {
	inv := {"city": city, "excavations": [
		{"id": "a", "public_row": false, "notice_days": 1, "notified": []},
		{"id": "b", "public_row": false},
		{"id": "c"},
	]}
	count(rule.applies) == 0 with input as inv
	count(rule.deny) == 0 with input as inv
}
