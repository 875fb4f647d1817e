package citygate.rules.accessibility.wcag_aa_test

import data.citygate.rules.accessibility.wcag_aa as rule

web(a) := {"id": "portal", "category": "web_service", "accessibility": a}

portal := {"kind": "system", "id": "portal"}

test_compliant_passes if {
	inv := {"systems": [
		web({"standard": "WCAG 2.2", "level": "AA"}),
		{"id": "app", "category": "mobile_app", "accessibility": {"standard": "WCAG 2.1", "level": "AAA"}},
		{"id": "kiosk", "category": "kiosk", "accessibility": {"standard": "EN 301 549", "level": "AA"}},
	]}
	count(rule.deny) == 0 with input as inv
	rule.applies == {portal, {"kind": "system", "id": "app"}, {"kind": "system", "id": "kiosk"}} with input as inv
}

test_wcag_2_0_fires if {
	r := rule.deny with input as {"systems": [web({"standard": "WCAG 2.0", "level": "AA"})]}
	r == {{
		"resource": portal,
		"field": "accessibility.standard",
		"status": "fail",
		"template": "standard_below",
		"args": {"id": "portal", "standard": "WCAG 2.0"},
	}}
}

test_section_508_fires if {
	r := rule.deny with input as {"systems": [web({"standard": "Section 508", "level": "AA"})]}
	r == {{
		"resource": portal,
		"field": "accessibility.standard",
		"status": "fail",
		"template": "standard_below",
		"args": {"id": "portal", "standard": "Section 508"},
	}}
}

test_level_a_fires if {
	r := rule.deny with input as {"systems": [web({"standard": "WCAG 2.2", "level": "A"})]}
	r == {{
		"resource": portal,
		"field": "accessibility.level",
		"status": "fail",
		"template": "level_below",
		"args": {"id": "portal", "level": "A"},
	}}
}

test_none_stated_fails_both if {
	r := rule.deny with input as {"systems": [web({"standard": "none", "level": "none"})]}
	r == {
		{"resource": portal, "field": "accessibility.standard", "status": "fail", "template": "standard_below", "args": {"id": "portal", "standard": "none"}},
		{"resource": portal, "field": "accessibility.level", "status": "fail", "template": "level_below", "args": {"id": "portal", "level": "none"}},
	}
}

test_standard_not_stated if {
	r := rule.deny with input as {"systems": [web({"level": "AA"})]}
	r == {{"resource": portal, "field": "accessibility.standard", "status": "not_stated"}}
}

test_level_not_stated if {
	r := rule.deny with input as {"systems": [web({"standard": "WCAG 2.2"})]}
	r == {{"resource": portal, "field": "accessibility.level", "status": "not_stated"}}
}

test_no_accessibility_block_is_not_stated_twice if {
	r := rule.deny with input as {"systems": [{"id": "portal", "public_facing": true}]}
	r == {
		{"resource": portal, "field": "accessibility.standard", "status": "not_stated"},
		{"resource": portal, "field": "accessibility.level", "status": "not_stated"},
	}
}

test_staff_user_facing_applies if {
	inv := {"systems": [{"id": "dashboard", "category": "it", "user_facing": true}]}
	rule.applies == {{"kind": "system", "id": "dashboard"}} with input as inv
	count(rule.deny) == 2 with input as inv
}

test_not_user_facing_does_not_apply if {
	inv := {"systems": [
		{"id": "signals", "category": "ot"},
		{"id": "sensors", "category": "iot", "user_facing": false},
		{"id": "bare"},
	]}
	count(rule.applies) == 0 with input as inv
	count(rule.deny) == 0 with input as inv
}

test_retired_does_not_apply if {
	inv := {"systems": [object.union(web({"standard": "none"}), {"stage": "retired"})]}
	count(rule.applies) == 0 with input as inv
	count(rule.deny) == 0 with input as inv
}
