package citygate.gates.procurement_gate_test

import data.citygate.gates.procurement_gate as gate

lamp := {"kind": "system", "id": "lamp"}

test_award_requested_is_gated if {
	inp := {"systems": [{"id": "lamp", "stage": "procurement", "procurement": {"award_requested": true}}]}
	gate.gated == {{
		"resource": lamp,
		"field": "procurement.award_requested",
		"status": "fail",
		"template": "award_requested",
		"args": {"id": "lamp"},
	}} with input as inp
	gate.applies == {lamp} with input as inp
}

test_no_award_request_not_gated if {
	inp := {"systems": [
		{"id": "a", "stage": "procurement", "procurement": {"award_requested": false}},
		{"id": "b", "stage": "procurement"},
		{"id": "c", "stage": "production", "procurement": {"award_requested": true}},
	]}
	count(gate.gated) == 0 with input as inp
	count(gate.applies) == 0 with input as inp
}
