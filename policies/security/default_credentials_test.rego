package citygate.rules.security.default_credentials_test

import data.citygate.rules.security.default_credentials as rule

test_universal_password_fires if {
	r := rule.deny with input as {"systems": [{"id": "cam", "auth": {"default_credentials": "universal"}}]}
	r == {{
		"resource": {"kind": "system", "id": "cam"},
		"field": "auth.default_credentials",
		"message": "system cam does not state unique or user-defined initial credentials (auth.default_credentials = universal)",
	}}
}

test_missing_auth_fires if {
	r := rule.deny with input as {"systems": [{"id": "cam"}]}
	count(r) == 1
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
