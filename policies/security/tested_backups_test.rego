package citygate.rules.security.tested_backups_test

import data.citygate.rules.security.tested_backups as rule

portal := {"kind": "system", "id": "portal"}

water := {"kind": "system", "id": "water"}

test_compliant_passes if {
	count(rule.deny) == 0 with input as {"systems": [
		{"id": "signals", "category": "ot", "resilience": {"backup_tested": "2025-04-01", "offline_backup": true}},
		{"id": "portal", "stage": "pilot", "criticality": "medium", "resilience": {"backup_tested": "2025-04-01"}},
		{"id": "bid", "stage": "procurement", "vendor": "acme", "criticality": "low"},
		{"id": "old", "stage": "retired", "category": "ot"},
	]}
}

test_never_tested_is_not_stated if {
	r := rule.deny with input as {"systems": [{"id": "portal", "criticality": "low"}]}
	r == {{"resource": portal, "field": "resilience.backup_tested", "status": "not_stated"}}
}

test_old_test_fires if {
	r := rule.deny with input as {"systems": [{"id": "portal", "criticality": "low", "resilience": {"backup_tested": "2024-06-30"}}]}
	r == {{
		"resource": portal,
		"field": "resilience.backup_tested",
		"status": "fail",
		"template": "old_test",
		"args": {"id": "portal", "tested": "2024-06-30", "months": 12},
	}}
}

test_twelve_month_boundary if {
	inp := {"systems": [{"id": "portal", "criticality": "low", "resilience": {"backup_tested": "2025-01-01"}}]}
	count(rule.deny) == 0 with input as inp with data.citygate.as_of as "2026-01-01"
	count(rule.deny) == 1 with input as inp with data.citygate.as_of as "2026-01-02"
}

test_critical_without_offline_backup_fires if {
	r := rule.deny with input as {"systems": [{"id": "water", "criticality": "critical", "resilience": {"backup_tested": "2025-10-01", "offline_backup": false}}]}
	r == {{
		"resource": water,
		"field": "resilience.offline_backup",
		"status": "fail",
		"template": "no_offline",
		"args": {"id": "water"},
	}}
}

test_critical_offline_backup_absent_is_not_stated if {
	r := rule.deny with input as {"systems": [{"id": "water", "criticality": "critical", "resilience": {"backup_tested": "2025-10-01"}}]}
	r == {{"resource": water, "field": "resilience.offline_backup", "status": "not_stated"}}
}

test_critical_bid_needs_offline_backup if {
	r := rule.deny with input as {"systems": [{"id": "plc", "category": "ot", "stage": "procurement", "vendor": "acme"}]}
	r == {{"resource": {"kind": "system", "id": "plc"}, "field": "resilience.offline_backup", "status": "not_stated"}}
}

test_criticality_absent_is_not_stated if {
	r := rule.deny with input as {"systems": [{"id": "portal", "resilience": {"backup_tested": "2025-10-01", "offline_backup": false}}]}
	r == {{"resource": portal, "field": "criticality", "status": "not_stated"}}

	# a bid that may be critical must say so too
	r2 := rule.deny with input as {"systems": [{"id": "bid", "stage": "procurement", "vendor": "acme"}]}
	r2 == {{"resource": {"kind": "system", "id": "bid"}, "field": "criticality", "status": "not_stated"}}
}

test_offline_backup_makes_criticality_moot if {
	count(rule.deny) == 0 with input as {"systems": [{"id": "portal", "resilience": {"backup_tested": "2025-10-01", "offline_backup": true}}]}
}

test_applies if {
	inp := {"systems": [
		{"id": "portal", "stage": "pilot", "criticality": "low", "resilience": {"backup_tested": "2025-10-01"}},
		{"id": "plc", "category": "ot", "stage": "procurement", "resilience": {"offline_backup": true}},
		{"id": "bid", "stage": "procurement", "resilience": {"offline_backup": true}},
		{"id": "plan", "stage": "proposed", "criticality": "high"},
		{"id": "old", "stage": "retired", "category": "ot"},
	]}
	rule.applies == {portal, {"kind": "system", "id": "plc"}, {"kind": "system", "id": "bid"}} with input as inp
	count(rule.deny) == 0 with input as inp
}
