package citygate.rules.security.attack_surface_test

import data.citygate.rules.security.attack_surface as rule

test_compliant_passes if {
	count(rule.deny) == 0 with input as {"systems": [
		{"id": "lights", "category": "iot", "interfaces": {"unused_enabled": false, "debug_port": false}},
		{"id": "portal", "category": "web_service"},
		{"id": "old", "category": "iot", "stage": "retired", "interfaces": {"debug_port": true}},
	]}
}

test_unused_interfaces_fire if {
	r := rule.deny with input as {"systems": [{"id": "lights", "category": "iot", "interfaces": {"unused_enabled": true, "debug_port": false}}]}
	r == {{
		"resource": {"kind": "system", "id": "lights"},
		"field": "interfaces.unused_enabled",
		"message": "system lights has unused interfaces enabled (interfaces.unused_enabled = true)",
	}}
}

test_debug_port_fires_on_any_category if {
	r := rule.deny with input as {"systems": [{"id": "portal", "category": "web_service", "interfaces": {"debug_port": true}}]}
	r == {{
		"resource": {"kind": "system", "id": "portal"},
		"field": "interfaces.debug_port",
		"message": "system portal has an active debug port (interfaces.debug_port = true)",
	}}
}

test_not_stated_fires_on_devices if {
	r := rule.deny with input as {"systems": [{"id": "lights", "category": "iot", "interfaces": {"unused_enabled": false}}]}
	r == {{
		"resource": {"kind": "system", "id": "lights"},
		"field": "interfaces.debug_port",
		"message": "system lights does not state whether it has an active debug port (interfaces.debug_port is not set)",
	}}
	count(rule.deny) == 2 with input as {"systems": [{"id": "x"}]}
}
