package citygate.rules.openness.no_personal_data_published_test

import data.citygate.rules.openness.no_personal_data_published as rule

bikes := {"kind": "system", "id": "bikes"}

test_personal_published_fires if {
	r := rule.deny with input as {"systems": [{"id": "bikes", "datasets": [{"id": "trips", "publish": true, "personal": true}]}]}
	r == {{
		"resource": bikes,
		"field": "dataset.trips.anonymisation_review",
		"status": "fail",
		"template": "not_reviewed",
		"args": {"id": "bikes", "dataset": "trips"},
	}}
}

test_retired_system_fires if {
	inp := {"systems": [{"id": "bikes", "stage": "retired", "datasets": [{"id": "trips", "publish": true, "personal": true}]}]}
	{f.status | some f in rule.deny} == {"fail"} with input as inp
	rule.applies == {bikes} with input as inp
}

test_personal_absent_is_not_stated if {
	r := rule.deny with input as {"systems": [{"id": "bikes", "datasets": [{"id": "trips", "publish": true}]}]}
	r == {{"resource": bikes, "field": "dataset.trips.personal", "status": "not_stated"}}
}

test_system_without_personal_data_needs_no_dataset_flag if {
	count(rule.deny) == 0 with input as {"systems": [{"id": "scada", "data": {"personal": false}, "datasets": [{"id": "levels", "publish": true}]}]}
	r := rule.deny with input as {"systems": [{"id": "bikes", "data": {"personal": true}, "datasets": [{"id": "trips", "publish": true}]}]}
	r == {{"resource": bikes, "field": "dataset.trips.personal", "status": "not_stated"}}
}

test_reviewed_passes if {
	count(rule.deny) == 0 with input as {"systems": [{"id": "bikes", "datasets": [{"id": "trips", "publish": true, "personal": true, "anonymisation_review": "2025-05-01"}]}]}
}

test_not_personal_passes if {
	count(rule.deny) == 0 with input as {"systems": [{"id": "bikes", "datasets": [{"id": "docks", "publish": true, "personal": false}]}]}
}

test_unpublished_not_applicable if {
	inp := {"systems": [
		{"id": "bikes", "datasets": [
			{"id": "unpublished", "publish": false, "personal": true},
			{"id": "publish-unset", "personal": true},
		]},
		{"id": "no-datasets"},
	]}
	count(rule.deny) == 0 with input as inp
	count(rule.applies) == 0 with input as inp
}
