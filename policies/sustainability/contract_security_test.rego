package citygate.rules.sustainability.contract_security_test

import data.citygate.rules.sustainability.contract_security as rule

good := {"security_requirements": true, "right_to_audit": true, "incident_notice_hours": 24}

sys(contract) := {"id": "lights", "vendor": "acme", "contract": contract}

lights := {"kind": "system", "id": "lights"}

test_no_security_requirements_fires if {
	r := rule.deny with input as {"systems": [sys(object.union(good, {"security_requirements": false}))]}
	r == {{
		"resource": lights,
		"field": "contract.security_requirements",
		"status": "fail",
		"template": "no_security_requirements",
		"args": {"id": "lights", "vendor": "acme"},
	}}
}

test_security_requirements_absent_is_not_stated if {
	r := rule.deny with input as {"systems": [sys(object.remove(good, ["security_requirements"]))]}
	r == {{"resource": lights, "field": "contract.security_requirements", "status": "not_stated"}}
}

test_no_right_to_audit_fires if {
	r := rule.deny with input as {"systems": [sys(object.union(good, {"right_to_audit": false}))]}
	r == {{
		"resource": lights,
		"field": "contract.right_to_audit",
		"status": "fail",
		"template": "no_right_to_audit",
		"args": {"id": "lights", "vendor": "acme"},
	}}
}

test_right_to_audit_absent_is_not_stated if {
	r := rule.deny with input as {"systems": [sys(object.remove(good, ["right_to_audit"]))]}
	r == {{"resource": lights, "field": "contract.right_to_audit", "status": "not_stated"}}
}

test_long_notice_fires if {
	r := rule.deny with input as {"systems": [sys(object.union(good, {"incident_notice_hours": 72}))]}
	r == {{
		"resource": lights,
		"field": "contract.incident_notice_hours",
		"status": "fail",
		"template": "long_notice",
		"args": {"id": "lights", "vendor": "acme", "hours": 72, "limit": 24},
	}}
}

test_notice_absent_is_not_stated if {
	r := rule.deny with input as {"systems": [sys(object.remove(good, ["incident_notice_hours"]))]}
	r == {{"resource": lights, "field": "contract.incident_notice_hours", "status": "not_stated"}}
}

test_notice_boundary if {
	count(rule.deny) == 0 with input as {"systems": [sys(object.union(good, {"incident_notice_hours": 24}))]}
	count(rule.deny) == 1 with input as {"systems": [sys(object.union(good, {"incident_notice_hours": 24.5}))]}
	count(rule.deny) == 0 with input as {"systems": [sys(object.union(good, {"incident_notice_hours": 0}))]}
}

test_no_contract_is_not_stated_three_times if {
	r := rule.deny with input as {"systems": [{"id": "lights", "vendor": "acme", "stage": "procurement"}]}
	r == {
		{"resource": lights, "field": "contract.security_requirements", "status": "not_stated"},
		{"resource": lights, "field": "contract.right_to_audit", "status": "not_stated"},
		{"resource": lights, "field": "contract.incident_notice_hours", "status": "not_stated"},
	}
}

test_applies_to_active_vendor_systems if {
	inp := {"systems": [
		sys(good),
		{"id": "in-house"},
		{"id": "old", "vendor": "acme", "stage": "retired"},
	]}
	rule.applies == {lights} with input as inp
	count(rule.deny) == 0 with input as inp
}
