package citygate.rules.security.zones_and_conduits_test

import data.citygate.rules.security.zones_and_conduits as rule

ot_zone := {"id": "ot-traffic", "kind": "ot", "sl_target": 2, "conduits": [{"id": "to-soc", "peer": "it-soc", "firewall": true, "encrypted": true}]}

signals := {"id": "signals", "category": "ot", "zone": "ot-traffic"}

lights := {"kind": "system", "id": "lights"}

traffic := {"kind": "zone", "id": "ot-traffic"}

test_applies_to_field_systems_their_zones_and_unknown_categories if {
	r := rule.applies with input as {
		"zones": [ot_zone, {"id": "it-soc", "kind": "corporate"}],
		"systems": [
			signals,
			{"id": "erp", "category": "it", "zone": "it-soc"},
			{"id": "portal", "category": "web_service"},
			{"id": "box"},
			{"id": "bid", "category": "iot", "stage": "procurement", "vendor": "acme"},
			{"id": "old", "category": "ot", "stage": "retired"},
		],
	}
	r == {{"kind": "system", "id": "signals"}, {"kind": "system", "id": "box"}, traffic}
}

test_bid_with_zone_applies if {
	r := rule.applies with input as {"systems": [{"id": "bid", "category": "iot", "stage": "procurement", "vendor": "acme", "zone": "iot-new"}]}
	r == {{"kind": "system", "id": "bid"}}
}

test_compliant_passes if {
	count(rule.deny) == 0 with input as {
		"zones": [ot_zone, {"id": "it-soc", "kind": "corporate", "conduits": [{"id": "open", "firewall": false}]}],
		"systems": [
			signals,
			{"id": "lights", "category": "iot", "zone": "ot-traffic"},
			{"id": "erp", "category": "it", "zone": "it-soc"},
			{"id": "old-erp", "category": "it", "zone": "ot-traffic", "stage": "retired"},
		],
	}
}

test_not_applicable_passes if {
	count(rule.deny) == 0 with input as {"systems": [
		{"id": "portal", "category": "web_service"},
		{"id": "old", "category": "ot", "stage": "retired"},
		{"id": "bid", "category": "iot", "stage": "procurement", "vendor": "acme"},
	]}
}

test_no_zone_not_stated if {
	r := rule.deny with input as {"systems": [{"id": "lights", "category": "iot"}]}
	r == {{"resource": lights, "field": "zone", "status": "not_stated"}}
}

test_null_zone_not_stated if {
	r := rule.deny with input as {"systems": [{"id": "lights", "category": "iot", "zone": null}]}
	r == {{"resource": lights, "field": "zone", "status": "not_stated"}}
}

test_category_not_stated if {
	r := rule.deny with input as {"systems": [{"id": "box", "zone": "ot-traffic"}]}
	r == {{"resource": {"kind": "system", "id": "box"}, "field": "category", "status": "not_stated"}}
}

test_bid_with_undefined_zone_fails if {
	r := rule.deny with input as {"systems": [{"id": "bid", "category": "iot", "stage": "procurement", "vendor": "acme", "zone": "iot-new"}]}
	[f.template | some f in r] == ["undefined_zone"]
}

test_undefined_zone_fails if {
	r := rule.deny with input as {"zones": [ot_zone], "systems": [{"id": "cams", "category": "iot", "zone": "iot-video"}]}
	r == {{
		"resource": {"kind": "system", "id": "cams"},
		"field": "zone",
		"status": "fail",
		"template": "undefined_zone",
		"args": {"category": "iot", "id": "cams", "zone": "iot-video"},
	}}
}

test_corporate_zone_fails if {
	r := rule.deny with input as {"zones": [{"id": "office", "kind": "corporate"}], "systems": [object.union(signals, {"zone": "office"})]}
	r == {{
		"resource": {"kind": "system", "id": "signals"},
		"field": "zone",
		"status": "fail",
		"template": "corporate_zone",
		"args": {"category": "ot", "id": "signals", "zone": "office", "kind": "corporate"},
	}}
}

