package citygate.rules.privacy.data_location_test

import data.citygate.rules.privacy.data_location as rule

city := {"id": "lisboa", "allowed_data_regions": ["EU", "EEA"]}

sys(d) := {"id": "portal", "data": object.union({"personal": true, "location": "US"}, d)}

test_outside_allowed_regions_fires if {
	r := rule.deny with input as {"city": city, "systems": [sys({})]}
	r == {{
		"resource": {"kind": "system", "id": "portal"},
		"field": "data.location",
		"message": "system portal stores personal data in US, outside the allowed regions EU, EEA, with no transfer_mechanism",
	}}
}

test_transfer_mechanism_passes if {
	count(rule.deny) == 0 with input as {"city": city, "systems": [sys({"transfer_mechanism": "SCC 2021/914"})]}
}

test_inside_allowed_regions_passes if {
	count(rule.deny) == 0 with input as {"city": city, "systems": [sys({"location": "EU"}), sys({"location": "EEA"})]}
}

test_location_absent_does_not_apply if {
	count(rule.deny) == 0 with input as {"city": city, "systems": [{"id": "portal", "data": {"personal": true}}]}
}

test_allowed_regions_absent_does_not_apply if {
	count(rule.deny) == 0 with input as {"city": {"id": "lisboa"}, "systems": [sys({})]}
}

test_no_city_does_not_apply if {
	count(rule.deny) == 0 with input as {"systems": [sys({})]}
}

test_non_personal_does_not_apply if {
	count(rule.deny) == 0 with input as {"city": city, "systems": [sys({"personal": false}), {"id": "bare"}]}
}

test_retired_does_not_apply if {
	count(rule.deny) == 0 with input as {"city": city, "systems": [object.union(sys({}), {"stage": "retired"})]}
}
