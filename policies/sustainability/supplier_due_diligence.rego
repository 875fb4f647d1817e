# METADATA
# title: Trusted-supplier due diligence
# description: |
#   Before award, a vendor bid (a system with a vendor at stage procurement)
#   must have a dated vendor risk assessment, come from a supplier that is not
#   on a restricted or sanctioned list, and ship an SBOM in SPDX or CycloneDX.
# related_resources:
#   - ref: https://www.cisa.gov/resources-tools/resources/cybersecurity-best-practices-smart-cities
#     description: CISA et al., Cybersecurity Best Practices for Smart Cities (supply chain)
#   - ref: https://www.nist.gov/cyberframework
#     description: NIST Cybersecurity Framework 2.0 (GV.SC)
# custom:
#   id: SUST-002
#   severity: high
#   principle: sustainability
#   controls:
#     - CISA-SC
#     - CSF GV.SC-04
#     - CSF GV.SC-06
#     - CSF GV.SC-07
#     - CSF ID.RA-09
#     - CSF ID.RA-10
#     - IoTSF
#     - CRA Annex I Pt II
#   remediation: >-
#     Assess the vendor and record the date in
#     due_diligence.vendor_risk_assessed; do not award to a restricted supplier
#     (due_diligence.restricted_supplier = true); require an SBOM and set
#     evidence.sbom to spdx or cyclonedx.
#   fields:
#     - vendor
#     - stage
#     - due_diligence.vendor_risk_assessed
#     - due_diligence.restricted_supplier
#     - evidence.sbom
package citygate.rules.sustainability.supplier_due_diligence

import data.citygate.lib

sbom_formats := {"spdx", "cyclonedx"}

bids := [s | some s in input.systems; s.vendor; lib.bid(s)]

deny contains lib.finding(lib.system(s), "due_diligence.vendor_risk_assessed", msg) if {
	some s in bids
	not s.due_diligence.vendor_risk_assessed
	msg := sprintf("bid %s from vendor %s has no vendor risk assessment (due_diligence.vendor_risk_assessed)", [s.id, s.vendor])
}

deny contains lib.finding(lib.system(s), "due_diligence.restricted_supplier", msg) if {
	some s in bids
	s.due_diligence.restricted_supplier == true
	msg := sprintf("bid %s comes from restricted supplier %s (due_diligence.restricted_supplier = true)", [s.id, s.vendor])
}

deny contains lib.finding(lib.system(s), "evidence.sbom", msg) if {
	some s in bids
	sbom := object.get(s, ["evidence", "sbom"], "unset")
	not sbom in sbom_formats
	msg := sprintf("bid %s from vendor %s supplies no SPDX or CycloneDX SBOM (evidence.sbom = %s)", [s.id, s.vendor, sbom])
}
