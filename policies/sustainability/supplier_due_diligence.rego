# METADATA
# title: Trusted-supplier due diligence
# description: |
#   Before award, a vendor bid (a system with a vendor at stage procurement)
#   must have a dated vendor risk assessment, come from a supplier that is not
#   on a restricted or sanctioned list, and ship an SBOM in SPDX or
#   CycloneDX. A bid that does not state the assessment date, whether the
#   supplier is restricted, or its SBOM format is not stated. Supply-chain
#   security: area security, whatever the rule id says.
# related_resources:
#   - ref: https://www.cisa.gov/resources-tools/resources/cybersecurity-best-practices-smart-cities
#     description: CISA et al., Cybersecurity Best Practices for Smart Cities (supply chain)
#   - ref: https://doi.org/10.6028/NIST.CSWP.29
#     description: NIST Cybersecurity Framework 2.0 (GV.SC, ID.RA-09/10)
#   - ref: https://www.iso.org/standard/81870.html
#     description: ISO/IEC 5962:2021, SPDX
#   - ref: https://ecma-international.org/publications-and-standards/standards/ecma-424/
#     description: ECMA-424, CycloneDX
#   - ref: https://eur-lex.europa.eu/eli/reg/2024/2847/oj
#     description: Cyber Resilience Act (EU) 2024/2847, Annex I Part II (SBOM), where EU law applies
# custom:
#   id: SUST-002
#   severity: high
#   area: security
#   gsca_principle: safety_security_resiliency
#   sources:
#     - kind: practice
#       title: NIST CSF 2.0
#       clause: GV.SC-04, GV.SC-06, GV.SC-07, ID.RA-09, ID.RA-10
#       url: https://doi.org/10.6028/NIST.CSWP.29
#       version: "2.0 (2024-02-26)"
#     - kind: practice
#       title: CISA Cybersecurity Best Practices for Smart Cities
#       clause: proactive supply chain risk management
#       url: https://www.cisa.gov/resources-tools/resources/cybersecurity-best-practices-smart-cities
#       version: April 2023
#     - kind: standard
#       title: ISO/IEC 5962 (SPDX)
#       url: https://www.iso.org/standard/81870.html
#       version: "2021"
#     - kind: standard
#       title: ECMA-424 (CycloneDX)
#       url: https://ecma-international.org/publications-and-standards/standards/ecma-424/
#       version: 1st edition (2024)
#     - kind: practice
#       title: IoT Security Foundation SBOM guidance
#       url: https://iotsecurityfoundation.org/the-use-of-software-bills-of-materials-for-iot-and-ot-devices/
#     - kind: law
#       title: Cyber Resilience Act
#       clause: Annex I Part II (1)
#       url: https://eur-lex.europa.eu/eli/reg/2024/2847/oj
#       version: (EU) 2024/2847
#   messages:
#     restricted: "bid {id} comes from restricted supplier {vendor} (due_diligence.restricted_supplier = true)"
#     no_sbom: "bid {id} from vendor {vendor} supplies no SPDX or CycloneDX SBOM (evidence.sbom = {sbom})"
#   remediation: >-
#     Assess the vendor and record the date in
#     due_diligence.vendor_risk_assessed; state whether the supplier is on a
#     restricted list and do not award to one
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

applies contains lib.system(s) if some s in bids

deny contains lib.not_stated(lib.system(s), "due_diligence.vendor_risk_assessed") if {
	some s in bids
	not lib.stated(object.get(s, ["due_diligence", "vendor_risk_assessed"], null))
}

deny contains lib.not_stated(lib.system(s), "due_diligence.restricted_supplier") if {
	some s in bids
	not lib.stated(object.get(s, ["due_diligence", "restricted_supplier"], null))
}

deny contains lib.fail(lib.system(s), "due_diligence.restricted_supplier", "restricted", {"id": s.id, "vendor": s.vendor}) if {
	some s in bids
	s.due_diligence.restricted_supplier == true
}

deny contains lib.not_stated(lib.system(s), "evidence.sbom") if {
	some s in bids
	not lib.stated(object.get(s, ["evidence", "sbom"], null))
}

deny contains lib.fail(lib.system(s), "evidence.sbom", "no_sbom", {"id": s.id, "vendor": s.vendor, "sbom": sbom}) if {
	some s in bids
	sbom := s.evidence.sbom
	not sbom in sbom_formats
}
