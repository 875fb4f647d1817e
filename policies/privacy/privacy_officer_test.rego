package citygate.rules.privacy.privacy_officer_test

import data.citygate.rules.privacy.privacy_officer as rule

test_no_role_fires if {
	r := rule.deny with input as {"city": {"id": "lisboa", "roles": [{"name": "cyber_accountable_officer", "holder": "R. Lima"}]}}
	r == {{
		"resource": {"kind": "city", "id": "lisboa"},
		"field": "role.privacy_officer",
		"message": "city lisboa names no privacy officer (role \"privacy_officer\")",
	}}
}

test_no_roles_at_all_fires if {
	count(rule.deny) == 1 with input as {"city": {"id": "lisboa"}}
}

test_role_without_holder_fires if {
	r := rule.deny with input as {"city": {"id": "lisboa", "roles": [{"name": "privacy_officer", "title": "DPO"}]}}
	r == {{
		"resource": {"kind": "city", "id": "lisboa"},
		"field": "role.privacy_officer.holder",
		"message": "city lisboa has a privacy_officer role with no holder",
	}}
}

test_named_officer_passes if {
	count(rule.deny) == 0 with input as {"city": {"id": "lisboa", "roles": [{"name": "privacy_officer", "holder": "M. Sousa"}]}}
}

test_bid_without_city_does_not_apply if {
	count(rule.deny) == 0 with input as {"systems": [{"id": "acme-smart-lighting", "vendor": "acme", "stage": "procurement"}]}
}
