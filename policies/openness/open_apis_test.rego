package citygate.rules.openness.open_apis_test

import data.citygate.rules.openness.open_apis as rule

test_no_api_fires if {
	r := rule.deny with input as {"systems": [{"id": "lights", "vendor": "acme", "contract": {"exit_data_format": "GeoJSON"}}]}
	r == {{
		"resource": {"kind": "system", "id": "lights"},
		"field": "contract.open_api_spec",
		"message": "system lights from vendor acme has no documented open API (contract.open_api_spec)",
	}}
}

test_no_exit_format_fires if {
	r := rule.deny with input as {"systems": [{"id": "lights", "vendor": "acme", "stage": "procurement", "contract": {"open_api_spec": "OpenAPI 3.1"}}]}
	r == {{
		"resource": {"kind": "system", "id": "lights"},
		"field": "contract.exit_data_format",
		"message": "system lights from vendor acme has no data export in an open format (contract.exit_data_format)",
	}}
}

test_no_contract_fires_twice if {
	count(rule.deny) == 2 with input as {"systems": [{"id": "lights", "vendor": "acme"}]}
}

test_compliant_passes if {
	count(rule.deny) == 0 with input as {"systems": [{"id": "lights", "vendor": "acme", "contract": {"open_api_spec": "NGSI-LD", "exit_data_format": "JSON-LD"}}]}
}

test_not_applicable_passes if {
	count(rule.deny) == 0 with input as {"systems": [
		{"id": "in-house"},
		{"id": "old", "vendor": "acme", "stage": "retired"},
	]}
}
