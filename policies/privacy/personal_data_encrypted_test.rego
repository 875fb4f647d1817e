package citygate.rules.privacy.personal_data_encrypted_test

import data.citygate.rules.privacy.personal_data_encrypted as rule

portal(d) := {"id": "portal", "data": object.union({"personal": true, "encrypted_at_rest": true, "tls_min": "1.2"}, d)}

resource := {"kind": "system", "id": "portal"}

tls_below(tls, minimum) := {
	"resource": resource,
	"field": "data.tls_min",
	"status": "fail",
	"template": "tls_below_minimum",
	"args": {"id": "portal", "tls": tls, "minimum": minimum},
}

test_compliant_passes if {
	count(rule.deny) == 0 with input as {"systems": [portal({}), portal({"tls_min": "1.3"})]}
}

test_not_encrypted_fires if {
	r := rule.deny with input as {"systems": [portal({"encrypted_at_rest": false})]}
	r == {{
		"resource": resource,
		"field": "data.encrypted_at_rest",
		"status": "fail",
		"template": "not_encrypted_at_rest",
		"args": {"id": "portal"},
	}}
}

test_encryption_not_stated if {
	r := rule.deny with input as {"systems": [{"id": "portal", "data": {"personal": true, "tls_min": "1.3"}}]}
	r == {{"resource": resource, "field": "data.encrypted_at_rest", "status": "not_stated"}}
}

test_tls_1_1_fires if {
	r := rule.deny with input as {"systems": [portal({"tls_min": "1.1"})]}
	r == {tls_below("1.1", "1.2")}
}

test_tls_1_0_fires if {
	r := rule.deny with input as {"systems": [portal({"tls_min": "1.0"})]}
	r == {tls_below("1.0", "1.2")}
}

test_minimum_tls_is_a_param if {
	r := rule.deny with input as {"systems": [portal({})]}
		with data.citygate.params.minimum_tls as "1.3"
	r == {tls_below("1.2", "1.3")}
}

test_tls_not_stated if {
	r := rule.deny with input as {"systems": [{"id": "portal", "data": {"personal": true, "encrypted_at_rest": true, "tls_min": null}}]}
	r == {{"resource": resource, "field": "data.tls_min", "status": "not_stated"}}
}

test_personal_not_stated if {
	r := rule.deny with input as {"systems": [{"id": "portal", "category": "web_service", "data": {"tls_min": "1.0"}}]}
	r == {{"resource": resource, "field": "data.personal", "status": "not_stated"}}
}

test_applies if {
	a := rule.applies with input as {"systems": [
		portal({}),
		{"id": "app", "category": "mobile_app"},
		{"id": "signals", "category": "iot", "data": {"personal": false}},
		{"id": "switch", "category": "network"},
		{"id": "old", "stage": "retired", "data": {"personal": true}},
	]}
	a == {resource, {"kind": "system", "id": "app"}}
}

test_non_personal_does_not_apply if {
	count(rule.deny) == 0 with input as {"systems": [
		{"id": "signals", "data": {"personal": false, "encrypted_at_rest": false, "tls_min": "1.0"}},
		{"id": "bare"},
	]}
}

test_retired_does_not_apply if {
	count(rule.deny) == 0 with input as {"systems": [object.union(portal({"encrypted_at_rest": false}), {"stage": "retired"})]}
}
