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
		"message": "system signals has credentials or keys hard-coded in its software (software.hardcoded_secrets = true)",
	}}
}

test_not_stated_fires if {
	r := rule.deny with input as {"systems": [{"id": "lights", "stage": "procurement", "vendor": "acme"}]}
	r == {{
		"resource": {"kind": "system", "id": "lights"},
		"field": "software.hardcoded_secrets",
		"message": "system lights does not state whether its software contains hard-coded secrets (software.hardcoded_secrets is not set)",
	}}
}
