package citygate.rules.security.security_level_test

import data.citygate.rules.security.security_level as rule

zones := [{"id": "ot-traffic", "sl_target": 2}, {"id": "open", "sl_target": 0}]

signals := {"kind": "system", "id": "signals"}

ot_traffic := {"kind": "zone", "id": "ot-traffic"}

test_compliant_passes if {
	count(rule.deny) == 0 with input as {"zones": zones, "systems": [
		{"id": "signals", "zone": "ot-traffic", "sl_capability": 2},
		{"id": "ctrl", "zone": "ot-traffic", "sl_capability": 3},
		{"id": "sensor", "zone": "open"},
		{"id": "old", "zone": "ot-traffic", "stage": "retired", "sl_capability": 0},
		{"id": "loose", "sl_capability": 0},
	]}
}

test_below_target_fires if {
	r := rule.deny with input as {"zones": zones, "systems": [{"id": "signals", "zone": "ot-traffic", "sl_capability": 1}]}
	r == {{
		"resource": signals,
		"field": "sl_capability",
		"status": "fail",
		"template": "below_target",
		"args": {"id": "signals", "capability": 1, "target": 2, "zone": "ot-traffic"},
	}}
}

test_capability_boundary if {
	count(rule.deny) == 0 with input as {"zones": zones, "systems": [{"id": "signals", "zone": "ot-traffic", "sl_capability": 2}]}
	count(rule.deny) == 1 with input as {"zones": zones, "systems": [{"id": "signals", "zone": "ot-traffic", "sl_capability": 1}]}
}

test_capability_absent_is_not_stated if {
	r := rule.deny with input as {"zones": zones, "systems": [{"id": "signals", "zone": "ot-traffic"}]}
	r == {{"resource": signals, "field": "sl_capability", "status": "not_stated"}}
}

test_target_zero_needs_no_capability if {
	count(rule.deny) == 0 with input as {"zones": zones, "systems": [{"id": "sensor", "zone": "open"}]}
}

test_zone_target_absent_is_not_stated if {
	inp := {"zones": [{"id": "flat"}], "systems": [{"id": "lights", "zone": "flat", "sl_capability": 0}]}
	r := rule.deny with input as inp
	r == {{"resource": {"kind": "zone", "id": "flat"}, "field": "sl_target", "status": "not_stated"}}

	# the member cannot be judged until the zone states its target
	rule.applies == {{"kind": "zone", "id": "flat"}} with input as inp
}

test_applies_to_placed_systems_and_their_zones if {
	inp := {"zones": [{"id": "ot-traffic", "sl_target": 2}, {"id": "empty", "sl_target": 3}, {"id": "retired-only"}], "systems": [
		{"id": "signals", "zone": "ot-traffic", "sl_capability": 2},
		{"id": "loose"},
		{"id": "lost", "zone": "nowhere"},
		{"id": "old", "zone": "retired-only", "stage": "retired"},
	]}
	rule.applies == {signals, ot_traffic} with input as inp
	count(rule.deny) == 0 with input as inp
}
