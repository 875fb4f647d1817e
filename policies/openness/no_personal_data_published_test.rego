package citygate.rules.openness.no_personal_data_published_test

import data.citygate.rules.openness.no_personal_data_published as rule

test_personal_published_fires if {
	r := rule.deny with input as {"systems": [{"id": "bikes", "datasets": [{"id": "trips", "publish": true, "personal": true}]}]}
	r == {{
		"resource": {"kind": "system", "id": "bikes"},
		"field": "dataset.trips.anonymisation_review",
		"message": "system bikes publishes dataset trips holding personal data with no anonymisation_review",
	}}
}

test_retired_system_fires if {
	count(rule.deny) == 1 with input as {"systems": [{"id": "bikes", "stage": "retired", "datasets": [{"id": "trips", "publish": true, "personal": true}]}]}
}

test_reviewed_passes if {
	count(rule.deny) == 0 with input as {"systems": [{"id": "bikes", "datasets": [{"id": "trips", "publish": true, "personal": true, "anonymisation_review": "2025-05-01"}]}]}
}

test_not_applicable_passes if {
	count(rule.deny) == 0 with input as {"systems": [{"id": "bikes", "datasets": [
		{"id": "unpublished", "publish": false, "personal": true},
		{"id": "publish-unset", "personal": true},
		{"id": "not-personal", "publish": true, "personal": false},
		{"id": "personal-unset", "publish": true},
	]}]}
}
