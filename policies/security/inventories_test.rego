package citygate.rules.security.inventories_test

import data.citygate.rules.security.inventories as rule

good := {
	"id": "lights",
	"category": "iot",
	"devices": {"inventory": true, "count": 4000},
	"software": {"sbom": "cyclonedx"},
}

lights := {"kind": "system", "id": "lights"}

test_applies_to_active_systems if {
	r := rule.applies with input as {"systems": [good, {"id": "old", "stage": "retired", "vendor": "acme"}]}
	r == {lights}
}

test_compliant_passes if {
	count(rule.deny) == 0 with input as {"systems": [
		good,
		{"id": "portal", "category": "web_service", "software": {"sbom": "spdx"}},
		{"id": "bid", "category": "iot", "vendor": "acme", "stage": "procurement", "devices": {"inventory": true, "vendor_services_listed": true}, "evidence": {"sbom": "other"}},
	]}
}

test_retired_not_applicable if {
	count(rule.deny) == 0 with input as {"systems": [{"id": "old", "stage": "retired", "vendor": "acme"}]}
}

test_no_device_inventory_fails if {
	r := rule.deny with input as {"systems": [object.union(good, {"devices": {"inventory": false}})]}
	r == {{
		"resource": lights,
		"field": "devices.inventory",
		"status": "fail",
		"template": "no_device_inventory",
		"args": {"id": "lights"},
	}}
}

test_device_inventory_not_stated if {
	r := rule.deny with input as {"systems": [object.remove(good, ["devices"])]}
	r == {{"resource": lights, "field": "devices.inventory", "status": "not_stated"}}
}

test_null_device_inventory_not_stated if {
	r := rule.deny with input as {"systems": [object.union(good, {"devices": {"inventory": null}})]}
	r == {{"resource": lights, "field": "devices.inventory", "status": "not_stated"}}
}

test_no_category_needs_device_inventory if {
	r := rule.deny with input as {"systems": [{"id": "x", "software": {"sbom": "spdx"}}]}
	r == {{"resource": {"kind": "system", "id": "x"}, "field": "devices.inventory", "status": "not_stated"}}
}

test_software_only_needs_no_device_inventory if {
	count(rule.deny) == 0 with input as {"systems": [
		{"id": "portal", "category": "web_service", "software": {"sbom": "spdx"}},
		{"id": "app", "category": "mobile_app", "software": {"sbom": "spdx"}},
		{"id": "lake", "category": "data_platform", "software": {"sbom": "spdx"}},
	]}
}

test_no_sbom_fails if {
	r := rule.deny with input as {"systems": [object.union(good, {"software": {"sbom": "none"}})]}
	r == {{
		"resource": lights,
		"field": "software.sbom",
		"status": "fail",
		"template": "no_sbom",
		"args": {"id": "lights", "sbom": "none"},
	}}
}

test_evidence_sbom_none_fails if {
	r := rule.deny with input as {"systems": [object.union(object.remove(good, ["software"]), {"evidence": {"sbom": "none"}})]}
	[f.args.sbom | some f in r] == ["none"]
}

test_software_sbom_takes_precedence_over_evidence if {
	r := rule.deny with input as {"systems": [object.union(good, {"software": {"sbom": "none"}, "evidence": {"sbom": "spdx"}})]}
	[f.args.sbom | some f in r] == ["none"]
}

test_missing_sbom_not_stated if {
	r := rule.deny with input as {"systems": [{"id": "portal", "category": "web_service"}]}
	r == {{"resource": {"kind": "system", "id": "portal"}, "field": "software.sbom", "status": "not_stated"}}
}

test_null_sbom_not_stated if {
	r := rule.deny with input as {"systems": [{"id": "portal", "category": "web_service", "software": {"sbom": null}, "evidence": {"sbom": null}}]}
	r == {{"resource": {"kind": "system", "id": "portal"}, "field": "software.sbom", "status": "not_stated"}}
}

test_vendor_services_not_listed_fails if {
	r := rule.deny with input as {"systems": [object.union(good, {"vendor": "acme", "devices": {"inventory": true, "vendor_services_listed": false}})]}
	r == {{
		"resource": lights,
		"field": "devices.vendor_services_listed",
		"status": "fail",
		"template": "vendor_services_not_listed",
		"args": {"id": "lights", "vendor": "acme"},
	}}
}

test_vendor_services_not_stated if {
	r := rule.deny with input as {"systems": [object.union(good, {"vendor": "acme"})]}
	r == {{"resource": lights, "field": "devices.vendor_services_listed", "status": "not_stated"}}
}

test_own_system_needs_no_vendor_services if {
	count(rule.deny) == 0 with input as {"systems": [good]}
}

# Every result names a resource the rule applies to.
test_every_result_is_applicable if {
	inp := {"systems": [
		{"id": "a", "vendor": "acme", "devices": {"inventory": false, "vendor_services_listed": false}, "software": {"sbom": "none"}},
		{"id": "b", "vendor": "acme"},
		{"id": "old", "stage": "retired"},
	]}
	results := rule.deny with input as inp
	applicable := rule.applies with input as inp
	count(results) > 0
	every f in results {
		f.resource in applicable
	}
}
