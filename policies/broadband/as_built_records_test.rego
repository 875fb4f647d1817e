package citygate.rules.broadband.as_built_records_test

import data.citygate.rules.broadband.as_built_records as rule

av := {"kind": "excavation", "id": "av"}

test_no_gis_record_fires if {
	inv := {"excavations": [{"id": "av", "public_row": true, "conduit_installed": true, "gis_recorded": false, "locate_wire": true}]}
	rule.deny == {{
		"resource": av,
		"field": "gis_recorded",
		"status": "fail",
		"template": "not_in_gis",
		"args": {"id": "av"},
	}} with input as inv
	rule.applies == {av} with input as inv
}

test_no_locate_wire_fires if {
	r := rule.deny with input as {"excavations": [{"id": "av", "public_row": true, "conduit_installed": true, "gis_recorded": true, "locate_wire": false}]}
	r == {{
		"resource": av,
		"field": "locate_wire",
		"status": "fail",
		"template": "no_locate_wire",
		"args": {"id": "av"},
	}}
}

test_locate_wire_not_stated if {
	r := rule.deny with input as {"excavations": [{"id": "av", "public_row": true, "conduit_installed": true, "gis_recorded": true}]}
	r == {{"resource": av, "field": "locate_wire", "status": "not_stated"}}
}

test_gis_not_stated if {
	r := rule.deny with input as {"excavations": [{"id": "av", "public_row": true, "conduit_installed": true, "locate_wire": true}]}
	r == {{"resource": av, "field": "gis_recorded", "status": "not_stated"}}
}

test_both_not_stated if {
	r := rule.deny with input as {"excavations": [{"id": "av", "public_row": true, "conduit_installed": true}]}
	r == {
		{"resource": av, "field": "gis_recorded", "status": "not_stated"},
		{"resource": av, "field": "locate_wire", "status": "not_stated"},
	}
}

test_recorded_passes if {
	inv := {"excavations": [{"id": "av", "public_row": true, "conduit_installed": true, "gis_recorded": true, "locate_wire": true}]}
	count(rule.deny) == 0 with input as inv
	rule.applies == {av} with input as inv
}

test_not_applicable if {
	inv := {"excavations": [
		{"id": "no-conduit", "public_row": true, "conduit_installed": false},
		{"id": "conduit-unset", "public_row": true},
		{"id": "private", "public_row": false, "conduit_installed": true},
		{"id": "row-unset", "conduit_installed": true},
	]}
	count(rule.applies) == 0 with input as inv
	count(rule.deny) == 0 with input as inv
}
