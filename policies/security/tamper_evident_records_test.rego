package citygate.rules.security.tamper_evident_records_test

import data.citygate.rules.security.tamper_evident_records as rule

test_compliant_passes if {
	count(rule.deny) == 0 with input as {"systems": [
		{"id": "votes", "data": {"integrity_critical": true, "audit_trail": "ledger"}},
		{"id": "registry", "data": {"integrity_critical": true, "audit_trail": "append_only"}},
		{"id": "cams", "data": {"integrity_critical": false, "audit_trail": "none"}},
		{"id": "lights"},
		{"id": "old", "stage": "retired", "data": {"integrity_critical": true}},
	]}
}

test_plain_log_fires if {
	r := rule.deny with input as {"systems": [{"id": "signals", "data": {"integrity_critical": true, "audit_trail": "log"}}]}
	r == {{
		"resource": {"kind": "system", "id": "signals"},
		"field": "data.audit_trail",
		"message": "system signals holds integrity-critical records with no append-only or ledger audit trail (data.audit_trail = log)",
	}}
}

test_missing_trail_fires if {
	r := rule.deny with input as {"systems": [{"id": "signals", "data": {"integrity_critical": true}}]}
	[f.message | some f in r] == ["system signals holds integrity-critical records with no append-only or ledger audit trail (data.audit_trail = missing)"]
}
