package citygate.rules.privacy.sharing_agreements_test

import data.citygate.rules.privacy.sharing_agreements as rule

no_agreement(party) := {
	"resource": {"kind": "system", "id": "cctv"},
	"field": "data.shared_with",
	"status": "fail",
	"template": "no_agreement",
	"args": {"id": "cctv", "party": party},
}

no_dpa := {
	"resource": {"kind": "system", "id": "parking-app"},
	"field": "contract.processing_agreement",
	"status": "fail",
	"template": "no_processing_agreement",
	"args": {"id": "parking-app", "vendor": "acme"},
}

test_entry_without_agreement_fires if {
	s := {"id": "cctv", "data": {"shared_with": [
		{"party": "municipal-police", "agreement": "DSA-2025-07"},
		{"party": "insurer"},
	]}}
	r := rule.deny with input as {"systems": [s]}
	r == {no_agreement("insurer")}
}

test_unnamed_party_fires if {
	r := rule.deny with input as {"systems": [{"id": "cctv", "data": {"shared_with": [{}, {"party": null}]}}]}
	r == {no_agreement("an unnamed party")}
}

test_legal_basis_passes if {
	s := {"id": "cctv", "data": {"shared_with": [{"party": "court", "legal_basis": "Art 6(1)(c) legal obligation"}]}}
	count(rule.deny) == 0 with input as {"systems": [s]}
}

test_processor_vendor_without_dpa_fires if {
	s := {"id": "parking-app", "vendor": "acme", "data": {"personal": true}, "contract": {"right_to_audit": true}}
	r := rule.deny with input as {"systems": [s]}
	r == {no_dpa}
}

test_processor_vendor_without_contract_fires if {
	r := rule.deny with input as {"systems": [{"id": "parking-app", "vendor": "acme", "data": {"personal": true}}]}
	r == {no_dpa}
}

test_processor_vendor_with_dpa_passes if {
	s := {"id": "parking-app", "vendor": "acme", "data": {"personal": true}, "contract": {"processing_agreement": "DPA-2025-03"}}
	count(rule.deny) == 0 with input as {"systems": [s]}
}

test_vendor_personal_not_stated if {
	r := rule.deny with input as {"systems": [{"id": "parking-app", "vendor": "acme", "category": "mobile_app"}]}
	r == {{"resource": {"kind": "system", "id": "parking-app"}, "field": "data.personal", "status": "not_stated"}}
}

test_applies if {
	a := rule.applies with input as {"systems": [
		{"id": "cctv", "data": {"shared_with": [{"party": "court", "legal_basis": "Art 6(1)(c)"}]}},
		{"id": "parking-app", "vendor": "acme", "category": "mobile_app"},
		{"id": "lighting", "vendor": "acme", "data": {"personal": false}},
		{"id": "sensors", "vendor": "acme"},
		{"id": "portal", "data": {"personal": true, "shared_with": []}},
		{"id": "old", "stage": "retired", "vendor": "acme", "data": {"personal": true}},
	]}
	a == {{"kind": "system", "id": "cctv"}, {"kind": "system", "id": "parking-app"}}
}

test_vendor_without_personal_data_does_not_apply if {
	count(rule.deny) == 0 with input as {"systems": [
		{"id": "lighting", "vendor": "acme", "data": {"personal": false}},
		{"id": "sensors", "vendor": "acme"},
	]}
}

test_in_house_personal_data_does_not_apply if {
	count(rule.deny) == 0 with input as {"systems": [{"id": "portal", "data": {"personal": true}}]}
}

test_retired_does_not_apply if {
	count(rule.deny) == 0 with input as {"systems": [{
		"id": "old", "stage": "retired", "vendor": "acme",
		"data": {"personal": true, "shared_with": [{"party": "insurer"}]},
	}]}
}
