package citygate.rules.sustainability.business_case_test

import data.citygate.rules.sustainability.business_case as rule

lights := {"kind": "system", "id": "lights"}

bc := {"approved_on": "2025-03-01", "whole_life_cost": 1250000, "horizon_years": 10, "url": "https://city.example/bc/lights"}

# sys merges extra into a compliant system (object.union merges nested
# objects, so a business_case in extra overrides single keys of bc).
sys(extra) := object.union({"id": "lights", "vendor": "acme", "go_live": "2025-06-01", "business_case": bc}, extra)

test_compliant_passes if {
	count(rule.deny) == 0 with input as {"systems": [
		sys({}),
		sys({"id": "bid", "stage": "procurement", "procurement": {"award_requested": true}, "business_case": object.union(bc, {"approved_on": "2026-01-01"})}),
		sys({"id": "pilot", "stage": "pilot", "business_case": object.union(bc, {"approved_on": "2025-06-01"})}),
	]}
}

test_approved_after_go_live_fires if {
	r := rule.deny with input as {"systems": [sys({"business_case": object.union(bc, {"approved_on": "2025-06-02"})})]}
	r == {{
		"resource": lights,
		"field": "business_case.approved_on",
		"status": "fail",
		"template": "approved_after_go_live",
		"args": {"id": "lights", "approved": "2025-06-02", "go_live": "2025-06-01"},
	}}
}

test_award_requested_before_approval_fires if {
	# Unit tests run at 2026-01-01.
	r := rule.deny with input as {"systems": [sys({"stage": "procurement", "procurement": {"award_requested": true}, "business_case": object.union(bc, {"approved_on": "2026-01-02"})})]}
	r == {{
		"resource": lights,
		"field": "business_case.approved_on",
		"status": "fail",
		"template": "not_approved_before_award",
		"args": {"id": "lights", "approved": "2026-01-02"},
	}}
}

test_bid_without_award_request_may_await_approval if {
	count(rule.deny) == 0 with input as {"systems": [sys({"stage": "procurement", "business_case": object.union(bc, {"approved_on": "2026-03-01"})})]}
}

test_no_business_case_is_not_stated if {
	r := rule.deny with input as {"systems": [{"id": "lights", "vendor": "acme", "stage": "procurement"}]}
	r == {
		{"resource": lights, "field": "business_case.approved_on", "status": "not_stated"},
		{"resource": lights, "field": "business_case.whole_life_cost", "status": "not_stated"},
		{"resource": lights, "field": "business_case.horizon_years", "status": "not_stated"},
	}
}

test_each_field_absent_is_not_stated if {
	every key in ["approved_on", "whole_life_cost", "horizon_years"] {
		r := rule.deny with input as {"systems": [object.union(object.remove(sys({}), ["business_case"]), {"business_case": object.remove(bc, [key])})]}
		r == {{"resource": lights, "field": sprintf("business_case.%s", [key]), "status": "not_stated"}}
	}
}

test_go_live_absent_in_service_is_not_stated if {
	r := rule.deny with input as {"systems": [object.remove(sys({}), ["go_live"])]}
	r == {{"resource": lights, "field": "go_live", "status": "not_stated"}}
}

test_applies_from_procurement_on if {
	inp := {"systems": [
		sys({}),
		sys({"id": "bid", "stage": "procurement"}),
		sys({"id": "pilot", "stage": "pilot"}),
		sys({"id": "planned", "stage": "proposed"}),
		sys({"id": "old", "stage": "retired"}),
		{"id": "in-house"},
	]}
	rule.applies == {lights, {"kind": "system", "id": "bid"}, {"kind": "system", "id": "pilot"}} with input as inp
	count(rule.deny) == 0 with input as inp
}
