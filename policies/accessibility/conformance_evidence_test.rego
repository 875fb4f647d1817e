package citygate.rules.accessibility.conformance_evidence_test

import data.citygate.rules.accessibility.conformance_evidence as rule

web(a) := {"id": "portal", "category": "web_service", "accessibility": a}

portal := {"kind": "system", "id": "portal"}

test_compliant_passes if {
	inv := {"systems": [
		web({"last_audit": "2025-02-01", "method": "manual+automated"}),
		{"id": "app", "category": "mobile_app", "stage": "pilot", "accessibility": {"last_audit": "2025-06-01", "method": "user_testing"}},
		{"id": "kiosk", "category": "kiosk", "accessibility": {"last_audit": "2025-06-01", "method": "manual"}},
	]}
	count(rule.deny) == 0 with input as inv
	rule.applies == {portal, {"kind": "system", "id": "app"}, {"kind": "system", "id": "kiosk"}} with input as inv
}

test_audit_not_stated if {
	r := rule.deny with input as {"systems": [web({"method": "manual"})]}
	r == {{"resource": portal, "field": "accessibility.last_audit", "status": "not_stated"}}
}

test_audit_exactly_12_months_passes if {
	count(rule.deny) == 0 with input as {"systems": [web({"last_audit": "2025-01-01", "method": "manual"})]}
		with data.citygate.as_of as "2026-01-01"
}

test_audit_12_months_and_a_day_fires if {
	r := rule.deny with input as {"systems": [web({"last_audit": "2024-12-31", "method": "manual"})]}
		with data.citygate.as_of as "2026-01-01"
	r == {{
		"resource": portal,
		"field": "accessibility.last_audit",
		"status": "fail",
		"template": "audit_stale",
		"args": {"id": "portal", "date": "2024-12-31", "months": 12},
	}}
}

test_audit_age_is_a_param if {
	r := rule.deny with input as {"systems": [web({"last_audit": "2025-06-01", "method": "manual"})]}
		with data.citygate.params.accessibility_audit_months as 3
	r == {{
		"resource": portal,
		"field": "accessibility.last_audit",
		"status": "fail",
		"template": "audit_stale",
		"args": {"id": "portal", "date": "2025-06-01", "months": 3},
	}}
}

test_automated_only_fires if {
	r := rule.deny with input as {"systems": [web({"last_audit": "2025-06-01", "method": "automated"})]}
	r == {{
		"resource": portal,
		"field": "accessibility.method",
		"status": "fail",
		"template": "automated_only",
		"args": {"id": "portal", "method": "automated"},
	}}
}

test_method_not_stated if {
	r := rule.deny with input as {"systems": [web({"last_audit": "2025-06-01"})]}
	r == {{"resource": portal, "field": "accessibility.method", "status": "not_stated"}}
}

test_no_accessibility_block_is_not_stated_twice if {
	r := rule.deny with input as {"systems": [{"id": "portal", "public_facing": true}]}
	r == {
		{"resource": portal, "field": "accessibility.last_audit", "status": "not_stated"},
		{"resource": portal, "field": "accessibility.method", "status": "not_stated"},
	}
}

test_not_user_facing_does_not_apply if {
	inv := {"systems": [{"id": "signals", "category": "ot"}, {"id": "bare"}]}
	count(rule.applies) == 0 with input as inv
	count(rule.deny) == 0 with input as inv
}

test_not_in_service_does_not_apply if {
	inv := {"systems": [
		object.union(web({}), {"stage": "proposed"}),
		object.union(web({}), {"id": "bid", "stage": "procurement", "vendor": "acme"}),
		object.union(web({}), {"id": "old", "stage": "retired"}),
	]}
	count(rule.applies) == 0 with input as inv
	count(rule.deny) == 0 with input as inv
}
