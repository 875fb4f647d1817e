package citygate.rules.privacy.breach_notification_test

import data.citygate.rules.privacy.breach_notification as rule

city(ir) := {"id": "lisboa", "incident_response": object.union({"plan": true}, ir)}

lisboa := {"kind": "city", "id": "lisboa"}

test_compliant_passes if {
	count(rule.deny) == 0 with input as {"city": city({"regulator_notice_hours": 72, "resident_notification": true})}
	count(rule.deny) == 0 with input as {"city": city({"regulator_notice_hours": 24, "resident_notification": true})}
}

test_slow_regulator_notice_fires if {
	r := rule.deny with input as {"city": city({"regulator_notice_hours": 96, "resident_notification": true})}
	r == {{
		"resource": lisboa,
		"field": "incident_response.regulator_notice_hours",
		"status": "fail",
		"template": "regulator_notice_too_slow",
		"args": {"id": "lisboa", "hours": 96, "limit": 72},
	}}
}

test_limit_is_a_param if {
	r := rule.deny with input as {"city": city({"regulator_notice_hours": 48, "resident_notification": true})}
		with data.citygate.params.regulator_notice_max_hours as 24
	r == {{
		"resource": lisboa,
		"field": "incident_response.regulator_notice_hours",
		"status": "fail",
		"template": "regulator_notice_too_slow",
		"args": {"id": "lisboa", "hours": 48, "limit": 24},
	}}
}

test_no_resident_notification_fires if {
	r := rule.deny with input as {"city": city({"regulator_notice_hours": 72, "resident_notification": false})}
	r == {{
		"resource": lisboa,
		"field": "incident_response.resident_notification",
		"status": "fail",
		"template": "no_resident_notification",
		"args": {"id": "lisboa"},
	}}
}

test_regulator_notice_not_stated if {
	r := rule.deny with input as {"city": city({"resident_notification": true})}
	r == {{"resource": lisboa, "field": "incident_response.regulator_notice_hours", "status": "not_stated"}}
}

test_resident_notification_not_stated if {
	r := rule.deny with input as {"city": city({"regulator_notice_hours": 72, "resident_notification": null})}
	r == {{"resource": lisboa, "field": "incident_response.resident_notification", "status": "not_stated"}}
}

test_no_incident_response_states_neither if {
	r := rule.deny with input as {"city": {"id": "lisboa"}}
	r == {
		{"resource": lisboa, "field": "incident_response.regulator_notice_hours", "status": "not_stated"},
		{"resource": lisboa, "field": "incident_response.resident_notification", "status": "not_stated"},
	}
}

test_applies_to_the_city if {
	a := rule.applies with input as {"city": {"id": "lisboa"}, "systems": [{"id": "portal"}]}
	a == {lisboa}
}

test_bid_without_city_does_not_apply if {
	i := {"systems": [{"id": "lights", "vendor": "acme", "stage": "procurement"}]}
	count(rule.deny) == 0 with input as i
	count(rule.applies) == 0 with input as i
}
