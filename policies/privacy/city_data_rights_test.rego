package citygate.rules.privacy.city_data_rights_test

import data.citygate.rules.privacy.city_data_rights as rule

bid(contract) := {"id": "lights", "vendor": "acme", "stage": "procurement", "contract": contract}

lights := {"kind": "system", "id": "lights"}

good := {"city_data_access": true, "vendor_reuse_prohibited": true}

test_both_rights_pass if {
	count(rule.deny) == 0 with input as {"systems": [bid(good)]}
}

test_no_city_access_fires if {
	r := rule.deny with input as {"systems": [bid(object.union(good, {"city_data_access": false}))]}
	r == {{
		"resource": lights,
		"field": "contract.city_data_access",
		"status": "fail",
		"template": "no_city_access",
		"args": {"id": "lights", "vendor": "acme"},
	}}
}

test_reuse_allowed_fires if {
	r := rule.deny with input as {"systems": [bid(object.union(good, {"vendor_reuse_prohibited": false}))]}
	r == {{
		"resource": lights,
		"field": "contract.vendor_reuse_prohibited",
		"status": "fail",
		"template": "reuse_allowed",
		"args": {"id": "lights", "vendor": "acme"},
	}}
}

test_city_access_not_stated if {
	r := rule.deny with input as {"systems": [bid({"vendor_reuse_prohibited": true})]}
	r == {{"resource": lights, "field": "contract.city_data_access", "status": "not_stated"}}
}

test_reuse_not_stated if {
	r := rule.deny with input as {"systems": [bid({"city_data_access": true, "vendor_reuse_prohibited": null})]}
	r == {{"resource": lights, "field": "contract.vendor_reuse_prohibited", "status": "not_stated"}}
}

test_no_contract_states_neither if {
	r := rule.deny with input as {"systems": [{"id": "lights", "vendor": "acme"}]}
	r == {
		{"resource": lights, "field": "contract.city_data_access", "status": "not_stated"},
		{"resource": lights, "field": "contract.vendor_reuse_prohibited", "status": "not_stated"},
	}
}

test_applies if {
	a := rule.applies with input as {"systems": [
		bid(good),
		{"id": "pilot", "vendor": "acme", "stage": "pilot"},
		{"id": "live", "vendor": "acme"},
		{"id": "idea", "vendor": "acme", "stage": "proposed"},
		{"id": "portal"},
		{"id": "old", "vendor": "acme", "stage": "retired"},
	]}
	a == {lights, {"kind": "system", "id": "pilot"}, {"kind": "system", "id": "live"}}
}

test_in_house_proposed_and_retired_do_not_apply if {
	count(rule.deny) == 0 with input as {"systems": [
		{"id": "portal"},
		{"id": "idea", "vendor": "acme", "stage": "proposed"},
		{"id": "old", "vendor": "acme", "stage": "retired"},
	]}
}
