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

fail(id, field, template) := {
	"resource": {"kind": "system", "id": id},
	"field": field,
	"status": "fail",
	"template": template,
	"args": {"id": id},
}

not_stated(id, field) := {"resource": {"kind": "system", "id": id}, "field": field, "status": "not_stated"}

test_compliant_passes if {
	count(rule.deny) == 0 with input as {"systems": [cctv, portal]}
}

test_purposes_not_stated if {
	s := object.remove(cctv, ["data"])
	r := rule.deny with input as {"systems": [object.union(s, {"data": {"public_space_monitoring": true}})]}
	r == {not_stated("cctv", "data.purposes")}
}

test_empty_purposes_fires if {
	r := rule.deny with input as {"systems": [object.union(cctv, {"data": {"purposes": []}})]}
	r == {fail("cctv", "data.purposes", "no_purposes")}
}

test_no_register_fires if {
	s := object.union(object.remove(cctv, ["transparency"]), {"transparency": {"signage": true}})
	r := rule.deny with input as {"systems": [s]}
	r == {fail("cctv", "transparency.register_url", "no_register")}
}

test_no_signage_fires if {
	s := {
		"id": "cctv",
		"data": {"public_space_monitoring": true, "purposes": ["traffic"]},
		"transparency": {"signage": false, "register_url": "https://city.example/register/cctv"},
	}
	r := rule.deny with input as {"systems": [s]}
	r == {fail("cctv", "transparency.signage", "no_signage")}
}

test_signage_not_stated if {
	s := {
		"id": "cctv",
		"public_space": true,
		"data": {"purposes": ["traffic"]},
		"transparency": {"notice_url": "https://city.example/privacy", "register_url": "https://city.example/register/cctv"},
	}
	r := rule.deny with input as {"systems": [s]}
	r == {not_stated("cctv", "transparency.signage")}
}

test_personal_data_without_notice_fires if {
	s := {"id": "portal", "data": {"personal": true, "purposes": ["service delivery"]}, "transparency": {"register_url": "https://city.example/r", "signage": false}}
	r := rule.deny with input as {"systems": [s]}
	r == {fail("portal", "transparency.notice_url", "no_notice")}
}

test_personal_data_with_signage_passes if {
	s := {"id": "kiosk", "data": {"personal": true, "purposes": ["ticketing"]}, "transparency": {"signage": true, "register_url": "https://city.example/r"}}
	count(rule.deny) == 0 with input as {"systems": [s]}
}

test_nothing_stated if {
	r := rule.deny with input as {"systems": [{"id": "cctv", "data": {"public_space_monitoring": true}}, {"id": "portal", "data": {"personal": true}}]}
	r == {
		not_stated("cctv", "data.purposes"),
		fail("cctv", "transparency.register_url", "no_register"),
		not_stated("cctv", "transparency.signage"),
		not_stated("portal", "data.purposes"),
		fail("portal", "transparency.register_url", "no_register"),
		fail("portal", "transparency.notice_url", "no_notice"),
	}
}

test_personal_not_stated if {
	r := rule.deny with input as {"systems": [{"id": "kiosk", "category": "kiosk"}]}
	r == {not_stated("kiosk", "data.personal")}
}

test_applies if {
	a := rule.applies with input as {"systems": [
		cctv,
		{"id": "kiosk", "category": "kiosk"},
		{"id": "counter", "category": "iot", "data": {"personal": false, "public_space_monitoring": true}},
		{"id": "signals", "data": {"personal": false, "public_space_monitoring": false}},
		{"id": "bare"},
		{"id": "old", "stage": "retired", "data": {"personal": true}},
	]}
	a == {{"kind": "system", "id": "cctv"}, {"kind": "system", "id": "kiosk"}, {"kind": "system", "id": "counter"}}
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

test_sensor_public_space_not_stated if {
	s := {
		"id": "cam",
		"sensing": ["camera"],
		"data": {"personal": true, "purposes": ["traffic"]},
		"transparency": {"notice_url": "https://city.example/privacy", "register_url": "https://city.example/register/cam"},
	}
	r := rule.deny with input as {"systems": [s, object.union(s, {"id": "door", "public_space": false})]}
	r == {not_stated("cam", "data.public_space_monitoring")}
}
