package citygate.rules.openness.datasets_accounted_test

import data.citygate.rules.openness.datasets_accounted as rule

traffic := {"kind": "system", "id": "traffic"}

test_unpublished_fires if {
	r := rule.deny with input as {"systems": [{"id": "traffic", "datasets": [{"id": "counts", "publish": false}]}]}
	r == {{
		"resource": traffic,
		"field": "dataset.counts.publish",
		"status": "fail",
		"template": "not_accounted",
		"args": {"id": "traffic", "dataset": "counts"},
	}}
}

test_empty_exemption_fires if {
	r := rule.deny with input as {"systems": [{"id": "traffic", "datasets": [{"id": "counts", "publish": false, "exemption": ""}]}]}
	{f.status | some f in r} == {"fail"}
}

test_publish_absent_is_not_stated if {
	r := rule.deny with input as {"systems": [{"id": "traffic", "datasets": [{"id": "counts"}, {"id": "ok", "publish": true}]}]}
	r == {{"resource": traffic, "field": "dataset.counts.publish", "status": "not_stated"}}
}

test_publish_null_is_not_stated if {
	r := rule.deny with input as {"systems": [{"id": "traffic", "datasets": [{"id": "counts", "publish": null, "exemption": null}]}]}
	r == {{"resource": traffic, "field": "dataset.counts.publish", "status": "not_stated"}}
}

test_accounted_passes if {
	count(rule.deny) == 0 with input as {"systems": [
		{"id": "traffic", "datasets": [
			{"id": "counts", "publish": true},
			{"id": "plates", "publish": false, "exemption": "personal data"},
			{"id": "incidents", "exemption": "security"},
		]},
		{"id": "no-datasets"},
	]}
}

test_applies_to_active_systems_with_datasets if {
	rule.applies == {traffic} with input as {"systems": [
		{"id": "traffic", "datasets": [{"id": "counts", "publish": true}]},
		{"id": "no-datasets"},
		{"id": "empty", "datasets": []},
		{"id": "old", "stage": "retired", "datasets": [{"id": "counts"}]},
	]}
}

test_retired_not_applicable if {
	count(rule.deny) == 0 with input as {"systems": [{"id": "old", "stage": "retired", "datasets": [{"id": "counts"}]}]}
}
