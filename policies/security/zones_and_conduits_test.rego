package citygate.rules.security.zones_and_conduits_test

import data.citygate.rules.security.zones_and_conduits as rule

ot_zone := {"id": "ot-traffic", "kind": "ot", "sl_target": 2, "conduits": [{"id": "to-soc", "peer": "it-soc", "firewall": true, "encrypted": true}]}

signals := {"id": "signals", "category": "ot", "zone": "ot-traffic"}

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

test_no_zone_fires if {
	r := rule.deny with input as {"systems": [{"id": "lights", "category": "iot"}]}
	r == {{
		"resource": {"kind": "system", "id": "lights"},
		"field": "zone",
		"message": "iot system lights is not placed in a network zone (zone is not set)",
	}}
}

test_bid_with_undefined_zone_fires if {
	count(rule.deny) == 1 with input as {"systems": [{"id": "bid", "category": "iot", "stage": "procurement", "vendor": "acme", "zone": "iot-new"}]}
}

test_undefined_zone_fires if {
	r := rule.deny with input as {"zones": [ot_zone], "systems": [{"id": "cams", "category": "iot", "zone": "iot-video"}]}
	r == {{
		"resource": {"kind": "system", "id": "cams"},
		"field": "zone",
		"message": "iot system cams is placed in zone iot-video, which is not defined",
	}}
}

test_corporate_zone_fires if {
	r := rule.deny with input as {"zones": [{"id": "office", "kind": "corporate"}], "systems": [object.union(signals, {"zone": "office"})]}
	r == {{
		"resource": {"kind": "system", "id": "signals"},
		"field": "zone",
		"message": "ot system signals is placed in zone office of kind corporate, together with corporate IT",
	}}
}

test_shared_with_it_fires if {
	r := rule.deny with input as {"zones": [ot_zone], "systems": [
		signals,
		{"id": "mail", "category": "it", "zone": "ot-traffic"},
		{"id": "erp", "category": "it", "zone": "ot-traffic"},
	]}
	r == {{
		"resource": {"kind": "system", "id": "signals"},
		"field": "zone",
		"message": "ot system signals shares zone ot-traffic with corporate IT systems (erp, mail)",
	}}
}

test_shared_with_it_in_zone_without_kind_fires if {
	r := rule.deny with input as {"zones": [{"id": "flat"}], "systems": [
		{"id": "lights", "category": "iot", "zone": "flat"},
		{"id": "erp", "category": "it", "zone": "flat"},
	]}
	r == {{
		"resource": {"kind": "system", "id": "lights"},
		"field": "zone",
		"message": "iot system lights shares zone flat with corporate IT systems (erp)",
	}}
}

test_conduit_without_firewall_fires if {
	z := object.union(ot_zone, {"conduits": [{"id": "to-soc", "peer": "it-soc", "firewall": false, "encrypted": true}]})
	r := rule.deny with input as {"zones": [z], "systems": [signals, {"id": "lights", "category": "iot", "zone": "ot-traffic"}]}
	r == {{
		"resource": {"kind": "zone", "id": "ot-traffic"},
		"field": "conduit.to-soc.firewall",
		"message": "zone ot-traffic holds OT/IoT systems and its conduit to-soc to it-soc passes no firewall (firewall is not true)",
	}}
}

test_conduit_unencrypted_fires if {
	z := object.union(ot_zone, {"conduits": [{"id": "to-soc", "firewall": true}]})
	r := rule.deny with input as {"zones": [z], "systems": [signals]}
	r == {{
		"resource": {"kind": "zone", "id": "ot-traffic"},
		"field": "conduit.to-soc.encrypted",
		"message": "zone ot-traffic holds OT/IoT systems and its conduit to-soc to an unnamed zone is not encrypted (encrypted is not true)",
	}}
}
