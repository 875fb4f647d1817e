package citygate.rules.accessibility.ada_title_ii_test

import data.citygate.rules.accessibility.ada_title_ii as rule

web(a) := {"id": "portal", "category": "web_service", "accessibility": a}

portal := {"kind": "system", "id": "portal"}

after := "2026-04-24"

before := "2026-04-23"

test_compliant_passes if {
	inv := {"systems": [
		web({"standard": "WCAG 2.1", "level": "AA"}),
		{"id": "app", "category": "mobile_app", "accessibility": {"standard": "WCAG 2.2", "level": "AAA"}},
	]}
	count(rule.deny) == 0 with input as inv with data.citygate.as_of as after
	rule.applies == {portal, {"kind": "system", "id": "app"}} with input as inv
}

test_wcag_2_0_fails_from_the_compliance_date if {
	r := rule.deny with input as {"systems": [web({"standard": "WCAG 2.0", "level": "AA"})]} with data.citygate.as_of as after
	r == {{
		"resource": portal,
		"field": "accessibility.standard",
		"status": "fail",
		"template": "standard_below",
		"args": {"id": "portal", "standard": "WCAG 2.0", "date": "2026-04-24"},
	}}
}

test_level_a_fails_from_the_compliance_date if {
	r := rule.deny with input as {"systems": [web({"standard": "WCAG 2.1", "level": "A"})]} with data.citygate.as_of as after
	r == {{
		"resource": portal,
		"field": "accessibility.level",
		"status": "fail",
		"template": "level_below",
		"args": {"id": "portal", "level": "A", "date": "2026-04-24"},
	}}
}

test_below_aa_passes_before_the_compliance_date if {
	count(rule.deny) == 0 with input as {"systems": [web({"standard": "WCAG 2.0", "level": "A"})]} with data.citygate.as_of as before
}

test_standard_not_stated if {
	r := rule.deny with input as {"systems": [web({"level": "AA"})]} with data.citygate.as_of as after
	r == {{"resource": portal, "field": "accessibility.standard", "status": "not_stated"}}
}

test_level_not_stated if {
	r := rule.deny with input as {"systems": [web({"standard": "WCAG 2.1", "level": null})]} with data.citygate.as_of as after
	r == {{"resource": portal, "field": "accessibility.level", "status": "not_stated"}}
}

# Known before the date, so the gap can be closed in time.
test_no_accessibility_block_is_not_stated_before_the_date if {
	r := rule.deny with input as {"systems": [{"id": "portal", "category": "web_service"}]} with data.citygate.as_of as before
	r == {
		{"resource": portal, "field": "accessibility.standard", "status": "not_stated"},
		{"resource": portal, "field": "accessibility.level", "status": "not_stated"},
	}
}

test_not_covered_does_not_apply if {
	inv := {"systems": [
		{"id": "kiosk", "category": "kiosk", "accessibility": {"standard": "WCAG 2.0", "level": "A"}},
		{"id": "private", "category": "web_service", "deployer": "private", "accessibility": {"standard": "WCAG 2.0"}},
		{"id": "old", "category": "web_service", "stage": "retired"},
		{"id": "scada", "category": "ot"},
	]}
	count(rule.applies) == 0 with input as inv
	count(rule.deny) == 0 with input as inv with data.citygate.as_of as after
}
