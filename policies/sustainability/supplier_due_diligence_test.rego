package citygate.rules.sustainability.supplier_due_diligence_test

import data.citygate.rules.sustainability.supplier_due_diligence as rule

bid := {
	"id": "lights",
	"vendor": "acme",
	"stage": "procurement",
	"evidence": {"sbom": "spdx"},
	"due_diligence": {"vendor_risk_assessed": "2025-02-15", "restricted_supplier": false},
}

lights := {"kind": "system", "id": "lights"}

test_no_risk_assessment_is_not_stated if {
	r := rule.deny with input as {"systems": [object.union(object.remove(bid, ["due_diligence"]), {"due_diligence": {"restricted_supplier": false}})]}
	r == {{"resource": lights, "field": "due_diligence.vendor_risk_assessed", "status": "not_stated"}}
}

test_restricted_supplier_fires if {
	r := rule.deny with input as {"systems": [object.union(bid, {"due_diligence": {"vendor_risk_assessed": "2025-02-15", "restricted_supplier": true}})]}
	r == {{
		"resource": lights,
		"field": "due_diligence.restricted_supplier",
		"status": "fail",
		"template": "restricted",
		"args": {"id": "lights", "vendor": "acme"},
	}}
}

test_restricted_supplier_absent_is_not_stated if {
	r := rule.deny with input as {"systems": [object.union(object.remove(bid, ["due_diligence"]), {"due_diligence": {"vendor_risk_assessed": "2025-02-15"}})]}
	r == {{"resource": lights, "field": "due_diligence.restricted_supplier", "status": "not_stated"}}
}

test_other_sbom_fires if {
	r := rule.deny with input as {"systems": [object.union(bid, {"evidence": {"sbom": "other"}})]}
	r == {{
		"resource": lights,
		"field": "evidence.sbom",
		"status": "fail",
		"template": "no_sbom",
		"args": {"id": "lights", "vendor": "acme", "sbom": "other"},
	}}
}

test_sbom_absent_is_not_stated if {
	r := rule.deny with input as {"systems": [object.union(object.remove(bid, ["evidence"]), {"evidence": {"pentest_date": "2025-03-01"}})]}
	r == {{"resource": lights, "field": "evidence.sbom", "status": "not_stated"}}
}

test_bare_bid_is_not_stated_three_times if {
	r := rule.deny with input as {"systems": [{"id": "lights", "vendor": "acme", "stage": "procurement"}]}
	r == {
		{"resource": lights, "field": "due_diligence.vendor_risk_assessed", "status": "not_stated"},
		{"resource": lights, "field": "due_diligence.restricted_supplier", "status": "not_stated"},
		{"resource": lights, "field": "evidence.sbom", "status": "not_stated"},
	}
}

test_compliant_passes if {
	count(rule.deny) == 0 with input as {"systems": [bid, object.union(bid, {"id": "b", "evidence": {"sbom": "cyclonedx"}})]}
}

test_applies_to_bids_only if {
	inp := {"systems": [
		bid,
		{"id": "in-house", "stage": "procurement"},
		{"id": "running", "vendor": "acme"},
		{"id": "pilot", "vendor": "acme", "stage": "pilot"},
	]}
	rule.applies == {lights} with input as inp
	count(rule.deny) == 0 with input as inp
}
