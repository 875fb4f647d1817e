package citygate.rules.accessibility.wcag_aa_test

import data.citygate.rules.accessibility.wcag_aa as rule

web(a) := {"id": "portal", "category": "web_service", "accessibility": a}

test_compliant_passes if {
	count(rule.deny) == 0 with input as {"systems": [
		web({"standard": "WCAG 2.2", "level": "AA"}),
		{"id": "app", "category": "mobile_app", "accessibility": {"standard": "WCAG 2.1", "level": "AAA"}},
		{"id": "kiosk", "category": "kiosk", "accessibility": {"standard": "EN 301 549", "level": "AA"}},
	]}
}

test_wcag_2_0_fires if {
	r := rule.deny with input as {"systems": [web({"standard": "WCAG 2.0", "level": "AA"})]}
	r == {{
		"resource": {"kind": "system", "id": "portal"},
		"field": "accessibility.standard",
		"message": "system portal is user-facing and states accessibility.standard = WCAG 2.0, below WCAG 2.1 (target WCAG 2.2 AA)",
	}}
}

test_section_508_fires if {
	count(rule.deny) == 1 with input as {"systems": [web({"standard": "Section 508", "level": "AA"})]}
}

test_level_a_fires if {
	r := rule.deny with input as {"systems": [web({"standard": "WCAG 2.2", "level": "A"})]}
	r == {{
		"resource": {"kind": "system", "id": "portal"},
		"field": "accessibility.level",
		"message": "system portal is user-facing and states accessibility.level = A, below AA (target WCAG 2.2 AA)",
	}}
}

test_nothing_stated_fires_both if {
	r := rule.deny with input as {"systems": [{"id": "portal", "public_facing": true}]}
	r == {
		{
			"resource": {"kind": "system", "id": "portal"},
			"field": "accessibility.standard",
			"message": "system portal is user-facing and states accessibility.standard = not set, below WCAG 2.1 (target WCAG 2.2 AA)",
		},
		{
			"resource": {"kind": "system", "id": "portal"},
			"field": "accessibility.level",
			"message": "system portal is user-facing and states accessibility.level = not set, below AA (target WCAG 2.2 AA)",
		},
	}
}

test_staff_user_facing_applies if {
	count(rule.deny) == 2 with input as {"systems": [{"id": "dashboard", "category": "it", "user_facing": true}]}
}

test_not_user_facing_does_not_apply if {
	count(rule.deny) == 0 with input as {"systems": [
		{"id": "signals", "category": "ot"},
		{"id": "sensors", "category": "iot", "user_facing": false},
		{"id": "bare"},
	]}
}

test_retired_does_not_apply if {
	count(rule.deny) == 0 with input as {"systems": [object.union(web({"standard": "none"}), {"stage": "retired"})]}
}
