package citygate.rules.openness.machine_readable_test

import data.citygate.rules.openness.machine_readable as rule

test_pdf_fires if {
	r := rule.deny with input as {"systems": [{"id": "budget", "datasets": [{"id": "spend", "publish": true, "format": "pdf", "metadata": true}]}]}
	r == {{
		"resource": {"kind": "system", "id": "budget"},
		"field": "dataset.spend.format",
		"message": "system budget publishes dataset spend only as pdf, not a machine-readable format",
	}}
}

test_xls_fires if {
	count(rule.deny) == 1 with input as {"systems": [{"id": "budget", "datasets": [{"id": "spend", "publish": true, "format": "XLS", "metadata": true}]}]}
}

test_format_unset_fires if {
	r := rule.deny with input as {"systems": [{"id": "budget", "datasets": [{"id": "spend", "publish": true, "metadata": true}]}]}
	r == {{
		"resource": {"kind": "system", "id": "budget"},
		"field": "dataset.spend.format",
		"message": "system budget publishes dataset spend with no stated format",
	}}
}

test_no_metadata_fires if {
	r := rule.deny with input as {"systems": [{"id": "budget", "datasets": [{"id": "spend", "publish": true, "format": "CSV"}]}]}
	r == {{
		"resource": {"kind": "system", "id": "budget"},
		"field": "dataset.spend.metadata",
		"message": "system budget publishes dataset spend without machine-readable metadata (metadata = unset)",
	}}
}

test_dynamic_without_api_fires if {
	r := rule.deny with input as {"systems": [{"id": "parking", "datasets": [{"id": "occupancy", "publish": true, "format": "JSON", "metadata": true, "dynamic": true, "api": false}]}]}
	r == {{
		"resource": {"kind": "system", "id": "parking"},
		"field": "dataset.occupancy.api",
		"message": "system parking publishes dynamic dataset occupancy with no API (api = false)",
	}}
}

test_compliant_passes if {
	count(rule.deny) == 0 with input as {"systems": [{"id": "parking", "datasets": [
		{"id": "occupancy", "publish": true, "format": "GeoJSON", "metadata": true, "dynamic": true, "api": true},
		{"id": "tariffs", "publish": true, "format": "CSV", "metadata": true},
	]}]}
}

test_not_published_passes if {
	count(rule.deny) == 0 with input as {"systems": [
		{"id": "a", "datasets": [{"id": "x", "publish": false, "format": "PDF", "dynamic": true}]},
		{"id": "b", "datasets": [{"id": "y", "format": "PDF"}]},
		{"id": "c", "stage": "retired", "datasets": [{"id": "z", "publish": true, "format": "PDF"}]},
	]}
}
