package citygate.rules.security.support_period_test

import data.citygate.rules.security.support_period as rule

sys(software) := {"systems": [{"id": "signals", "planned_retirement": "2032-12-31", "software": software}]}

signals := {"kind": "system", "id": "signals"}

bid := {"kind": "system", "id": "bid"}

test_applies_to_active_systems if {
	r := rule.applies with input as {"systems": [
		{"id": "signals"},
		{"id": "old", "stage": "retired", "software": {"support_end": "2020-01-01"}},
	]}
	r == {signals}
}

test_compliant_passes if {
	count(rule.deny) == 0 with input as sys({"support_end": "2033-01-01"})
	count(rule.deny) == 0 with input as {"systems": [
		{"id": "app", "planned_retirement": "2029-12-31", "software": {"support_end": "2030-01-01"}},
		{"id": "bid", "stage": "procurement", "vendor": "acme", "planned_retirement": "2029-06-30", "evidence": {"support_end": "2029-06-30"}},
	]}
}

test_support_end_equal_to_retirement_passes if {
	count(rule.deny) == 0 with input as sys({"support_end": "2032-12-31"})
}

test_retired_not_applicable if {
	count(rule.deny) == 0 with input as {"systems": [{"id": "old", "stage": "retired", "software": {"support_end": "2020-01-01"}}]}
}

test_missing_not_stated if {
	r := rule.deny with input as sys({"signed_updates": true})
	r == {{"resource": signals, "field": "software.support_end", "status": "not_stated"}}
}

test_null_not_stated if {
	r := rule.deny with input as sys({"support_end": null})
	r == {{"resource": signals, "field": "software.support_end", "status": "not_stated"}}
}

test_bid_missing_not_stated_on_evidence if {
	r := rule.deny with input as {"systems": [{"id": "bid", "stage": "procurement", "vendor": "acme", "planned_retirement": "2032-12-31"}]}
	r == {{"resource": bid, "field": "evidence.support_end", "status": "not_stated"}}
}

test_non_bid_ignores_evidence if {
	r := rule.deny with input as {"systems": [{"id": "cam", "planned_retirement": "2032-12-31", "evidence": {"support_end": "2033-01-01"}}]}
	r == {{"resource": {"kind": "system", "id": "cam"}, "field": "software.support_end", "status": "not_stated"}}
}

# The guard that sends a bid to its evidence only when software.support_end
# is not stated (issue 19): a bid that states software.support_end is decided
# on it, and the expired date in its evidence does not fire.
test_bid_with_software_support_end_ignores_evidence if {
	inp := {"systems": [{
		"id": "bid", "stage": "procurement", "vendor": "acme", "planned_retirement": "2030-01-01",
		"software": {"support_end": "2031-01-01"},
		"evidence": {"support_end": "2024-01-01"},
	}]}
	count(rule.deny) == 0 with input as inp
}

test_bid_with_expired_software_support_end_fails_on_software if {
	r := rule.deny with input as {"systems": [{
		"id": "bid", "stage": "procurement", "vendor": "acme",
		"software": {"support_end": "2024-01-01"},
		"evidence": {"support_end": "2031-01-01"},
	}]}
	[f.field | some f in r] == ["software.support_end"]
}

test_before_retirement_fails_high if {
	r := rule.deny with input as sys({"support_end": "2030-06-30"})
	r == {{
		"resource": signals,
		"field": "software.support_end",
		"status": "fail",
		"template": "before_retirement",
		"args": {"id": "signals", "end": "2030-06-30", "retirement": "2032-12-31", "field": "software.support_end"},
	}}
}

test_planned_retirement_not_stated if {
	r := rule.deny with input as {"systems": [{"id": "app", "software": {"support_end": "2030-01-01"}}]}
	r == {{"resource": {"kind": "system", "id": "app"}, "field": "planned_retirement", "status": "not_stated"}}
}

test_null_planned_retirement_not_stated if {
	r := rule.deny with input as {"systems": [{"id": "app", "planned_retirement": null, "software": {"support_end": "2030-01-01"}}]}
	r == {{"resource": {"kind": "system", "id": "app"}, "field": "planned_retirement", "status": "not_stated"}}
}

test_expired_fails_critical if {
	r := rule.deny with input as sys({"support_end": "2025-12-31"})
	r == {{
		"resource": signals,
		"field": "software.support_end",
		"status": "fail",
		"template": "expired",
		"args": {"id": "signals", "end": "2025-12-31", "field": "software.support_end"},
		"severity": "critical",
	}}
}

test_expired_needs_no_planned_retirement if {
	r := rule.deny with input as {"systems": [{"id": "app", "software": {"support_end": "2025-12-31"}}]}
	[f.template | some f in r] == ["expired"]
}

test_bid_expired_evidence_fails_critical if {
	r := rule.deny with input as {"systems": [{"id": "bid", "stage": "procurement", "vendor": "acme", "evidence": {"support_end": "2024-01-01"}}]}
	r == {{
		"resource": bid,
		"field": "evidence.support_end",
		"status": "fail",
		"template": "expired",
		"args": {"id": "bid", "end": "2024-01-01", "field": "evidence.support_end"},
		"severity": "critical",
	}}
}

test_support_ending_on_as_of_is_not_past if {
	inp := {"systems": [{"id": "app", "planned_retirement": "2026-01-01", "software": {"support_end": "2026-01-01"}}]}
	count(rule.deny) == 0 with input as inp with data.citygate.as_of as "2026-01-01"
	count(rule.deny) == 1 with input as inp with data.citygate.as_of as "2026-01-02"
}

# Every result names a resource the rule applies to.
test_every_result_is_applicable if {
	inp := {"systems": [
		{"id": "a"},
		{"id": "b", "stage": "procurement", "vendor": "acme"},
		{"id": "c", "software": {"support_end": "2020-01-01"}},
		{"id": "d", "software": {"support_end": "2030-01-01"}},
		{"id": "e", "planned_retirement": "2035-01-01", "software": {"support_end": "2030-01-01"}},
		{"id": "old", "stage": "retired"},
	]}
	results := rule.deny with input as inp
	applicable := rule.applies with input as inp
	count(results) > 0
	every f in results {
		f.resource in applicable
	}
}
