package citygate.rules.security.personnel_terms_test

import data.citygate.rules.security.personnel_terms as rule

good := {"confidentiality_terms": true, "last_security_training": "2025-06-01"}

portal := {"kind": "system", "id": "portal"}

signals := {"kind": "system", "id": "signals"}

test_compliant_passes if {
	count(rule.deny) == 0 with input as {"systems": [
		{"id": "signals", "remote_access": "vpn", "personnel": good},
		{"id": "portal", "personnel": good},
	]}
}

test_not_applicable_passes if {
	inp := {"systems": [
		{"id": "sensors", "remote_access": "none"},
		{"id": "old", "stage": "retired", "remote_access": "direct"},
		{"id": "gone", "stage": "retired"},
	]}
	count(rule.deny) == 0 with input as inp
	count(rule.applies) == 0 with input as inp
}

test_no_confidentiality_terms_fires if {
	r := rule.deny with input as {"systems": [{"id": "portal", "personnel": {"confidentiality_terms": false, "last_security_training": "2025-06-01"}}]}
	r == {{
		"resource": portal,
		"field": "personnel.confidentiality_terms",
		"status": "fail",
		"template": "no_confidentiality_terms",
		"args": {"id": "portal"},
	}}
}

test_confidentiality_terms_absent_is_not_stated if {
	r := rule.deny with input as {"systems": [{"id": "portal", "personnel": {"last_security_training": "2025-06-01"}}]}
	r == {{"resource": portal, "field": "personnel.confidentiality_terms", "status": "not_stated"}}
}

test_training_absent_is_not_stated if {
	r := rule.deny with input as {"systems": [{"id": "portal", "personnel": {"confidentiality_terms": true}}]}
	r == {{"resource": portal, "field": "personnel.last_security_training", "status": "not_stated"}}
}

test_remote_access_without_personnel_block_is_not_stated if {
	r := rule.deny with input as {"systems": [{"id": "signals", "remote_access": "vpn"}]}
	r == {
		{"resource": signals, "field": "personnel.confidentiality_terms", "status": "not_stated"},
		{"resource": signals, "field": "personnel.last_security_training", "status": "not_stated"},
	}
}

test_remote_access_absent_is_not_stated if {
	r := rule.deny with input as {"systems": [{"id": "lights"}]}
	r == {{"resource": {"kind": "system", "id": "lights"}, "field": "remote_access", "status": "not_stated"}}
	rule.applies == {{"kind": "system", "id": "lights"}} with input as {"systems": [{"id": "lights"}]}
}

test_old_training_fires if {
	r := rule.deny with input as {"systems": [{"id": "portal", "personnel": {"confidentiality_terms": true, "last_security_training": "2024-11-30"}}]}
	r == {{
		"resource": portal,
		"field": "personnel.last_security_training",
		"status": "fail",
		"template": "old_training",
		"args": {"id": "portal", "trained": "2024-11-30", "months": 12},
	}}
}

test_training_boundary if {
	inp := {"systems": [{"id": "portal", "personnel": {"confidentiality_terms": true, "last_security_training": "2025-01-01"}}]}
	count(rule.deny) == 0 with input as inp with data.citygate.as_of as "2026-01-01"
	count(rule.deny) == 1 with input as inp with data.citygate.as_of as "2026-01-02"
}

test_applies if {
	inp := {"systems": [
		{"id": "signals", "remote_access": "zero_trust", "personnel": good},
		{"id": "portal", "remote_access": "none", "personnel": good},
		{"id": "sensors", "remote_access": "none"},
		{"id": "old", "stage": "retired"},
	]}
	rule.applies == {signals, portal} with input as inp
	count(rule.deny) == 0 with input as inp
}
