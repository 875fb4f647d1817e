package citygate.rules.openness.open_apis_test

import data.citygate.rules.openness.open_apis as rule

lights := {"kind": "system", "id": "lights"}

api := {"format": "openapi-3.1", "url": "https://lights.example/openapi.json"}

sys(contract) := {"id": "lights", "vendor": "acme", "contract": contract}

test_compliant_passes if {
	every f in ["openapi-2", "openapi-3", "openapi-3.1", "asyncapi-2", "asyncapi-3", "graphql", "odata-4", "ngsi-ld", "ocpi-2", "wsdl", "grpc-proto", "NGSI-LD"] {
		count(rule.deny) == 0 with input as {"systems": [sys({"open_api_spec": {"format": f, "url": "https://x.example/api"}, "exit_data_format": "JSON-LD"})]}
	}
}

test_unknown_format_fires if {
	r := rule.deny with input as {"systems": [sys({"open_api_spec": {"format": "proprietary-rest", "url": "https://x.example"}, "exit_data_format": "CSV"})]}
	r == {{
		"resource": lights,
		"field": "contract.open_api_spec.format",
		"status": "fail",
		"template": "no_open_api",
		"args": {"id": "lights", "vendor": "acme"},
	}}
}

test_no_api_block_is_not_stated if {
	r := rule.deny with input as {"systems": [sys({"exit_data_format": "GeoJSON"})]}
	r == {
		{"resource": lights, "field": "contract.open_api_spec.format", "status": "not_stated"},
		{"resource": lights, "field": "contract.open_api_spec.url", "status": "not_stated"},
	}
}

test_free_text_api_is_not_stated if {
	# The version-1 string states neither a format nor a url.
	r := rule.deny with input as {"systems": [sys({"open_api_spec": "proprietary REST API, documentation on request", "exit_data_format": "GeoJSON"})]}
	{f.field | some f in r; f.status == "not_stated"} == {"contract.open_api_spec.format", "contract.open_api_spec.url"}
	count(r) == 2
}

test_format_absent_is_not_stated if {
	r := rule.deny with input as {"systems": [sys({"open_api_spec": {"url": "https://x.example"}, "exit_data_format": "CSV"})]}
	r == {{"resource": lights, "field": "contract.open_api_spec.format", "status": "not_stated"}}
}

test_url_absent_is_not_stated if {
	r := rule.deny with input as {"systems": [sys({"open_api_spec": {"format": "ngsi-ld"}, "exit_data_format": "CSV"})]}
	r == {{"resource": lights, "field": "contract.open_api_spec.url", "status": "not_stated"}}
}

test_exit_format_absent_is_not_stated if {
	r := rule.deny with input as {"systems": [{"id": "lights", "vendor": "acme", "stage": "procurement", "contract": {"open_api_spec": api}}]}
	r == {{"resource": lights, "field": "contract.exit_data_format", "status": "not_stated"}}
}

test_closed_exit_format_fires if {
	r := rule.deny with input as {"systems": [sys({"open_api_spec": api, "exit_data_format": "pdf"})]}
	r == {{
		"resource": lights,
		"field": "contract.exit_data_format",
		"status": "fail",
		"template": "no_open_export",
		"args": {"id": "lights", "vendor": "acme"},
	}}
}

test_no_contract_is_not_stated_three_times if {
	r := rule.deny with input as {"systems": [{"id": "lights", "vendor": "acme"}]}
	{f.field | some f in r; f.status == "not_stated"} == {"contract.open_api_spec.format", "contract.open_api_spec.url", "contract.exit_data_format"}
	count(r) == 3
}

test_applies_to_active_vendor_systems if {
	inp := {"systems": [
		{"id": "lights", "vendor": "acme"},
		{"id": "in-house"},
		{"id": "old", "vendor": "acme", "stage": "retired"},
	]}
	rule.applies == {lights} with input as inp
	{f.resource | some f in rule.deny} == {lights} with input as inp
}
