package citygate.rules.accessibility.kiosk_accessibility_test

import data.citygate.rules.accessibility.kiosk_accessibility as rule

kiosk(clauses) := {"id": "ticket-kiosk", "category": "kiosk", "accessibility": {"en301549_clauses": clauses}}

ticket := {"kind": "system", "id": "ticket-kiosk"}

missing(clauses) := {
	"resource": ticket,
	"field": "accessibility.en301549_clauses",
	"status": "fail",
	"template": "missing_clauses",
	"args": {"id": "ticket-kiosk", "clauses": clauses},
}

test_compliant_passes if {
	inv := {"systems": [kiosk(["5.1", "8"])]}
	count(rule.deny) == 0 with input as inv
	rule.applies == {ticket} with input as inv
}

test_subclauses_count if {
	count(rule.deny) == 0 with input as {"systems": [kiosk(["5.1.3.1", "5.2", "8.2.1"])]}
}

test_clauses_not_stated if {
	r := rule.deny with input as {"systems": [{"id": "ticket-kiosk", "category": "kiosk"}]}
	r == {{"resource": ticket, "field": "accessibility.en301549_clauses", "status": "not_stated"}}
}

test_accessibility_block_without_clauses_not_stated if {
	r := rule.deny with input as {"systems": [{"id": "ticket-kiosk", "category": "kiosk", "accessibility": {"level": "AA"}}]}
	r == {{"resource": ticket, "field": "accessibility.en301549_clauses", "status": "not_stated"}}
}

test_empty_list_fails_both if {
	r := rule.deny with input as {"systems": [kiosk([])]}
	r == {missing("5.1 and 8")}
}

test_missing_clause_8_fires if {
	r := rule.deny with input as {"systems": [kiosk(["5.1", "9", "80"])]}
	r == {missing("8")}
}

test_missing_clause_5_1_fires if {
	r := rule.deny with input as {"systems": [kiosk(["5.2", "5.10", "8"])]}
	r == {missing("5.1")}
}

test_non_kiosk_does_not_apply if {
	inv := {"systems": [
		{"id": "portal", "category": "web_service", "public_facing": true},
		{"id": "bare"},
	]}
	count(rule.applies) == 0 with input as inv
	count(rule.deny) == 0 with input as inv
}

test_retired_does_not_apply if {
	inv := {"systems": [object.union(kiosk([]), {"stage": "retired"})]}
	count(rule.applies) == 0 with input as inv
	count(rule.deny) == 0 with input as inv
}
