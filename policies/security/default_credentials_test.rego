package citygate.rules.security.default_credentials_test

import data.citygate.rules.security.default_credentials as rule

cam := {"kind": "system", "id": "cam"}

test_applies_to_active_systems if {
	r := rule.applies with input as {"systems": [{"id": "cam"}, {"id": "old", "stage": "retired"}]}
	r == {cam}
}

test_universal_password_fails if {
	r := rule.deny with input as {"systems": [{"id": "cam", "auth": {"default_credentials": "universal"}}]}
	r == {{
		"resource": cam,
		"field": "auth.default_credentials",
		"status": "fail",
		"template": "shared_default",
		"args": {"id": "cam", "credentials": "universal"},
	}}
}

test_missing_auth_not_stated if {
	r := rule.deny with input as {"systems": [{"id": "cam"}]}
	r == {{"resource": cam, "field": "auth.default_credentials", "status": "not_stated"}}
}

test_null_credentials_not_stated if {
	r := rule.deny with input as {"systems": [{"id": "cam", "auth": {"default_credentials": null}}]}
	r == {{"resource": cam, "field": "auth.default_credentials", "status": "not_stated"}}
}

test_unique_passes if {
	count(rule.deny) == 0 with input as {"systems": [
		{"id": "a", "auth": {"default_credentials": "unique_per_device"}},
		{"id": "b", "auth": {"default_credentials": "user_defined"}},
		{"id": "c", "auth": {"default_credentials": "none"}},
	]}
}

test_retired_system_not_checked if {
	count(rule.deny) == 0 with input as {"systems": [{"id": "old", "stage": "retired"}]}
}

# Every result names a resource the rule applies to.
test_every_result_is_applicable if {
	inp := {"systems": [{"id": "a"}, {"id": "b", "auth": {"default_credentials": "universal"}}, {"id": "old", "stage": "retired"}]}
	results := rule.deny with input as inp
	applicable := rule.applies with input as inp
	count(results) > 0
	every f in results {
		f.resource in applicable
	}
}
