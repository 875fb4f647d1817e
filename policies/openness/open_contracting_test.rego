package citygate.rules.openness.open_contracting_test

import data.citygate.rules.openness.open_contracting as rule

lights := {"kind": "system", "id": "lights"}

test_unpublished_fires if {
	r := rule.deny with input as {"systems": [{"id": "lights", "vendor": "acme", "stage": "pilot", "procurement": {"published": false}}]}
	r == {{
		"resource": lights,
		"field": "procurement.published",
		"status": "fail",
		"template": "not_published",
		"args": {"id": "lights", "vendor": "acme", "stage": "pilot"},
	}}
}

test_unpublished_in_production_names_the_stage if {
	r := rule.deny with input as {"systems": [{"id": "lights", "vendor": "acme", "procurement": {"published": false}}]}
	{f.args.stage | some f in r} == {"production"}
}

test_published_absent_is_not_stated if {
	r := rule.deny with input as {"systems": [{"id": "lights", "vendor": "acme", "procurement": {"reference": "T-1"}}]}
	r == {{"resource": lights, "field": "procurement.published", "status": "not_stated"}}
	r2 := rule.deny with input as {"systems": [{"id": "lights", "vendor": "acme"}]}
	r2 == r
}

test_published_passes if {
	count(rule.deny) == 0 with input as {"systems": [{"id": "lights", "vendor": "acme", "procurement": {"published": true, "ocds": true}}]}
}

test_applies_to_vendor_systems_in_service if {
	inp := {"systems": [
		{"id": "lights", "vendor": "acme", "stage": "pilot"},
		{"id": "in-house"},
		{"id": "bid", "vendor": "acme", "stage": "procurement"},
		{"id": "planned", "vendor": "acme", "stage": "proposed"},
		{"id": "old", "vendor": "acme", "stage": "retired"},
	]}
	rule.applies == {lights} with input as inp
	{f.resource | some f in rule.deny} == {lights} with input as inp
}
