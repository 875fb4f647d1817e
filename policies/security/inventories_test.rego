package citygate.rules.security.inventories_test

import data.citygate.rules.security.inventories as rule

good := {
	"id": "lights",
	"category": "iot",
	"devices": {"inventory": true, "count": 4000},
	"software": {"sbom": "cyclonedx"},
}

test_compliant_passes if {
	count(rule.deny) == 0 with input as {"systems": [
		good,
		{"id": "portal", "category": "web_service", "software": {"sbom": "spdx"}},
		{"id": "bid", "category": "iot", "vendor": "acme", "stage": "procurement", "devices": {"inventory": true, "vendor_services_listed": true}, "evidence": {"sbom": "other"}},
	]}
}

test_retired_passes if {
	count(rule.deny) == 0 with input as {"systems": [{"id": "old", "stage": "retired", "vendor": "acme"}]}
}

test_no_device_inventory_fires if {
	r := rule.deny with input as {"systems": [object.union(good, {"devices": {"inventory": false}})]}
	r == {{
		"resource": {"kind": "system", "id": "lights"},
		"field": "devices.inventory",
		"message": "system lights keeps no device inventory (devices.inventory is not true)",
	}}
}

test_no_category_needs_device_inventory if {
	r := rule.deny with input as {"systems": [{"id": "x", "software": {"sbom": "spdx"}}]}
	count(r) == 1
}

test_no_sbom_fires if {
	r := rule.deny with input as {"systems": [object.union(good, {"software": {"sbom": "none"}})]}
	r == {{
		"resource": {"kind": "system", "id": "lights"},
		"field": "software.sbom",
		"message": "system lights has no software inventory (software.sbom = none)",
	}}
}

test_missing_sbom_fires if {
	r := rule.deny with input as {"systems": [{"id": "portal", "category": "web_service"}]}
	r == {{
		"resource": {"kind": "system", "id": "portal"},
		"field": "software.sbom",
		"message": "system portal has no software inventory (software.sbom = missing)",
	}}
}

test_vendor_services_not_listed_fires if {
	r := rule.deny with input as {"systems": [object.union(good, {"vendor": "acme"})]}
	r == {{
		"resource": {"kind": "system", "id": "lights"},
		"field": "devices.vendor_services_listed",
		"message": "system lights from vendor acme does not list the vendor-operated services it uses (devices.vendor_services_listed is not true)",
	}}
}
