package citygate.rules.accessibility.accessible_authentication_test

import data.citygate.rules.accessibility.accessible_authentication as rule

portal(auth) := {"id": "e-services-portal", "category": "web_service", "public_facing": true, "auth": auth}

eportal := {"kind": "system", "id": "e-services-portal"}

test_captcha_without_alternative_fires if {
	inv := {"systems": [portal({"public_login": true, "bot_protection": "captcha", "captcha_alternative": false})]}
	rule.deny == {{
		"resource": eportal,
		"field": "auth.captcha_alternative",
		"status": "fail",
		"template": "no_alternative",
		"args": {"id": "e-services-portal"},
	}} with input as inv
	rule.applies == {eportal} with input as inv
}

test_alternative_not_stated if {
	r := rule.deny with input as {"systems": [portal({"bot_protection": "captcha"})]}
	r == {{"resource": eportal, "field": "auth.captcha_alternative", "status": "not_stated"}}
}

test_captcha_with_alternative_passes if {
	inv := {"systems": [portal({"public_login": true, "bot_protection": "captcha", "captcha_alternative": true})]}
	count(rule.deny) == 0 with input as inv
	rule.applies == {eportal} with input as inv
}

test_other_bot_protection_passes if {
	inv := {"systems": [
		portal({"bot_protection": "rate_limit"}),
		object.union(portal({"bot_protection": "risk_based", "public_login": true}), {"id": "b"}),
		object.union(portal({"bot_protection": "proof_of_work"}), {"id": "c"}),
		object.union(portal({"bot_protection": "none"}), {"id": "d"}),
	]}
	count(rule.deny) == 0 with input as inv
	count(rule.applies) == 4 with input as inv
}

test_public_login_without_bot_protection_not_stated if {
	r := rule.deny with input as {"systems": [portal({"public_login": true})]}
	r == {{"resource": eportal, "field": "auth.bot_protection", "status": "not_stated"}}
}

test_no_login_and_no_bot_protection_does_not_apply if {
	inv := {"systems": [portal({}), object.union(portal({"public_login": false}), {"id": "b"}), {"id": "c", "category": "web_service"}]}
	count(rule.applies) == 0 with input as inv
	count(rule.deny) == 0 with input as inv
}

test_not_user_facing_does_not_apply if {
	inv := {"systems": [{"id": "api", "category": "it", "auth": {"public_login": true, "bot_protection": "captcha"}}]}
	count(rule.applies) == 0 with input as inv
	count(rule.deny) == 0 with input as inv
}

test_retired_does_not_apply if {
	inv := {"systems": [object.union(portal({"bot_protection": "captcha"}), {"stage": "retired"})]}
	count(rule.applies) == 0 with input as inv
	count(rule.deny) == 0 with input as inv
}
