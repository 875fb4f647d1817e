package citygate.rules.openness.open_contracting_test

import data.citygate.rules.openness.open_contracting as rule

test_unpublished_fires if {
	r := rule.deny with input as {"systems": [{"id": "lights", "vendor": "acme", "stage": "pilot", "procurement": {"published": false}}]}
	r == {{
		"resource": {"kind": "system", "id": "lights"},
		"field": "procurement.published",
		"message": "system lights from vendor acme is in pilot but its contract award is not published (procurement.published = false)",
	}}
}

test_unset_fires_in_production if {
	r := rule.deny with input as {"systems": [{"id": "lights", "vendor": "acme"}]}
	r == {{
		"resource": {"kind": "system", "id": "lights"},
		"field": "procurement.published",
		"message": "system lights from vendor acme is in production but its contract award is not published (procurement.published = unset)",
	}}
}

test_published_passes if {
	count(rule.deny) == 0 with input as {"systems": [{"id": "lights", "vendor": "acme", "procurement": {"published": true, "ocds": true}}]}
}

test_not_applicable_passes if {
	count(rule.deny) == 0 with input as {"systems": [
		{"id": "in-house"},
		{"id": "bid", "vendor": "acme", "stage": "procurement"},
		{"id": "planned", "vendor": "acme", "stage": "proposed"},
		{"id": "old", "vendor": "acme", "stage": "retired"},
	]}
}
