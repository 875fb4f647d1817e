package citygate.gates.procurement_gate_test

import data.citygate.gates.procurement_gate as gate

test_award_requested_is_gated if {
	gate.gated == {{
		"resource": {"kind": "system", "id": "lamp"},
		"field": "procurement.award_requested",
		"message": "award of system lamp is requested",
	}} with input as {"systems": [{"id": "lamp", "stage": "procurement", "procurement": {"award_requested": true}}]}
}

test_no_award_request_not_gated if {
	count(gate.gated) == 0 with input as {"systems": [
		{"id": "a", "stage": "procurement", "procurement": {"award_requested": false}},
		{"id": "b", "stage": "procurement"},
		{"id": "c", "stage": "production", "procurement": {"award_requested": true}},
	]}
}
