package citygate.rules.accessibility.accessibility_procurement_test

import data.citygate.rules.accessibility.accessibility_procurement as rule

bid := {"id": "acme-smart-lighting", "vendor": "acme", "stage": "procurement", "category": "iot", "user_facing": true}

lighting := {"kind": "system", "id": "acme-smart-lighting"}

test_report_not_stated if {
	inv := {"systems": [object.union(bid, {"evidence": {"vdp_url": "https://acme.example/security"}})]}
	rule.deny == {{"resource": lighting, "field": "evidence.accessibility_report", "status": "not_stated"}} with input as inv
	rule.applies == {lighting} with input as inv
}

test_no_evidence_block_is_not_stated if {
	rule.deny == {{"resource": lighting, "field": "evidence.accessibility_report", "status": "not_stated"}} with input as {"systems": [bid]}
}

test_deployed_vendor_solution_applies if {
	inv := {"systems": [{"id": "portal", "vendor": "acme", "category": "web_service"}]}
	rule.applies == {{"kind": "system", "id": "portal"}} with input as inv
	rule.deny == {{"resource": {"kind": "system", "id": "portal"}, "field": "evidence.accessibility_report", "status": "not_stated"}} with input as inv
}

test_report_passes if {
	inv := {"systems": [object.union(bid, {"evidence": {"accessibility_report": "ACR EN 301 549, 2025-03"}})]}
	count(rule.deny) == 0 with input as inv
	rule.applies == {lighting} with input as inv
}

test_not_user_facing_does_not_apply if {
	inv := {"systems": [{"id": "sensors", "vendor": "acme", "stage": "procurement", "category": "iot"}]}
	count(rule.applies) == 0 with input as inv
	count(rule.deny) == 0 with input as inv
}

test_in_house_does_not_apply if {
	inv := {"systems": [{"id": "portal", "category": "web_service"}]}
	count(rule.applies) == 0 with input as inv
	count(rule.deny) == 0 with input as inv
}

test_retired_does_not_apply if {
	inv := {"systems": [object.union(bid, {"stage": "retired"})]}
	count(rule.applies) == 0 with input as inv
	count(rule.deny) == 0 with input as inv
}
