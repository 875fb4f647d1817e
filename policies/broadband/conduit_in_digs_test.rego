package citygate.rules.broadband.conduit_in_digs_test

import data.citygate.rules.broadband.conduit_in_digs as rule

city := {"id": "lisboa", "policies": [{"name": "dig_once", "adopted": true, "min_length_m": 200, "min_spare_ducts": 2}]}

av := {"kind": "excavation", "id": "av"}

no_conduit(length, threshold) := {
	"resource": av,
	"field": "conduit_installed",
	"status": "fail",
	"template": "no_conduit",
	"args": {"id": "av", "length": length, "threshold": threshold},
}

test_no_conduit_fires if {
	inv := {"excavations": [{"id": "av", "public_row": true, "length_m": 1200, "conduit_installed": false}]}
	rule.deny == {no_conduit("1200 m", 100)} with input as inv
	rule.applies == {av} with input as inv
}

test_conduit_not_stated if {
	r := rule.deny with input as {"excavations": [{"id": "av", "public_row": true, "length_m": 1200}]}
	r == {{"resource": av, "field": "conduit_installed", "status": "not_stated"}}
}

test_conduit_and_length_not_stated_is_conduit if {
	r := rule.deny with input as {"excavations": [{"id": "av", "public_row": true}]}
	r == {{"resource": av, "field": "conduit_installed", "status": "not_stated"}}
}

test_no_conduit_length_not_stated if {
	r := rule.deny with input as {"excavations": [{"id": "av", "public_row": true, "conduit_installed": false}]}
	r == {{"resource": av, "field": "length_m", "status": "not_stated"}}
}

test_public_row_not_stated if {
	inv := {"excavations": [{"id": "av", "length_m": 1200, "conduit_installed": false}]}
	rule.deny == {{"resource": av, "field": "public_row", "status": "not_stated"}} with input as inv
	rule.applies == {av} with input as inv
}

test_too_few_spare_ducts_fires if {
	r := rule.deny with input as {"city": city, "excavations": [{"id": "av", "public_row": true, "length_m": 1200, "conduit_installed": true, "spare_ducts": 1}]}
	r == {{
		"resource": av,
		"field": "spare_ducts",
		"status": "fail",
		"template": "few_spare_ducts",
		"args": {"id": "av", "spare": 1, "required": 2},
	}}
}

test_spare_ducts_not_stated if {
	r := rule.deny with input as {"city": city, "excavations": [{"id": "av", "public_row": true, "length_m": 1200, "conduit_installed": true}]}
	r == {{"resource": av, "field": "spare_ducts", "status": "not_stated"}}
}

test_too_few_spare_ducts_length_not_stated if {
	r := rule.deny with input as {"city": city, "excavations": [{"id": "av", "public_row": true, "conduit_installed": true, "spare_ducts": 0}]}
	r == {{"resource": av, "field": "length_m", "status": "not_stated"}}
}

test_short_dig_needs_no_spare_ducts if {
	count(rule.deny) == 0 with input as {"city": city, "excavations": [{"id": "av", "public_row": true, "length_m": 150, "conduit_installed": true, "spare_ducts": 0}]}
	count(rule.deny) == 0 with input as {"city": city, "excavations": [{"id": "av", "public_row": true, "length_m": 150, "conduit_installed": true}]}
}

test_enough_spare_ducts_passes if {
	count(rule.deny) == 0 with input as {"city": city, "excavations": [{"id": "av", "public_row": true, "length_m": 1200, "conduit_installed": true, "spare_ducts": 2}]}
	count(rule.deny) == 0 with input as {"city": city, "excavations": [{"id": "av", "public_row": true, "conduit_installed": true, "spare_ducts": 2}]}
}

test_no_spare_requirement_passes if {
	count(rule.deny) == 0 with input as {"excavations": [{"id": "av", "public_row": true, "length_m": 1200, "conduit_installed": true}]}
}

test_default_threshold_boundary if {
	rule.deny == {no_conduit("100 m", 100)} with input as {"excavations": [{"id": "av", "public_row": true, "length_m": 100, "conduit_installed": false}]}
	count(rule.deny) == 0 with input as {"excavations": [{"id": "av", "public_row": true, "length_m": 99.9, "conduit_installed": false}]}
	count(rule.deny) == 0 with input as {"excavations": [{"id": "av", "public_row": true, "length_m": 99.9}]}
}

test_policy_threshold_boundary if {
	rule.deny == {no_conduit("200 m", 200)} with input as {"city": city, "excavations": [{"id": "av", "public_row": true, "length_m": 200, "conduit_installed": false}]}
	count(rule.deny) == 0 with input as {"city": city, "excavations": [{"id": "av", "public_row": true, "length_m": 199, "conduit_installed": false}]}
}

test_fractional_length_in_message if {
	r := rule.deny with input as {"city": city, "excavations": [{"id": "av", "public_row": true, "length_m": 250.5, "conduit_installed": false}]}
	r == {no_conduit("250.5 m", 200)}
}

test_waiver_passes if {
	inv := {"city": city, "excavations": [{"id": "av", "public_row": true, "length_m": 1200, "dig_once_waiver": "DO-W-2025-3"}]}
	count(rule.deny) == 0 with input as inv
	rule.applies == {av} with input as inv
}

test_private_land_does_not_apply if {
	inv := {"excavations": [{"id": "a", "public_row": false, "length_m": 1200}]}
	count(rule.applies) == 0 with input as inv
	count(rule.deny) == 0 with input as inv
}
