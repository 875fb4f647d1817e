package citygate.rules.openness.datasets_accounted_test

import data.citygate.rules.openness.datasets_accounted as rule

test_unpublished_fires if {
	r := rule.deny with input as {"systems": [{"id": "traffic", "datasets": [{"id": "counts", "publish": false}]}]}
	r == {{
		"resource": {"kind": "system", "id": "traffic"},
		"field": "dataset.counts.publish",
		"message": "system traffic dataset counts is neither published (publish = false) nor given an exemption reason",
	}}
}

test_publish_unset_fires if {
	r := rule.deny with input as {"systems": [{"id": "traffic", "datasets": [{"id": "counts"}, {"id": "ok", "publish": true}]}]}
	r == {{
		"resource": {"kind": "system", "id": "traffic"},
		"field": "dataset.counts.publish",
		"message": "system traffic dataset counts is neither published (publish = unset) nor given an exemption reason",
	}}
}

test_accounted_passes if {
	count(rule.deny) == 0 with input as {"systems": [
		{"id": "traffic", "datasets": [{"id": "counts", "publish": true}, {"id": "plates", "publish": false, "exemption": "personal data"}]},
		{"id": "no-datasets"},
	]}
}

test_retired_passes if {
	count(rule.deny) == 0 with input as {"systems": [{"id": "old", "stage": "retired", "datasets": [{"id": "counts"}]}]}
}
