package citygate.rules.security.hardcoded_secrets_test

import data.citygate.rules.security.hardcoded_secrets as rule

test_compliant_passes if {
	count(rule.deny) == 0 with input as {"systems": [
		{"id": "signals", "software": {"hardcoded_secrets": false}},
		{"id": "old", "stage": "retired", "software": {"hardcoded_secrets": true}},
	]}
}

test_hardcoded_fires if {
	r := rule.deny with input as {"systems": [{"id": "signals", "software": {"hardcoded_secrets": true}}]}
	r == {{
		"resource": {"kind": "system", "id": "signals"},
		"field": "software.hardcoded_secrets",
		"status": "fail",
		"template": "hardcoded",
		"args": {"id": "signals"},
	}}
}

test_absent_is_not_stated if {
	r := rule.deny with input as {"systems": [{"id": "lights", "stage": "procurement", "vendor": "acme"}]}
	r == {{"resource": {"kind": "system", "id": "lights"}, "field": "software.hardcoded_secrets", "status": "not_stated"}}
	r2 := rule.deny with input as {"systems": [{"id": "lights", "software": {"signed_updates": true}}]}
	r2 == r
}

test_applies_to_active_systems if {
	inp := {"systems": [
		{"id": "signals", "software": {"hardcoded_secrets": false}},
		{"id": "bid", "stage": "procurement", "vendor": "acme", "software": {"hardcoded_secrets": false}},
		{"id": "old", "stage": "retired"},
	]}
	rule.applies == {{"kind": "system", "id": "signals"}, {"kind": "system", "id": "bid"}} with input as inp
}
