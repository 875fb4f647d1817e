package citygate.rules.privacy.personal_data_encrypted_test

import data.citygate.rules.privacy.personal_data_encrypted as rule

portal(d) := {"id": "portal", "data": object.union({"personal": true, "encrypted_at_rest": true, "tls_min": "1.2"}, d)}

test_compliant_passes if {
	count(rule.deny) == 0 with input as {"systems": [portal({}), portal({"tls_min": "1.3"})]}
}

test_not_encrypted_fires if {
	r := rule.deny with input as {"systems": [portal({"encrypted_at_rest": false})]}
	r == {{
		"resource": {"kind": "system", "id": "portal"},
		"field": "data.encrypted_at_rest",
		"message": "system portal does not encrypt personal data at rest (data.encrypted_at_rest = false)",
	}}
}

test_encryption_not_stated_fires if {
	r := rule.deny with input as {"systems": [{"id": "portal", "data": {"personal": true, "tls_min": "1.3"}}]}
	r == {{
		"resource": {"kind": "system", "id": "portal"},
		"field": "data.encrypted_at_rest",
		"message": "system portal does not encrypt personal data at rest (data.encrypted_at_rest = not set)",
	}}
}

test_tls_1_1_fires if {
	r := rule.deny with input as {"systems": [portal({"tls_min": "1.1"})]}
	r == {{
		"resource": {"kind": "system", "id": "portal"},
		"field": "data.tls_min",
		"message": "system portal accepts TLS 1.1 for personal data, below the minimum TLS 1.2",
	}}
}

test_tls_1_0_fires if {
	count(rule.deny) == 1 with input as {"systems": [portal({"tls_min": "1.0"})]}
}

test_minimum_tls_is_a_param if {
	count(rule.deny) == 1 with input as {"systems": [portal({})]}
		with data.citygate.params.minimum_tls as "1.3"
}

test_tls_not_stated_fires if {
	r := rule.deny with input as {"systems": [{"id": "portal", "data": {"personal": true, "encrypted_at_rest": true}}]}
	r == {{
		"resource": {"kind": "system", "id": "portal"},
		"field": "data.tls_min",
		"message": "system portal processes personal data and states no minimum TLS version (data.tls_min)",
	}}
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
