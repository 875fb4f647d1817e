package citygate.rules.security.cyber_accountable_officer_test

import data.citygate.rules.security.cyber_accountable_officer as rule

city(roles) := {"city": {"id": "lisboa", "roles": roles}}

good := {"name": "cyber_accountable_officer", "holder": "R. Lima", "reports_to": "mayor"}

test_compliant_passes if {
	count(rule.deny) == 0 with input as city([good])
	count(rule.deny) == 0 with input as city([object.union(good, {"decision_authority": true, "reports_to": "council"})])
}

test_no_city_passes if {
	count(rule.deny) == 0 with input as {"systems": [{"id": "bid", "stage": "procurement", "vendor": "acme"}]}
}

test_missing_role_fires if {
	r := rule.deny with input as city([{"name": "privacy_officer", "holder": "M. Sousa"}])
	r == {{
		"resource": {"kind": "city", "id": "lisboa"},
		"field": "role.cyber_accountable_officer",
		"message": "city lisboa has no role \"cyber_accountable_officer\"",
	}}
}

test_no_roles_at_all_fires if {
	r := rule.deny with input as {"city": {"id": "lisboa"}}
	count(r) == 1
}

test_missing_holder_fires if {
	r := rule.deny with input as city([object.remove(good, ["holder"])])
	r == {{
		"resource": {"kind": "city", "id": "lisboa"},
		"field": "role.cyber_accountable_officer.holder",
		"message": "city lisboa names no holder for the cyber_accountable_officer role",
	}}
}

test_no_decision_authority_fires if {
	r := rule.deny with input as city([object.union(good, {"decision_authority": false})])
	r == {{
		"resource": {"kind": "city", "id": "lisboa"},
		"field": "role.cyber_accountable_officer.decision_authority",
		"message": "city lisboa gives its cyber_accountable_officer no decision authority (decision_authority = false)",
	}}
}

test_wrong_reporting_line_fires if {
	r := rule.deny with input as city([object.union(good, {"reports_to": "it_director"})])
	r == {{
		"resource": {"kind": "city", "id": "lisboa"},
		"field": "role.cyber_accountable_officer.reports_to",
		"message": "city lisboa has a cyber_accountable_officer who does not report to a top executive (reports_to = it_director)",
	}}
}

test_missing_reporting_line_fires if {
	r := rule.deny with input as city([object.remove(good, ["reports_to"])])
	r == {{
		"resource": {"kind": "city", "id": "lisboa"},
		"field": "role.cyber_accountable_officer.reports_to",
		"message": "city lisboa has a cyber_accountable_officer who does not report to a top executive (reports_to = unset)",
	}}
}

test_top_executives_param_override if {
	r := rule.deny with input as city([good]) with data.citygate.params.top_executives as ["city_manager"]
	count(r) == 1
}
