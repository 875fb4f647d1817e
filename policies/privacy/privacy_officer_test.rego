package citygate.rules.privacy.privacy_officer_test

import data.citygate.rules.privacy.privacy_officer as rule

lisboa := {"kind": "city", "id": "lisboa"}

test_no_role_fires if {
	r := rule.deny with input as {"city": {"id": "lisboa", "roles": [{"name": "cyber_accountable_officer", "holder": "R. Lima"}]}}
	r == {{
		"resource": lisboa,
		"field": "role.privacy_officer",
		"status": "fail",
		"template": "no_role",
		"args": {"id": "lisboa"},
	}}
}

test_no_roles_at_all_fires if {
	count(rule.deny) == 1 with input as {"city": {"id": "lisboa"}}
}

test_holder_not_stated if {
	r := rule.deny with input as {"city": {"id": "lisboa", "roles": [{"name": "privacy_officer", "title": "DPO"}]}}
	r == {{"resource": lisboa, "field": "role.privacy_officer.holder", "status": "not_stated"}}
}

test_named_officer_passes if {
	count(rule.deny) == 0 with input as {"city": {"id": "lisboa", "roles": [{"name": "privacy_officer", "holder": "M. Sousa"}]}}
}

test_applies_to_the_city if {
	a := rule.applies with input as {"city": {"id": "lisboa"}, "systems": [{"id": "portal"}]}
	a == {lisboa}
}

test_bid_without_city_does_not_apply if {
	i := {"systems": [{"id": "acme-smart-lighting", "vendor": "acme", "stage": "procurement"}]}
	count(rule.deny) == 0 with input as i
	count(rule.applies) == 0 with input as i
}
