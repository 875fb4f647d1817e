package citygate.rules.security.tamper_evident_records_test

import data.citygate.rules.security.tamper_evident_records as rule

signals := {"kind": "system", "id": "signals"}

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
		"resource": signals,
		"field": "data.audit_trail",
		"status": "fail",
		"template": "not_tamper_evident",
		"args": {"id": "signals", "trail": "log"},
	}}
}

test_missing_trail_is_not_stated if {
	r := rule.deny with input as {"systems": [{"id": "signals", "data": {"integrity_critical": true}}]}
	r == {{"resource": signals, "field": "data.audit_trail", "status": "not_stated"}}
}

test_integrity_critical_absent_is_not_stated if {
	r := rule.deny with input as {"systems": [{"id": "signals", "category": "ot"}]}
	r == {{"resource": signals, "field": "data.integrity_critical", "status": "not_stated"}}

	# a camera must describe its data; a data block must say it too
	r2 := rule.deny with input as {"systems": [{"id": "cam", "sensing": ["camera"]}]}
	r2 == {{"resource": {"kind": "system", "id": "cam"}, "field": "data.integrity_critical", "status": "not_stated"}}
	r3 := rule.deny with input as {"systems": [{"id": "signals", "category": "it", "data": {"personal": false}}]}
	r3 == {{"resource": signals, "field": "data.integrity_critical", "status": "not_stated"}}
}

test_applies if {
	inp := {"systems": [
		{"id": "signals", "category": "ot", "data": {"integrity_critical": false}},
		{"id": "lake", "category": "data_platform", "data": {"integrity_critical": false}},
		{"id": "portal", "category": "web_service", "data": {"integrity_critical": false}},
		{"id": "switches", "category": "network"},
		{"id": "erp", "category": "it"},
		{"id": "old", "category": "ot", "stage": "retired"},
	]}
	rule.applies == {signals, {"kind": "system", "id": "lake"}, {"kind": "system", "id": "portal"}} with input as inp
	count(rule.deny) == 0 with input as inp
}
