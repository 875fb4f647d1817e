package citygate.rules.sustainability.supplier_due_diligence_test

import data.citygate.rules.sustainability.supplier_due_diligence as rule

bid := {
	"id": "lights",
	"vendor": "acme",
	"stage": "procurement",
	"evidence": {"sbom": "spdx"},
	"due_diligence": {"vendor_risk_assessed": "2025-02-15", "restricted_supplier": false},
}

test_no_risk_assessment_fires if {
	r := rule.deny with input as {"systems": [object.union(object.remove(bid, ["due_diligence"]), {"due_diligence": {"restricted_supplier": false}})]}
	r == {{
		"resource": {"kind": "system", "id": "lights"},
		"field": "due_diligence.vendor_risk_assessed",
		"message": "bid lights from vendor acme has no vendor risk assessment (due_diligence.vendor_risk_assessed)",
	}}
}

test_restricted_supplier_fires_high if {
	r := rule.deny with input as {"systems": [object.union(bid, {"due_diligence": {"vendor_risk_assessed": "2025-02-15", "restricted_supplier": true}})]}
	r == {{
		"resource": {"kind": "system", "id": "lights"},
		"field": "due_diligence.restricted_supplier",
		"message": "bid lights comes from restricted supplier acme (due_diligence.restricted_supplier = true)",
	}}
}

test_other_sbom_fires if {
	r := rule.deny with input as {"systems": [object.union(bid, {"evidence": {"sbom": "other"}})]}
	r == {{
		"resource": {"kind": "system", "id": "lights"},
		"field": "evidence.sbom",
		"message": "bid lights from vendor acme supplies no SPDX or CycloneDX SBOM (evidence.sbom = other)",
	}}
}

test_bare_bid_fires if {
	r := rule.deny with input as {"systems": [{"id": "lights", "vendor": "acme", "stage": "procurement"}]}
	{f.field | some f in r} == {"due_diligence.vendor_risk_assessed", "evidence.sbom"}
}

test_compliant_passes if {
	count(rule.deny) == 0 with input as {"systems": [bid, object.union(bid, {"id": "b", "evidence": {"sbom": "cyclonedx"}})]}
}

test_not_a_bid_passes if {
	count(rule.deny) == 0 with input as {"systems": [
		{"id": "in-house", "stage": "procurement"},
		{"id": "running", "vendor": "acme"},
		{"id": "pilot", "vendor": "acme", "stage": "pilot"},
	]}
}
