package citygate.rules.security.tested_backups_test

import data.citygate.rules.security.tested_backups as rule

test_compliant_passes if {
	count(rule.deny) == 0 with input as {"systems": [
		{"id": "signals", "category": "ot", "resilience": {"backup_tested": "2025-04-01", "offline_backup": true}},
		{"id": "portal", "stage": "pilot", "resilience": {"backup_tested": "2025-04-01"}},
		{"id": "bid", "stage": "procurement", "vendor": "acme"},
		{"id": "old", "stage": "retired", "category": "ot"},
	]}
}

test_never_tested_fires if {
	r := rule.deny with input as {"systems": [{"id": "portal"}]}
	r == {{
		"resource": {"kind": "system", "id": "portal"},
		"field": "resilience.backup_tested",
		"message": "system portal states no tested restore from backup (resilience.backup_tested is not set)",
	}}
}

test_old_test_fires if {
	r := rule.deny with input as {"systems": [{"id": "portal", "resilience": {"backup_tested": "2024-06-30"}}]}
	r == {{
		"resource": {"kind": "system", "id": "portal"},
		"field": "resilience.backup_tested",
		"message": "system portal last tested a restore from backup on 2024-06-30, more than 12 months ago",
	}}
}

test_twelve_month_boundary if {
	inp := {"systems": [{"id": "portal", "resilience": {"backup_tested": "2025-01-01"}}]}
	count(rule.deny) == 0 with input as inp with data.citygate.as_of as "2026-01-01"
	count(rule.deny) == 1 with input as inp with data.citygate.as_of as "2026-01-02"
}

test_critical_without_offline_backup_fires if {
	r := rule.deny with input as {"systems": [{"id": "water", "criticality": "critical", "resilience": {"backup_tested": "2025-10-01", "offline_backup": false}}]}
	r == {{
		"resource": {"kind": "system", "id": "water"},
		"field": "resilience.offline_backup",
		"message": "critical system water has no offline or immutable backup (resilience.offline_backup is not true)",
	}}
}

test_critical_bid_needs_offline_backup if {
	count(rule.deny) == 1 with input as {"systems": [{"id": "plc", "category": "ot", "stage": "procurement", "vendor": "acme"}]}
}
