package citygate.rules.accessibility.conformance_evidence_test

import data.citygate.rules.accessibility.conformance_evidence as rule

web(a) := {"id": "portal", "category": "web_service", "accessibility": a}

test_compliant_passes if {
	count(rule.deny) == 0 with input as {"systems": [
		web({"last_audit": "2025-02-01", "method": "manual+automated"}),
		{"id": "app", "category": "mobile_app", "stage": "pilot", "accessibility": {"last_audit": "2025-06-01", "method": "user_testing"}},
		{"id": "kiosk", "category": "kiosk", "accessibility": {"last_audit": "2025-06-01", "method": "manual"}},
	]}
}

test_no_audit_fires if {
	r := rule.deny with input as {"systems": [web({"method": "manual"})]}
	r == {{
		"resource": {"kind": "system", "id": "portal"},
		"field": "accessibility.last_audit",
		"message": "system portal is user-facing and has no accessibility audit (accessibility.last_audit)",
	}}
}

test_audit_exactly_12_months_passes if {
	count(rule.deny) == 0 with input as {"systems": [web({"last_audit": "2025-01-01", "method": "manual"})]}
		with data.citygate.as_of as "2026-01-01"
}

test_audit_12_months_and_a_day_fires if {
	r := rule.deny with input as {"systems": [web({"last_audit": "2024-12-31", "method": "manual"})]}
		with data.citygate.as_of as "2026-01-01"
	r == {{
		"resource": {"kind": "system", "id": "portal"},
		"field": "accessibility.last_audit",
		"message": "system portal was last audited for accessibility on 2024-12-31, more than 12 months ago",
	}}
}

test_audit_age_is_a_param if {
	count(rule.deny) == 1 with input as {"systems": [web({"last_audit": "2025-06-01", "method": "manual"})]}
		with data.citygate.params.accessibility_audit_months as 3
}

test_automated_only_fires if {
	r := rule.deny with input as {"systems": [web({"last_audit": "2025-06-01", "method": "automated"})]}
	r == {{
		"resource": {"kind": "system", "id": "portal"},
		"field": "accessibility.method",
		"message": "system portal has no manual or user-testing evidence of accessibility (accessibility.method = automated)",
	}}
}

test_method_not_stated_fires if {
	r := rule.deny with input as {"systems": [web({"last_audit": "2025-06-01"})]}
	some f in r
	f.message == "system portal has no manual or user-testing evidence of accessibility (accessibility.method = not set)"
	count(r) == 1
}

test_not_user_facing_does_not_apply if {
	count(rule.deny) == 0 with input as {"systems": [{"id": "signals", "category": "ot"}, {"id": "bare"}]}
}

test_not_in_service_does_not_apply if {
	count(rule.deny) == 0 with input as {"systems": [
		object.union(web({}), {"stage": "proposed"}),
		object.union(web({}), {"id": "bid", "stage": "procurement", "vendor": "acme"}),
		object.union(web({}), {"id": "old", "stage": "retired"}),
	]}
}
