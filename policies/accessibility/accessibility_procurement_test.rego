package citygate.rules.accessibility.accessibility_procurement_test

import data.citygate.rules.accessibility.accessibility_procurement as rule

bid := {"id": "acme-smart-lighting", "vendor": "acme", "stage": "procurement", "category": "iot", "user_facing": true}

test_no_report_fires if {
	r := rule.deny with input as {"systems": [object.union(bid, {"evidence": {"vdp_url": "https://acme.example/security"}})]}
	r == {{
		"resource": {"kind": "system", "id": "acme-smart-lighting"},
		"field": "evidence.accessibility_report",
		"message": "system acme-smart-lighting is a user-facing solution from vendor acme with no accessibility conformance report (evidence.accessibility_report)",
	}}
}

test_no_evidence_block_fires if {
	count(rule.deny) == 1 with input as {"systems": [bid]}
}

test_deployed_vendor_solution_fires if {
	count(rule.deny) == 1 with input as {"systems": [{"id": "portal", "vendor": "acme", "category": "web_service"}]}
}

test_report_passes if {
	count(rule.deny) == 0 with input as {"systems": [object.union(bid, {"evidence": {"accessibility_report": "ACR EN 301 549, 2025-03"}})]}
}

test_not_user_facing_does_not_apply if {
	count(rule.deny) == 0 with input as {"systems": [{"id": "sensors", "vendor": "acme", "stage": "procurement", "category": "iot"}]}
}

test_in_house_does_not_apply if {
	count(rule.deny) == 0 with input as {"systems": [{"id": "portal", "category": "web_service"}]}
}

test_retired_does_not_apply if {
	count(rule.deny) == 0 with input as {"systems": [object.union(bid, {"stage": "retired"})]}
}
