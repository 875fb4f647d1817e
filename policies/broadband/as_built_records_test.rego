package citygate.rules.broadband.as_built_records_test

import data.citygate.rules.broadband.as_built_records as rule

test_no_gis_record_fires if {
	r := rule.deny with input as {"excavations": [{"id": "av", "public_row": true, "conduit_installed": true, "gis_recorded": false, "locate_wire": true}]}
	r == {{
		"resource": {"kind": "excavation", "id": "av"},
		"field": "gis_recorded",
		"message": "excavation av laid conduit whose as-built position is not recorded in the GIS (gis_recorded = false)",
	}}
}

test_no_locate_wire_fires if {
	r := rule.deny with input as {"excavations": [{"id": "av", "public_row": true, "conduit_installed": true, "gis_recorded": true}]}
	r == {{
		"resource": {"kind": "excavation", "id": "av"},
		"field": "locate_wire",
		"message": "excavation av laid conduit without a locate wire (locate_wire = unset)",
	}}
}

test_both_missing_fires_twice if {
	count(rule.deny) == 2 with input as {"excavations": [{"id": "av", "public_row": true, "conduit_installed": true}]}
}

test_recorded_passes if {
	count(rule.deny) == 0 with input as {"excavations": [{"id": "av", "public_row": true, "conduit_installed": true, "gis_recorded": true, "locate_wire": true}]}
}

test_not_applicable_passes if {
	count(rule.deny) == 0 with input as {"excavations": [
		{"id": "no-conduit", "public_row": true, "conduit_installed": false},
		{"id": "conduit-unset", "public_row": true},
		{"id": "private", "public_row": false, "conduit_installed": true},
	]}
}
