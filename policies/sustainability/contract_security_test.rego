package citygate.rules.sustainability.contract_security_test

import data.citygate.rules.sustainability.contract_security as rule

good := {"security_requirements": true, "right_to_audit": true, "incident_notice_hours": 24}

sys(contract) := {"id": "lights", "vendor": "acme", "contract": contract}

test_no_security_requirements_fires if {
	r := rule.deny with input as {"systems": [sys(object.union(good, {"security_requirements": false}))]}
	r == {{
		"resource": {"kind": "system", "id": "lights"},
		"field": "contract.security_requirements",
		"message": "system lights from vendor acme has no contractual security requirements (contract.security_requirements = false)",
	}}
}

test_no_right_to_audit_fires if {
	r := rule.deny with input as {"systems": [sys(object.remove(good, ["right_to_audit"]))]}
	r == {{
		"resource": {"kind": "system", "id": "lights"},
		"field": "contract.right_to_audit",
		"message": "system lights from vendor acme gives the city no right to audit (contract.right_to_audit = unset)",
	}}
}

test_long_notice_fires if {
	r := rule.deny with input as {"systems": [sys(object.union(good, {"incident_notice_hours": 72}))]}
	r == {{
		"resource": {"kind": "system", "id": "lights"},
		"field": "contract.incident_notice_hours",
		"message": "system lights from vendor acme must notify incidents within 72 h, longer than the 24 h limit",
	}}
}

test_notice_unset_fires if {
	r := rule.deny with input as {"systems": [sys(object.remove(good, ["incident_notice_hours"]))]}
	r == {{
		"resource": {"kind": "system", "id": "lights"},
		"field": "contract.incident_notice_hours",
		"message": "system lights from vendor acme has no incident notification deadline (contract.incident_notice_hours)",
	}}
}

test_notice_boundary if {
	count(rule.deny) == 0 with input as {"systems": [sys(object.union(good, {"incident_notice_hours": 24}))]}
	count(rule.deny) == 1 with input as {"systems": [sys(object.union(good, {"incident_notice_hours": 24.5}))]}
	count(rule.deny) == 0 with input as {"systems": [sys(object.union(good, {"incident_notice_hours": 0}))]}
}

test_no_contract_fires_three if {
	count(rule.deny) == 3 with input as {"systems": [{"id": "lights", "vendor": "acme", "stage": "procurement"}]}
}

test_not_applicable_passes if {
	count(rule.deny) == 0 with input as {"systems": [
		{"id": "in-house"},
		{"id": "old", "vendor": "acme", "stage": "retired"},
	]}
}
