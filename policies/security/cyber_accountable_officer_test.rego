package citygate.rules.security.cyber_accountable_officer_test

import data.citygate.rules.security.cyber_accountable_officer as rule

city(roles) := {"city": {"id": "lisboa", "roles": roles}}

lisboa := {"kind": "city", "id": "lisboa"}

good := {"name": "cyber_accountable_officer", "holder": "R. Lima", "reports_to": "mayor"}

test_applies_to_the_city if {
	rule.applies == {lisboa} with input as city([good])
}

test_no_city_not_applicable if {
	inp := {"systems": [{"id": "bid", "stage": "procurement", "vendor": "acme"}]}
	count(rule.applies) == 0 with input as inp
	count(rule.deny) == 0 with input as inp
}

test_compliant_passes if {
	count(rule.deny) == 0 with input as city([good])
	count(rule.deny) == 0 with input as city([object.union(good, {"decision_authority": true, "reports_to": "council"})])
}

test_missing_role_not_stated if {
	r := rule.deny with input as city([{"name": "privacy_officer", "holder": "M. Sousa"}])
	r == {{"resource": lisboa, "field": "role.cyber_accountable_officer", "status": "not_stated"}}
}

test_no_roles_at_all_not_stated if {
	r := rule.deny with input as {"city": {"id": "lisboa"}}
	r == {{"resource": lisboa, "field": "role.cyber_accountable_officer", "status": "not_stated"}}
}

test_missing_holder_not_stated if {
	r := rule.deny with input as city([object.remove(good, ["holder"])])
	r == {{"resource": lisboa, "field": "role.cyber_accountable_officer.holder", "status": "not_stated"}}
}

test_null_holder_not_stated if {
	r := rule.deny with input as city([object.union(good, {"holder": null})])
	r == {{"resource": lisboa, "field": "role.cyber_accountable_officer.holder", "status": "not_stated"}}
}

test_blank_holder_fails if {
	r := rule.deny with input as city([object.union(good, {"holder": " "})])
	r == {{
		"resource": lisboa,
		"field": "role.cyber_accountable_officer.holder",
		"status": "fail",
		"template": "no_holder",
		"args": {"id": "lisboa"},
	}}
}

test_no_decision_authority_fails if {
	r := rule.deny with input as city([object.union(good, {"decision_authority": false})])
	r == {{
		"resource": lisboa,
		"field": "role.cyber_accountable_officer.decision_authority",
		"status": "fail",
		"template": "no_decision_authority",
		"args": {"id": "lisboa"},
	}}
}

test_wrong_reporting_line_fails if {
	r := rule.deny with input as city([object.union(good, {"reports_to": "it_director"})])
	r == {{
		"resource": lisboa,
		"field": "role.cyber_accountable_officer.reports_to",
		"status": "fail",
		"template": "not_top_executive",
		"args": {"id": "lisboa", "reports_to": "it_director"},
	}}
}

test_missing_reporting_line_not_stated if {
	r := rule.deny with input as city([object.remove(good, ["reports_to"])])
	r == {{"resource": lisboa, "field": "role.cyber_accountable_officer.reports_to", "status": "not_stated"}}
}

test_null_reporting_line_not_stated if {
	r := rule.deny with input as city([object.union(good, {"reports_to": null})])
	r == {{"resource": lisboa, "field": "role.cyber_accountable_officer.reports_to", "status": "not_stated"}}
}

test_top_executives_param_override if {
	r := rule.deny with input as city([good]) with data.citygate.params.top_executives as ["city_manager"]
	[f.template | some f in r] == ["not_top_executive"]
}

# Every result names a resource the rule applies to.
test_every_result_is_applicable if {
	inp := {"city": {"id": "lisboa", "roles": [{"name": "cyber_accountable_officer", "holder": "", "reports_to": "cio", "decision_authority": false}]}}
	results := rule.deny with input as inp
	applicable := rule.applies with input as inp
	count(results) > 0
	every f in results {
		f.resource in applicable
	}
}
