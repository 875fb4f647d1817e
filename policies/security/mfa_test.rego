package citygate.rules.security.mfa_test

import data.citygate.rules.security.mfa as rule

portal := {"kind": "system", "id": "portal"}

signals := {"kind": "system", "id": "signals"}

test_applies_to_active_systems if {
	r := rule.applies with input as {"systems": [{"id": "portal"}, {"id": "old", "stage": "retired"}]}
	r == {portal}
}

test_compliant_passes if {
	count(rule.deny) == 0 with input as {"systems": [
		{"id": "signals", "category": "ot", "remote_access": "vpn", "auth": {"mfa_privileged": true, "mfa_remote": true}},
		{"id": "portal", "category": "web_service", "remote_access": "none", "auth": {"mfa_privileged": true}},
		{"id": "lights", "category": "iot", "remote_access": "none", "auth": {"mfa_privileged": true, "mfa_remote": false}},
	]}
}

test_retired_not_applicable if {
	count(rule.deny) == 0 with input as {"systems": [{"id": "old", "stage": "retired"}]}
}

test_no_privileged_mfa_fails_high if {
	r := rule.deny with input as {"systems": [{"id": "portal", "category": "web_service", "remote_access": "none", "auth": {"mfa_privileged": false}}]}
	r == {{
		"resource": portal,
		"field": "auth.mfa_privileged",
		"status": "fail",
		"template": "no_privileged_mfa",
		"args": {"id": "portal"},
		"severity": "high",
	}}
}

test_missing_auth_and_remote_access_not_stated if {
	r := rule.deny with input as {"systems": [{"id": "portal"}]}
	r == {
		{"resource": portal, "field": "auth.mfa_privileged", "status": "not_stated", "severity": "high"},
		{"resource": portal, "field": "remote_access", "status": "not_stated", "severity": "high"},
	}
}

test_null_values_not_stated if {
	r := rule.deny with input as {"systems": [{"id": "portal", "remote_access": null, "auth": {"mfa_privileged": null}}]}
	{f.field | some f in r; f.status == "not_stated"} == {"auth.mfa_privileged", "remote_access"}
	count(r) == 2
}

test_no_remote_mfa_fails if {
	r := rule.deny with input as {"systems": [{"id": "portal", "remote_access": "zero_trust", "auth": {"mfa_privileged": true, "mfa_remote": false}}]}
	r == {{
		"resource": portal,
		"field": "auth.mfa_remote",
		"status": "fail",
		"template": "no_remote_mfa",
		"args": {"id": "portal", "remote": "zero_trust"},
		"severity": "high",
	}}
}

test_remote_mfa_not_stated if {
	r := rule.deny with input as {"systems": [{"id": "portal", "remote_access": "vpn", "auth": {"mfa_privileged": true}}]}
	r == {{"resource": portal, "field": "auth.mfa_remote", "status": "not_stated", "severity": "high"}}
}

test_no_remote_access_needs_no_remote_mfa if {
	count(rule.deny) == 0 with input as {"systems": [{"id": "portal", "remote_access": "none", "auth": {"mfa_privileged": true}}]}
}

test_ot_escalates_to_critical if {
	r := rule.deny with input as {"systems": [{"id": "signals", "category": "ot", "remote_access": "direct", "auth": {"mfa_privileged": false, "mfa_remote": false}}]}
	r == {
		{
			"resource": signals,
			"field": "auth.mfa_privileged",
			"status": "fail",
			"template": "no_privileged_mfa",
			"args": {"id": "signals"},
			"severity": "critical",
		},
		{
			"resource": signals,
			"field": "auth.mfa_remote",
			"status": "fail",
			"template": "no_remote_mfa",
			"args": {"id": "signals", "remote": "direct"},
			"severity": "critical",
		},
	}
}

test_ot_not_stated_is_critical if {
	r := rule.deny with input as {"systems": [{"id": "signals", "category": "ot"}]}
	{f.severity | some f in r} == {"critical"}
	count(r) == 2
}

test_critical_criticality_escalates if {
	r := rule.deny with input as {"systems": [{"id": "water", "category": "it", "criticality": "critical", "remote_access": "none", "auth": {"mfa_privileged": false}}]}
	[f.severity | some f in r] == ["critical"]
}

# Every result names a resource the rule applies to.
test_every_result_is_applicable if {
	inp := {"systems": [
		{"id": "a"},
		{"id": "b", "category": "ot", "remote_access": "direct", "auth": {"mfa_privileged": false, "mfa_remote": false}},
		{"id": "c", "remote_access": "vpn"},
		{"id": "old", "stage": "retired"},
	]}
	results := rule.deny with input as inp
	applicable := rule.applies with input as inp
	count(results) > 0
	every f in results {
		f.resource in applicable
	}
}
