package citygate.rules.security.personnel_terms_test

import data.citygate.rules.security.personnel_terms as rule

good := {"confidentiality_terms": true, "last_security_training": "2025-06-01"}

test_compliant_passes if {
	count(rule.deny) == 0 with input as {"systems": [
		{"id": "signals", "remote_access": "vpn", "personnel": good},
		{"id": "portal", "personnel": good},
	]}
}

test_not_applicable_passes if {
	count(rule.deny) == 0 with input as {"systems": [
		{"id": "lights"},
		{"id": "sensors", "remote_access": "none"},
		{"id": "old", "stage": "retired", "remote_access": "direct"},
	]}
}

test_no_confidentiality_terms_fires if {
	r := rule.deny with input as {"systems": [{"id": "portal", "personnel": {"confidentiality_terms": false, "last_security_training": "2025-06-01"}}]}
	r == {{
		"resource": {"kind": "system", "id": "portal"},
		"field": "personnel.confidentiality_terms",
		"message": "system portal has privileged staff or contractors not bound by confidentiality terms (personnel.confidentiality_terms is not true)",
	}}
}

test_remote_access_without_personnel_block_fires if {
	r := rule.deny with input as {"systems": [{"id": "signals", "remote_access": "vpn"}]}
	r == {
		{
			"resource": {"kind": "system", "id": "signals"},
			"field": "personnel.confidentiality_terms",
			"message": "system signals has privileged staff or contractors not bound by confidentiality terms (personnel.confidentiality_terms is not true)",
		},
		{
			"resource": {"kind": "system", "id": "signals"},
			"field": "personnel.last_security_training",
			"message": "system signals states no security training of its privileged staff and contractors (personnel.last_security_training is not set)",
		},
	}
}

test_old_training_fires if {
	r := rule.deny with input as {"systems": [{"id": "portal", "personnel": {"confidentiality_terms": true, "last_security_training": "2024-11-30"}}]}
	r == {{
		"resource": {"kind": "system", "id": "portal"},
		"field": "personnel.last_security_training",
		"message": "system portal last trained its privileged staff and contractors in security on 2024-11-30, more than 12 months ago",
	}}
}

test_training_boundary if {
	inp := {"systems": [{"id": "portal", "personnel": {"confidentiality_terms": true, "last_security_training": "2025-01-01"}}]}
	count(rule.deny) == 0 with input as inp with data.citygate.as_of as "2026-01-01"
	count(rule.deny) == 1 with input as inp with data.citygate.as_of as "2026-01-02"
}
