package citygate.rules.security.login_abuse_test

import data.citygate.rules.security.login_abuse as rule

portal := {"kind": "system", "id": "portal"}

test_compliant_passes if {
	count(rule.deny) == 0 with input as {"systems": [
		{"id": "portal", "category": "web_service", "auth": {"public_login": true, "brute_force_protection": true}},
		{"id": "info", "category": "web_service", "auth": {"public_login": false}},
		{"id": "scada", "auth": {"public_login": false}},
		{"id": "lights"},
		{"id": "old", "stage": "retired", "auth": {"public_login": true}},
	]}
}

test_unprotected_fires if {
	r := rule.deny with input as {"systems": [{"id": "portal", "auth": {"public_login": true, "brute_force_protection": false}}]}
	r == {{
		"resource": portal,
		"field": "auth.brute_force_protection",
		"status": "fail",
		"template": "unprotected",
		"args": {"id": "portal"},
	}}
}

test_protection_absent_is_not_stated if {
	r := rule.deny with input as {"systems": [{"id": "portal", "auth": {"public_login": true}}]}
	r == {{"resource": portal, "field": "auth.brute_force_protection", "status": "not_stated"}}
}

test_public_login_absent_is_not_stated if {
	r := rule.deny with input as {"systems": [{"id": "portal", "category": "web_service"}]}
	r == {{"resource": portal, "field": "auth.public_login", "status": "not_stated"}}
	r2 := rule.deny with input as {"systems": [{"id": "portal", "public_facing": true, "auth": {"mfa_privileged": true}}]}
	r2 == r
}

test_applies if {
	inp := {"systems": [
		{"id": "portal", "category": "web_service", "auth": {"public_login": false}},
		{"id": "app", "category": "mobile_app", "auth": {"public_login": false}},
		{"id": "kiosk", "category": "kiosk", "auth": {"public_login": false}},
		{"id": "charger", "category": "iot", "auth": {"public_login": true, "brute_force_protection": true}},
		{"id": "board", "category": "iot", "public_facing": true, "auth": {"public_login": false}},
		{"id": "scada", "category": "ot"},
		{"id": "staff", "category": "it", "user_facing": true},
		{"id": "old", "category": "web_service", "stage": "retired"},
	]}
	rule.applies == {
		portal,
		{"kind": "system", "id": "app"},
		{"kind": "system", "id": "kiosk"},
		{"kind": "system", "id": "charger"},
		{"kind": "system", "id": "board"},
	} with input as inp
	count(rule.deny) == 0 with input as inp
}
