package citygate.rules.privacy.purpose_register_notice_test

import data.citygate.rules.privacy.purpose_register_notice as rule

cctv := {
	"id": "cctv",
	"data": {"personal": true, "public_space_monitoring": true, "purposes": ["serious-crime investigation"]},
	"transparency": {"signage": true, "register_url": "https://city.example/register/cctv"},
}

portal := {
	"id": "portal",
	"data": {"personal": true, "purposes": ["service delivery"]},
	"transparency": {"notice_url": "https://city.example/privacy", "register_url": "https://city.example/register/portal"},
}

test_compliant_passes if {
	count(rule.deny) == 0 with input as {"systems": [cctv, portal]}
}

test_no_purposes_fires if {
	s := object.remove(cctv, ["data"])
	r := rule.deny with input as {"systems": [object.union(s, {"data": {"public_space_monitoring": true}})]}
	r == {{
		"resource": {"kind": "system", "id": "cctv"},
		"field": "data.purposes",
		"message": "system cctv states no purposes of processing (data.purposes)",
	}}
}

test_empty_purposes_fires if {
	count(rule.deny) == 1 with input as {"systems": [object.union(cctv, {"data": {"purposes": []}})]}
}

test_no_register_fires if {
	s := object.union(object.remove(cctv, ["transparency"]), {"transparency": {"signage": true}})
	r := rule.deny with input as {"systems": [s]}
	r == {{
		"resource": {"kind": "system", "id": "cctv"},
		"field": "transparency.register_url",
		"message": "system cctv has no public register entry (transparency.register_url)",
	}}
}

test_no_signage_fires if {
	s := {
		"id": "cctv",
		"data": {"public_space_monitoring": true, "purposes": ["traffic"]},
		"transparency": {"signage": false, "register_url": "https://city.example/register/cctv"},
	}
	r := rule.deny with input as {"systems": [s]}
	r == {{
		"resource": {"kind": "system", "id": "cctv"},
		"field": "transparency.signage",
		"message": "system cctv monitors public space with no signage (transparency.signage)",
	}}
}

test_notice_url_does_not_replace_signs_in_public_space if {
	s := {
		"id": "cctv",
		"data": {"public_space_monitoring": true, "purposes": ["traffic"]},
		"transparency": {"notice_url": "https://city.example/privacy", "register_url": "https://city.example/register/cctv"},
	}
	count(rule.deny) == 1 with input as {"systems": [s]}
}

test_personal_data_without_notice_fires if {
	s := {"id": "portal", "data": {"personal": true, "purposes": ["service delivery"]}, "transparency": {"register_url": "https://city.example/r"}}
	r := rule.deny with input as {"systems": [s]}
	r == {{
		"resource": {"kind": "system", "id": "portal"},
		"field": "transparency.notice_url",
		"message": "system portal processes personal data with no signage or privacy notice (transparency.notice_url)",
	}}
}

test_personal_data_with_signage_passes if {
	s := {"id": "kiosk", "data": {"personal": true, "purposes": ["ticketing"]}, "transparency": {"signage": true, "register_url": "https://city.example/r"}}
	count(rule.deny) == 0 with input as {"systems": [s]}
}

test_nothing_stated_fires_all if {
	count(rule.deny) == 3 with input as {"systems": [{"id": "cctv", "data": {"public_space_monitoring": true}}]}
	count(rule.deny) == 3 with input as {"systems": [{"id": "portal", "data": {"personal": true}}]}
}

test_non_personal_non_sensing_does_not_apply if {
	count(rule.deny) == 0 with input as {"systems": [
		{"id": "signals", "data": {"personal": false, "public_space_monitoring": false}},
		{"id": "bare"},
	]}
}

test_retired_does_not_apply if {
	count(rule.deny) == 0 with input as {"systems": [
		{"id": "cctv", "stage": "retired", "data": {"public_space_monitoring": true}},
		{"id": "portal", "stage": "retired", "data": {"personal": true}},
	]}
}
