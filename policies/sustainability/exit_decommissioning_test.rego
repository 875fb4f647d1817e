package citygate.rules.sustainability.exit_decommissioning_test

import data.citygate.rules.sustainability.exit_decommissioning as rule

lights := {"kind": "system", "id": "lights"}

good := {"data_owner": "city", "exit_data_format": "GeoJSON", "data_wipe_method": "NIST 800-88 purge"}

sys(contract) := {"id": "lights", "vendor": "acme", "contract": contract}

test_vendor_owns_data_fires if {
	r := rule.deny with input as {"systems": [sys(object.union(good, {"data_owner": "vendor"}))]}
	r == {{
		"resource": lights,
		"field": "contract.data_owner",
		"status": "fail",
		"template": "not_city_owned",
		"args": {"id": "lights", "vendor": "acme", "owner": "vendor"},
	}}
}

test_shared_ownership_fires if {
	r := rule.deny with input as {"systems": [sys(object.union(good, {"data_owner": "shared"}))]}
	{[f.status, f.args.owner] | some f in r} == {["fail", "shared"]}
}

test_document_exit_format_fires if {
	r := rule.deny with input as {"systems": [sys(object.union(good, {"exit_data_format": "pdf"}))]}
	r == {{
		"resource": lights,
		"field": "contract.exit_data_format",
		"status": "fail",
		"template": "no_open_exit_format",
		"args": {"id": "lights", "vendor": "acme"},
	}}
}

test_data_owner_absent_is_not_stated if {
	r := rule.deny with input as {"systems": [sys(object.remove(good, ["data_owner"]))]}
	r == {{"resource": lights, "field": "contract.data_owner", "status": "not_stated"}}
}

test_exit_format_absent_is_not_stated if {
	r := rule.deny with input as {"systems": [sys(object.remove(good, ["exit_data_format"]))]}
	r == {{"resource": lights, "field": "contract.exit_data_format", "status": "not_stated"}}
}

test_wipe_method_absent_is_not_stated if {
	r := rule.deny with input as {"systems": [sys(object.remove(good, ["data_wipe_method"]))]}
	r == {{"resource": lights, "field": "contract.data_wipe_method", "status": "not_stated"}}
}

test_no_contract_is_not_stated_three_times if {
	r := rule.deny with input as {"systems": [{"id": "lights", "vendor": "acme"}]}
	r == {
		{"resource": lights, "field": "contract.data_owner", "status": "not_stated"},
		{"resource": lights, "field": "contract.exit_data_format", "status": "not_stated"},
		{"resource": lights, "field": "contract.data_wipe_method", "status": "not_stated"},
	}
}

test_compliant_passes if {
	count(rule.deny) == 0 with input as {"systems": [sys(good)]}
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
