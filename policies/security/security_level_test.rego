package citygate.rules.security.security_level_test

import data.citygate.rules.security.security_level as rule

zones := [{"id": "ot-traffic", "sl_target": 2}, {"id": "flat"}, {"id": "open", "sl_target": 0}]

test_compliant_passes if {
	count(rule.deny) == 0 with input as {"zones": zones, "systems": [
		{"id": "signals", "zone": "ot-traffic", "sl_capability": 2},
		{"id": "ctrl", "zone": "ot-traffic", "sl_capability": 3},
		{"id": "lights", "zone": "flat"},
		{"id": "sensor", "zone": "open"},
		{"id": "old", "zone": "ot-traffic", "stage": "retired", "sl_capability": 0},
		{"id": "loose", "sl_capability": 0},
	]}
}

test_below_target_fires if {
	r := rule.deny with input as {"zones": zones, "systems": [{"id": "signals", "zone": "ot-traffic", "sl_capability": 1}]}
	r == {{
		"resource": {"kind": "system", "id": "signals"},
		"field": "sl_capability",
		"message": "system signals has security level capability 1, below the target 2 of zone ot-traffic",
	}}
}

test_missing_capability_fires if {
	r := rule.deny with input as {"zones": zones, "systems": [{"id": "signals", "zone": "ot-traffic"}]}
	r == {{
		"resource": {"kind": "system", "id": "signals"},
		"field": "sl_capability",
		"message": "system signals states no security level capability (sl_capability is not set) for zone ot-traffic with target 2",
	}}
}
