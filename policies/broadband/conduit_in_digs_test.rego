package citygate.rules.broadband.conduit_in_digs_test

import data.citygate.rules.broadband.conduit_in_digs as rule

city := {"id": "lisboa", "policies": [{"name": "dig_once", "adopted": true, "min_length_m": 200, "min_spare_ducts": 2}]}

test_no_conduit_fires if {
	r := rule.deny with input as {"excavations": [{"id": "av", "public_row": true, "length_m": 1200, "conduit_installed": false}]}
	r == {{
		"resource": {"kind": "excavation", "id": "av"},
		"field": "conduit_installed",
		"message": "excavation av in the public right of way (1200 m, threshold 100 m) lays no conduit and has no dig_once_waiver",
	}}
}

test_conduit_unstated_and_length_unstated_fires if {
	r := rule.deny with input as {"excavations": [{"id": "av", "public_row": true}]}
	r == {{
		"resource": {"kind": "excavation", "id": "av"},
		"field": "conduit_installed",
		"message": "excavation av in the public right of way (unstated length, threshold 100 m) lays no conduit and has no dig_once_waiver",
	}}
}

test_too_few_spare_ducts_fires if {
	r := rule.deny with input as {"city": city, "excavations": [{"id": "av", "public_row": true, "length_m": 1200, "conduit_installed": true, "spare_ducts": 1}]}
	r == {{
		"resource": {"kind": "excavation", "id": "av"},
		"field": "spare_ducts",
		"message": "excavation av has 1 spare ducts, fewer than the 2 the dig_once policy requires, and no dig_once_waiver",
	}}
}

test_spare_ducts_unstated_fires if {
	r := rule.deny with input as {"city": city, "excavations": [{"id": "av", "public_row": true, "length_m": 1200, "conduit_installed": true}]}
	count(r) == 1
}

test_enough_spare_ducts_passes if {
	count(rule.deny) == 0 with input as {"city": city, "excavations": [{"id": "av", "public_row": true, "length_m": 1200, "conduit_installed": true, "spare_ducts": 2}]}
}

test_no_spare_requirement_passes if {
	count(rule.deny) == 0 with input as {"excavations": [{"id": "av", "public_row": true, "length_m": 1200, "conduit_installed": true}]}
}

test_default_threshold_boundary if {
	count(rule.deny) == 1 with input as {"excavations": [{"id": "av", "public_row": true, "length_m": 100}]}
	count(rule.deny) == 0 with input as {"excavations": [{"id": "av", "public_row": true, "length_m": 99.9}]}
}

test_policy_threshold_boundary if {
	count(rule.deny) == 1 with input as {"city": city, "excavations": [{"id": "av", "public_row": true, "length_m": 200}]}
	count(rule.deny) == 0 with input as {"city": city, "excavations": [{"id": "av", "public_row": true, "length_m": 199}]}
}

test_policy_threshold_in_message if {
	r := rule.deny with input as {"city": city, "excavations": [{"id": "av", "public_row": true, "length_m": 250}]}
	r == {{
		"resource": {"kind": "excavation", "id": "av"},
		"field": "conduit_installed",
		"message": "excavation av in the public right of way (250 m, threshold 200 m) lays no conduit and has no dig_once_waiver",
	}}
}

test_waiver_passes if {
	count(rule.deny) == 0 with input as {"city": city, "excavations": [{"id": "av", "public_row": true, "length_m": 1200, "dig_once_waiver": "DO-W-2025-3"}]}
}

test_private_land_passes if {
	count(rule.deny) == 0 with input as {"excavations": [
		{"id": "a", "public_row": false, "length_m": 1200},
		{"id": "b", "length_m": 1200},
	]}
}