test_shared_with_it_fails if {
	r := rule.deny with input as {"zones": [ot_zone], "systems": [
		signals,
		{"id": "mail", "category": "it", "zone": "ot-traffic"},
		{"id": "erp", "category": "it", "zone": "ot-traffic"},
	]}
	r == {{
		"resource": {"kind": "system", "id": "signals"},
		"field": "zone",
		"status": "fail",
		"template": "shared_with_it",
		"args": {"category": "ot", "id": "signals", "zone": "ot-traffic", "shared": "erp, mail"},
	}}
}

test_zone_without_kind_not_stated_and_still_shared if {
	r := rule.deny with input as {"zones": [{"id": "flat"}], "systems": [
		{"id": "lights", "category": "iot", "zone": "flat"},
		{"id": "erp", "category": "it", "zone": "flat"},
	]}
	r == {
		{"resource": {"kind": "zone", "id": "flat"}, "field": "kind", "status": "not_stated"},
		{
			"resource": lights,
			"field": "zone",
			"status": "fail",
			"template": "shared_with_it",
			"args": {"category": "iot", "id": "lights", "zone": "flat", "shared": "erp"},
		},
	}
}

test_zone_with_null_kind_not_stated if {
	r := rule.deny with input as {"zones": [{"id": "flat", "kind": null}], "systems": [{"id": "lights", "category": "iot", "zone": "flat"}]}
	r == {{"resource": {"kind": "zone", "id": "flat"}, "field": "kind", "status": "not_stated"}}
}

test_conduit_without_firewall_fails if {
	z := object.union(ot_zone, {"conduits": [{"id": "to-soc", "peer": "it-soc", "firewall": false, "encrypted": true}]})
	r := rule.deny with input as {"zones": [z], "systems": [signals, {"id": "lights", "category": "iot", "zone": "ot-traffic"}]}
	r == {{
		"resource": traffic,
		"field": "conduit.to-soc.firewall",
		"status": "fail",
		"template": "no_firewall",
		"args": {"id": "ot-traffic", "conduit": "to-soc", "peer": "it-soc"},
	}}
}

test_conduit_firewall_not_stated if {
	z := object.union(ot_zone, {"conduits": [{"id": "to-soc", "peer": "it-soc", "encrypted": true}]})
	r := rule.deny with input as {"zones": [z], "systems": [signals]}
	r == {{"resource": traffic, "field": "conduit.to-soc.firewall", "status": "not_stated"}}
}

test_conduit_unencrypted_fails if {
	z := object.union(ot_zone, {"conduits": [{"id": "to-soc", "firewall": true, "encrypted": false}]})
	r := rule.deny with input as {"zones": [z], "systems": [signals]}
	r == {{
		"resource": traffic,
		"field": "conduit.to-soc.encrypted",
		"status": "fail",
		"template": "unencrypted",
		"args": {"id": "ot-traffic", "conduit": "to-soc", "peer": "an unnamed zone"},
	}}
}

test_conduit_encryption_not_stated if {
	z := object.union(ot_zone, {"conduits": [{"id": "to-soc", "firewall": true, "peer": null}]})
	r := rule.deny with input as {"zones": [z], "systems": [signals]}
	r == {{"resource": traffic, "field": "conduit.to-soc.encrypted", "status": "not_stated"}}
}

test_conduits_of_zones_without_field_systems_not_checked if {
	r := rule.deny with input as {"zones": [ot_zone, {"id": "office", "kind": "corporate", "conduits": [{"id": "wan"}]}], "systems": [signals]}
	r == set()
}

# Every result names a resource the rule applies to.
test_every_result_is_applicable if {
	inp := {
		"zones": [
			{"id": "flat", "conduits": [{"id": "up"}, {"id": "down", "firewall": false, "encrypted": false}]},
			{"id": "office", "kind": "corporate"},
		],
		"systems": [
			{"id": "a", "category": "iot"},
			{"id": "b", "category": "iot", "zone": "nowhere"},
			{"id": "c", "category": "ot", "zone": "office"},
			{"id": "d", "category": "iot", "zone": "flat"},
			{"id": "erp", "category": "it", "zone": "flat"},
			{"id": "bid", "category": "iot", "stage": "procurement", "vendor": "acme"},
			{"id": "box"},
		],
	}
	results := rule.deny with input as inp
	applicable := rule.applies with input as inp
	count(results) > 0
	every f in results {
		f.resource in applicable
	}
}
