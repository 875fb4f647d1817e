package citygate.rules.openness.machine_readable_test

import data.citygate.rules.openness.machine_readable as rule

budget := {"kind": "system", "id": "budget"}

parking := {"kind": "system", "id": "parking"}

# static is a complete, compliant published dataset that is not dynamic.
static(extra) := object.union({"id": "spend", "publish": true, "format": "CSV", "metadata": true, "dynamic": false}, extra)

test_pdf_fires if {
	r := rule.deny with input as {"systems": [{"id": "budget", "datasets": [static({"format": "pdf"})]}]}
	r == {{
		"resource": budget,
		"field": "dataset.spend.format",
		"status": "fail",
		"template": "closed_format",
		"args": {"id": "budget", "dataset": "spend", "format": "pdf"},
	}}
}

test_xls_fires if {
	r := rule.deny with input as {"systems": [{"id": "budget", "datasets": [static({"format": "XLS"})]}]}
	{[f.status, f.args.format] | some f in r} == {["fail", "XLS"]}
}

test_format_absent_is_not_stated if {
	r := rule.deny with input as {"systems": [{"id": "budget", "datasets": [object.remove(static({}), ["format"])]}]}
	r == {{"resource": budget, "field": "dataset.spend.format", "status": "not_stated"}}
}

test_no_metadata_fires if {
	r := rule.deny with input as {"systems": [{"id": "budget", "datasets": [static({"metadata": false})]}]}
	r == {{
		"resource": budget,
		"field": "dataset.spend.metadata",
		"status": "fail",
		"template": "no_metadata",
		"args": {"id": "budget", "dataset": "spend"},
	}}
}

test_metadata_absent_is_not_stated if {
	r := rule.deny with input as {"systems": [{"id": "budget", "datasets": [object.remove(static({}), ["metadata"])]}]}
	r == {{"resource": budget, "field": "dataset.spend.metadata", "status": "not_stated"}}
}

test_dynamic_without_api_fires if {
	r := rule.deny with input as {"systems": [{"id": "parking", "datasets": [static({"id": "occupancy", "format": "JSON", "dynamic": true, "api": false})]}]}
	r == {{
		"resource": parking,
		"field": "dataset.occupancy.api",
		"status": "fail",
		"template": "no_api",
		"args": {"id": "parking", "dataset": "occupancy"},
	}}
}

test_api_absent_on_dynamic_is_not_stated if {
	r := rule.deny with input as {"systems": [{"id": "parking", "datasets": [static({"id": "occupancy", "dynamic": true})]}]}
	r == {{"resource": parking, "field": "dataset.occupancy.api", "status": "not_stated"}}
}

test_dynamic_absent_is_not_stated if {
	r := rule.deny with input as {"systems": [{"id": "budget", "datasets": [object.remove(static({}), ["dynamic"])]}]}
	r == {{"resource": budget, "field": "dataset.spend.dynamic", "status": "not_stated"}}
	r2 := rule.deny with input as {"systems": [{"id": "budget", "datasets": [object.remove(static({"api": false}), ["dynamic"])]}]}
	r2 == r
}

test_bare_published_dataset_is_not_stated_three_times if {
	r := rule.deny with input as {"systems": [{"id": "budget", "datasets": [{"id": "spend", "publish": true}]}]}
	{f.field | some f in r; f.status == "not_stated"} == {"dataset.spend.format", "dataset.spend.metadata", "dataset.spend.dynamic"}
	count(r) == 3
}

test_compliant_passes if {
	count(rule.deny) == 0 with input as {"systems": [{"id": "parking", "datasets": [
		static({"id": "occupancy", "format": "GeoJSON", "dynamic": true, "api": true}),
		static({"id": "tariffs"}),
		object.remove(static({"id": "zones", "api": true}), ["dynamic"]),
	]}]}
}

test_applies_to_systems_that_publish if {
	rule.applies == {parking} with input as {"systems": [
		{"id": "parking", "datasets": [static({}), {"id": "raw", "publish": false}]},
		{"id": "a", "datasets": [{"id": "x", "publish": false, "format": "PDF", "dynamic": true}]},
		{"id": "b", "datasets": [{"id": "y", "format": "PDF"}]},
		{"id": "c", "stage": "retired", "datasets": [static({"format": "PDF"})]},
		{"id": "d"},
	]}
}

test_not_published_passes if {
	count(rule.deny) == 0 with input as {"systems": [
		{"id": "a", "datasets": [{"id": "x", "publish": false, "format": "PDF", "dynamic": true}]},
		{"id": "b", "datasets": [{"id": "y", "format": "PDF"}]},
		{"id": "c", "stage": "retired", "datasets": [{"id": "z", "publish": true, "format": "PDF"}]},
	]}
}
