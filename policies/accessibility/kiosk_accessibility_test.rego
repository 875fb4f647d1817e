package citygate.rules.accessibility.kiosk_accessibility_test

import data.citygate.rules.accessibility.kiosk_accessibility as rule

kiosk(clauses) := {"id": "ticket-kiosk", "category": "kiosk", "accessibility": {"en301549_clauses": clauses}}

test_compliant_passes if {
	count(rule.deny) == 0 with input as {"systems": [kiosk(["5.1", "8"])]}
}

test_subclauses_count if {
	count(rule.deny) == 0 with input as {"systems": [kiosk(["5.1.3.1", "5.2", "8.2.1"])]}
}

test_no_evidence_fires if {
	r := rule.deny with input as {"systems": [{"id": "ticket-kiosk", "category": "kiosk"}]}
	r == {{
		"resource": {"kind": "system", "id": "ticket-kiosk"},
		"field": "accessibility.en301549_clauses",
		"message": "kiosk ticket-kiosk has no EN 301 549 evidence for clause 5.1 and 8 (accessibility.en301549_clauses)",
	}}
}

test_missing_clause_8_fires if {
	r := rule.deny with input as {"systems": [kiosk(["5.1", "9", "80"])]}
	r == {{
		"resource": {"kind": "system", "id": "ticket-kiosk"},
		"field": "accessibility.en301549_clauses",
		"message": "kiosk ticket-kiosk has no EN 301 549 evidence for clause 8 (accessibility.en301549_clauses)",
	}}
}

test_missing_clause_5_1_fires if {
	r := rule.deny with input as {"systems": [kiosk(["5.2", "5.10", "8"])]}
	r == {{
		"resource": {"kind": "system", "id": "ticket-kiosk"},
		"field": "accessibility.en301549_clauses",
		"message": "kiosk ticket-kiosk has no EN 301 549 evidence for clause 5.1 (accessibility.en301549_clauses)",
	}}
}

test_non_kiosk_does_not_apply if {
	count(rule.deny) == 0 with input as {"systems": [
		{"id": "portal", "category": "web_service", "public_facing": true},
		{"id": "bare"},
	]}
}

test_retired_does_not_apply if {
	count(rule.deny) == 0 with input as {"systems": [object.union(kiosk([]), {"stage": "retired"})]}
}
