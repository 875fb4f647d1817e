package citygate.rules.sustainability.exit_decommissioning_test

import data.citygate.rules.sustainability.exit_decommissioning as rule

good := {"data_owner": "city", "exit_data_format": "GeoJSON", "data_wipe_method": "NIST 800-88 purge"}

sys(contract) := {"id": "lights", "vendor": "acme", "contract": contract}

test_vendor_owns_data_fires if {
	r := rule.deny with input as {"systems": [sys(object.union(good, {"data_owner": "vendor"}))]}
	r == {{
		"resource": {"kind": "system", "id": "lights"},
		"field": "contract.data_owner",
		"message": "system lights from vendor acme does not leave the data owned by the city (contract.data_owner = vendor)",
	}}
}

test_shared_ownership_fires if {
	count(rule.deny) == 1 with input as {"systems": [sys(object.union(good, {"data_owner": "shared"}))]}
}

test_no_exit_format_fires if {
	r := rule.deny with input as {"systems": [sys(object.remove(good, ["exit_data_format"]))]}
	r == {{
		"resource": {"kind": "system", "id": "lights"},
		"field": "contract.exit_data_format",
		"message": "system lights from vendor acme names no open data export format for exit (contract.exit_data_format)",
	}}
}

test_no_wipe_method_fires if {
	r := rule.deny with input as {"systems": [sys(object.remove(good, ["data_wipe_method"]))]}
	r == {{
		"resource": {"kind": "system", "id": "lights"},
		"field": "contract.data_wipe_method",
		"message": "system lights from vendor acme names no data-wipe method for decommissioning (contract.data_wipe_method)",
	}}
}

test_no_contract_fires_three if {
	r := rule.deny with input as {"systems": [{"id": "lights", "vendor": "acme"}]}
	{f.message | some f in r; f.field == "contract.data_owner"} == {"system lights from vendor acme does not leave the data owned by the city (contract.data_owner = unset)"}
	count(r) == 3
}

test_compliant_passes if {
	count(rule.deny) == 0 with input as {"systems": [sys(good)]}
}

test_not_applicable_passes if {
	count(rule.deny) == 0 with input as {"systems": [
		{"id": "in-house"},
		{"id": "old", "vendor": "acme", "stage": "retired"},
	]}
}
