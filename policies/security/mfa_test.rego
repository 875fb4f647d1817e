package citygate.rules.security.mfa_test

import data.citygate.rules.security.mfa as rule

test_compliant_passes if {
	count(rule.deny) == 0 with input as {"systems": [
		{"id": "signals", "category": "ot", "remote_access": "vpn", "auth": {"mfa_privileged": true, "mfa_remote": true}},
		{"id": "portal", "category": "web_service", "auth": {"mfa_privileged": true}},
		{"id": "lights", "category": "iot", "remote_access": "none", "auth": {"mfa_privileged": true, "mfa_remote": false}},
	]}
}

test_retired_passes if {
	count(rule.deny) == 0 with input as {"systems": [{"id": "old", "stage": "retired"}]}
}

test_no_privileged_mfa_fires_high if {
	r := rule.deny with input as {"systems": [{"id": "portal", "category": "web_service", "auth": {"mfa_privileged": false}}]}
	r == {{
		"resource": {"kind": "system", "id": "portal"},
		"field": "auth.mfa_privileged",
		"message": "system portal does not require MFA for privileged accounts (auth.mfa_privileged is not true)",
		"severity": "high",
	}}
}

test_missing_auth_fires if {
	r := rule.deny with input as {"systems": [{"id": "portal"}]}
	count(r) == 1
}

test_no_remote_mfa_fires if {
	r := rule.deny with input as {"systems": [{"id": "portal", "remote_access": "zero_trust", "auth": {"mfa_privileged": true}}]}
	r == {{
		"resource": {"kind": "system", "id": "portal"},
		"field": "auth.mfa_remote",
		"message": "system portal allows remote access (remote_access = zero_trust) without MFA (auth.mfa_remote is not true)",
		"severity": "high",
	}}
}

test_ot_escalates_to_critical if {
	r := rule.deny with input as {"systems": [{"id": "signals", "category": "ot", "remote_access": "direct", "auth": {"mfa_privileged": false, "mfa_remote": false}}]}
	r == {
		{
			"resource": {"kind": "system", "id": "signals"},
			"field": "auth.mfa_privileged",
			"message": "system signals does not require MFA for privileged accounts (auth.mfa_privileged is not true)",
			"severity": "critical",
		},
		{
			"resource": {"kind": "system", "id": "signals"},
			"field": "auth.mfa_remote",
			"message": "system signals allows remote access (remote_access = direct) without MFA (auth.mfa_remote is not true)",
			"severity": "critical",
		},
	}
}

test_critical_criticality_escalates if {
	r := rule.deny with input as {"systems": [{"id": "water", "category": "it", "criticality": "critical"}]}
	[f.severity | some f in r] == ["critical"]
}
