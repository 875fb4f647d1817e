package citygate.rules.security.login_abuse_test

import data.citygate.rules.security.login_abuse as rule

test_compliant_passes if {
	count(rule.deny) == 0 with input as {"systems": [
		{"id": "portal", "auth": {"public_login": true, "brute_force_protection": true}},
		{"id": "scada", "auth": {"public_login": false}},
		{"id": "lights"},
		{"id": "old", "stage": "retired", "auth": {"public_login": true}},
	]}
}

test_unprotected_fires if {
	r := rule.deny with input as {"systems": [{"id": "portal", "auth": {"public_login": true, "brute_force_protection": false}}]}
	r == {{
		"resource": {"kind": "system", "id": "portal"},
		"field": "auth.brute_force_protection",
		"message": "system portal has a public login with no brute-force protection (auth.brute_force_protection is not true)",
	}}
}

test_not_stated_fires if {
	count(rule.deny) == 1 with input as {"systems": [{"id": "portal", "auth": {"public_login": true}}]}
}
