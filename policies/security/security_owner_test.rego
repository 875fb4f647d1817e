package citygate.rules.security.security_owner_test

import data.citygate.rules.security.security_owner as rule

test_applies_to_active_systems if {
	r := rule.applies with input as {"systems": [
		{"id": "bid", "stage": "procurement", "vendor": "acme"},
		{"id": "prod"},
		{"id": "idea", "stage": "proposed"},
		{"id": "old", "stage": "retired"},
	]}
	r == {{"kind": "system", "id": "bid"}, {"kind": "system", "id": "prod"}, {"kind": "system", "id": "idea"}}
}

test_missing_owner_not_stated if {
	r := rule.deny with input as {"systems": [{"id": "cam", "stage": "pilot"}]}
	r == {{"resource": {"kind": "system", "id": "cam"}, "field": "security_owner", "status": "not_stated"}}
}

test_null_owner_not_stated if {
	r := rule.deny with input as {"systems": [{"id": "cam", "security_owner": null}]}
	r == {{"resource": {"kind": "system", "id": "cam"}, "field": "security_owner", "status": "not_stated"}}
}

test_blank_owner_fails if {
	r := rule.deny with input as {"systems": [{"id": "cam", "security_owner": ""}]}
	r == {{
		"resource": {"kind": "system", "id": "cam"},
		"field": "security_owner",
		"status": "fail",
		"template": "blank_owner",
		"args": {"id": "cam"},
	}}
}

test_bid_and_production_not_stated if {
	r := rule.deny with input as {"systems": [
		{"id": "bid", "stage": "procurement", "vendor": "acme"},
		{"id": "prod"},
		{"id": "idea", "stage": "proposed"},
	]}
	{f.resource.id | some f in r; f.status == "not_stated"} == {"bid", "prod", "idea"}
}

test_owner_passes if {
	count(rule.deny) == 0 with input as {"systems": [{"id": "cam", "security_owner": "ot-sec"}]}
}

test_retired_not_applicable if {
	inp := {"systems": [{"id": "old", "stage": "retired"}]}
	count(rule.applies) == 0 with input as inp
	count(rule.deny) == 0 with input as inp
}

# Every result names a resource the rule applies to.
test_every_result_is_applicable if {
	inp := {"systems": [{"id": "a"}, {"id": "b", "security_owner": ""}, {"id": "old", "stage": "retired"}]}
	results := rule.deny with input as inp
	applicable := rule.applies with input as inp
	count(results) > 0
	every f in results {
		f.resource in applicable
	}
}
