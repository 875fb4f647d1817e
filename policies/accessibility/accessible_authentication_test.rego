package citygate.rules.accessibility.accessible_authentication_test

import data.citygate.rules.accessibility.accessible_authentication as rule

portal(auth) := {"id": "e-services-portal", "category": "web_service", "public_facing": true, "auth": auth}

test_captcha_without_alternative_fires if {
	r := rule.deny with input as {"systems": [portal({"bot_protection": "captcha", "captcha_alternative": false})]}
	r == {{
		"resource": {"kind": "system", "id": "e-services-portal"},
		"field": "auth.captcha_alternative",
		"message": "system e-services-portal uses a CAPTCHA with no accessible alternative (auth.captcha_alternative = false)",
	}}
}

test_alternative_not_stated_fires if {
	r := rule.deny with input as {"systems": [portal({"bot_protection": "captcha"})]}
	r == {{
		"resource": {"kind": "system", "id": "e-services-portal"},
		"field": "auth.captcha_alternative",
		"message": "system e-services-portal uses a CAPTCHA with no accessible alternative (auth.captcha_alternative = not set)",
	}}
}

test_captcha_with_alternative_passes if {
	count(rule.deny) == 0 with input as {"systems": [portal({"bot_protection": "captcha", "captcha_alternative": true})]}
}

test_other_bot_protection_passes if {
	count(rule.deny) == 0 with input as {"systems": [
		portal({"bot_protection": "rate_limit"}),
		object.union(portal({"bot_protection": "risk_based"}), {"id": "b"}),
		object.union(portal({}), {"id": "c"}),
	]}
}

test_not_user_facing_does_not_apply if {
	count(rule.deny) == 0 with input as {"systems": [{"id": "api", "category": "it", "auth": {"bot_protection": "captcha"}}]}
}

test_retired_does_not_apply if {
	count(rule.deny) == 0 with input as {"systems": [object.union(portal({"bot_protection": "captcha"}), {"stage": "retired"})]}
}
