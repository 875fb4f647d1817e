package citygate.rules.privacy.data_location_test

import data.citygate.rules.privacy.data_location as rule

city := {"id": "lisboa", "allowed_data_regions": ["EU", "EEA"]}

sys(d) := {"id": "portal", "data": object.union({"personal": true, "location": "US"}, d)}

portal := {"kind": "system", "id": "portal"}

outside(location, allowed) := {
	"resource": portal,
	"field": "data.location",
	"status": "fail",
	"template": "outside_regions",
	"args": {"id": "portal", "location": location, "allowed": allowed},
}

test_outside_allowed_regions_fires if {
	r := rule.deny with input as {"city": city, "systems": [sys({})]}
	r == {outside("US", "EU, EEA")}
}

test_transfer_mechanism_passes if {
	every m in ["adequacy", "scc", "bcr", "derogation", "approved_code", "certification", "uk_idta"] {
		count(rule.deny) == 0 with input as {"city": city, "systems": [sys({"transfer_mechanism": m})]}
	}
}

test_inside_allowed_regions_passes if {
	count(rule.deny) == 0 with input as {"city": city, "systems": [sys({"location": "EU"}), sys({"location": "EEA"})]}
}

test_member_country_is_inside_its_group if {
	count(rule.deny) == 0 with input as {"city": city, "systems": [sys({"location": "PT"}), sys({"location": "no"})]}
}

test_codes_match_case_insensitively if {
	vn := {"id": "hanoi", "allowed_data_regions": ["VN"]}
	count(rule.deny) == 0 with input as {"city": vn, "systems": [sys({"location": "vn"})]}
	count(rule.deny) == 0 with input as {"city": {"id": "hanoi", "allowed_data_regions": ["vn"]}, "systems": [sys({"location": "VN"})]}
}

test_group_outside_a_country_fires if {
	r := rule.deny with input as {"city": {"id": "lisboa", "allowed_data_regions": ["PT"]}, "systems": [sys({"location": "EU"})]}
	r == {outside("EU", "PT")}
	s := rule.deny with input as {"city": {"id": "lisboa", "allowed_data_regions": ["EU"]}, "systems": [sys({"location": "EEA"})]}
	s == {outside("EEA", "EU")}
}

test_location_not_stated if {
	r := rule.deny with input as {"city": city, "systems": [{"id": "portal", "data": {"personal": true}}, object.union(sys({"location": null}), {"id": "app"})]}
	r == {portal_not_stated, {"resource": {"kind": "system", "id": "app"}, "field": "data.location", "status": "not_stated"}}
}

portal_not_stated := {"resource": portal, "field": "data.location", "status": "not_stated"}

test_personal_not_stated if {
	r := rule.deny with input as {"city": city, "systems": [{"id": "portal", "category": "web_service", "data": {"location": "US"}}]}
	r == {{"resource": portal, "field": "data.personal", "status": "not_stated"}}
}

test_applies if {
	a := rule.applies with input as {"city": city, "systems": [
		sys({}),
		{"id": "app", "category": "mobile_app"},
		{"id": "signals", "category": "iot", "data": {"personal": false, "location": "US"}},
		{"id": "switch", "category": "network"},
		{"id": "old", "stage": "retired", "data": {"personal": true, "location": "US"}},
	]}
	a == {portal, {"kind": "system", "id": "app"}}
}

test_allowed_regions_absent_does_not_apply if {
	every c in [{"id": "lisboa"}, {"id": "lisboa", "allowed_data_regions": null}] {
		count(rule.deny) == 0 with input as {"city": c, "systems": [sys({})]}
		count(rule.applies) == 0 with input as {"city": c, "systems": [sys({})]}
	}
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
