package citygate.rules.security.attack_surface_test

import data.citygate.rules.security.attack_surface as rule

lights := {"kind": "system", "id": "lights"}

portal := {"kind": "system", "id": "portal"}

test_compliant_passes if {
	count(rule.deny) == 0 with input as {"systems": [
		{"id": "lights", "category": "iot", "interfaces": {"unused_enabled": false, "debug_port": false}},
		{"id": "portal", "category": "web_service"},
		{"id": "api", "category": "web_service", "interfaces": {"unused_enabled": false, "debug_port": false}},
		{"id": "old", "category": "iot", "stage": "retired", "interfaces": {"debug_port": true}},
	]}
}

test_unused_interfaces_fire if {
	r := rule.deny with input as {"systems": [{"id": "lights", "category": "iot", "interfaces": {"unused_enabled": true, "debug_port": false}}]}
	r == {{
		"resource": lights,
		"field": "interfaces.unused_enabled",
		"status": "fail",
		"template": "unused_enabled",
		"args": {"id": "lights"},
	}}
}

test_debug_port_fires_on_any_category if {
	r := rule.deny with input as {"systems": [{"id": "portal", "category": "web_service", "interfaces": {"debug_port": true, "unused_enabled": false}}]}
	r == {{
		"resource": portal,
		"field": "interfaces.debug_port",
		"status": "fail",
		"template": "debug_port",
		"args": {"id": "portal"},
	}}
}

test_debug_port_absent_is_not_stated if {
	r := rule.deny with input as {"systems": [{"id": "lights", "category": "iot", "interfaces": {"unused_enabled": false}}]}
	r == {{"resource": lights, "field": "interfaces.debug_port", "status": "not_stated"}}
}

test_unused_enabled_absent_is_not_stated if {
	r := rule.deny with input as {"systems": [{"id": "lights", "category": "iot", "interfaces": {"debug_port": false}}]}
	r == {{"resource": lights, "field": "interfaces.unused_enabled", "status": "not_stated"}}
}

test_no_interfaces_block_is_not_stated_twice if {
	r := rule.deny with input as {"systems": [{"id": "x"}]}
	r == {
		{"resource": {"kind": "system", "id": "x"}, "field": "interfaces.unused_enabled", "status": "not_stated"},
		{"resource": {"kind": "system", "id": "x"}, "field": "interfaces.debug_port", "status": "not_stated"},
	}
}

test_software_describing_interfaces_states_both if {
	r := rule.deny with input as {"systems": [{"id": "portal", "category": "web_service", "interfaces": {"debug_port": false}}]}
	r == {{"resource": portal, "field": "interfaces.unused_enabled", "status": "not_stated"}}
}

test_applies_to_devices_and_described_software if {
	inp := {"systems": [
		{"id": "lights", "category": "iot", "interfaces": {"unused_enabled": false, "debug_port": false}},
		{"id": "portal", "category": "web_service", "interfaces": {"unused_enabled": false, "debug_port": false}},
		{"id": "app", "category": "mobile_app"},
		{"id": "lake", "category": "data_platform"},
		{"id": "site", "category": "web_service"},
		{"id": "old", "category": "iot", "stage": "retired"},
	]}
	rule.applies == {lights, portal} with input as inp
	count(rule.deny) == 0 with input as inp
}
