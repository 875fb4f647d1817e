# METADATA
# title: Fail-safe operation
# description: |
#   OT systems rated high or critical must keep working safely when the
#   network or central system is lost, for example traffic signals falling
#   back to fixed-time or flashing operation, so a cyber incident does not
#   become a physical one. Applies to every active OT system: one that does
#   not state its criticality, or (rated high or critical) its
#   resilience.manual_fallback, is not stated. ETSI EN 303 645 is a
#   consumer-IoT standard whose resilience provisions are applied here by
#   analogy; IEC 62443's deterministic output and degraded-mode operation
#   are the industrial requirements.
# related_resources:
#   - ref: https://www.isa.org/standards-and-publications/isa-standards/isa-iec-62443-series-of-standards
#     description: ISA/IEC 62443-3-3 SR 3.6 (deterministic output) and SR 7.1 (denial of service protection); 62443-4-2 CR 3.6
#   - ref: https://www.cisa.gov/resources-tools/resources/cybersecurity-best-practices-smart-cities
#     description: CISA et al., Cybersecurity Best Practices for Smart Cities (operational resilience)
#   - ref: https://www.etsi.org/deliver/etsi_en/303600_303699/303645/02.01.01_60/en_303645v020101p.pdf
#     description: ETSI EN 303 645 V2.1.1, provisions 5.9-1 and 5.9-2 (consumer IoT, applied by analogy)
# custom:
#   id: SEC-018
#   severity: high
#   area: security
#   gsca_principle: safety_security_resiliency
#   sources:
#     - kind: standard
#       title: IEC 62443-3-3
#       clause: SR 3.6 (deterministic output), SR 7.1 (operation in a degraded mode)
#       url: https://www.isa.org/standards-and-publications/isa-standards/isa-iec-62443-series-of-standards
#       version: "2013"
#     - kind: standard
#       title: IEC 62443-4-2
#       clause: CR 3.6 (deterministic output)
#       url: https://www.isa.org/standards-and-publications/isa-standards/isa-iec-62443-series-of-standards
#       version: "2019"
#     - kind: practice
#       title: CISA Cybersecurity Best Practices for Smart Cities
#       clause: operational resilience
#       url: https://www.cisa.gov/resources-tools/resources/cybersecurity-best-practices-smart-cities
#       version: April 2023
#     - kind: practice
#       title: NIST CSF 2.0
#       clause: PR.IR-03
#       url: https://doi.org/10.6028/NIST.CSWP.29
#       version: "2.0 (2024-02-26)"
#     - kind: standard
#       title: ETSI EN 303 645 (consumer IoT, applied by analogy)
#       clause: 5.9-1, 5.9-2
#       url: https://www.etsi.org/deliver/etsi_en/303600_303699/303645/02.01.01_60/en_303645v020101p.pdf
#       version: V2.1.1 (2020-06)
#     - kind: practice
#       title: ENISA Baseline Security Recommendations for IoT
#       clause: GP-TM-17
#       url: https://www.enisa.europa.eu/publications/baseline-security-recommendations-for-iot
#       version: November 2017
#   messages:
#     no_fallback: "OT system {id} of {criticality} criticality has no manual or local fallback if the network is lost (resilience.manual_fallback is not set or none)"
#   remediation: >-
#     State the system's criticality; for a high or critical OT system
#     provide a manual or local fallback mode and describe it in
#     resilience.manual_fallback (e.g. "fixed-time/flash").
#   fields:
#     - category
#     - criticality
#     - resilience.manual_fallback
package citygate.rules.security.fail_safe

import data.citygate.lib

ot_systems := [s | some s in lib.active_systems; s.category == "ot"]

# fallback(s) is the stated fallback mode, or null.
fallback(s) := object.get(s, ["resilience", "manual_fallback"], null)

applies contains lib.system(s) if some s in ot_systems

# A stated fallback mode passes whatever the criticality, so only a system
# without one needs to say how critical it is.
deny contains lib.not_stated(lib.system(s), "criticality") if {
	some s in ot_systems
	not lib.stated(object.get(s, "criticality", null))
	fallback(s) in {null, "none"}
}

deny contains lib.not_stated(lib.system(s), "resilience.manual_fallback") if {
	some s in ot_systems
	s.criticality in {"high", "critical"}
	fallback(s) == null
}

deny contains lib.fail(lib.system(s), "resilience.manual_fallback", "no_fallback", {"id": s.id, "criticality": s.criticality}) if {
	some s in ot_systems
	s.criticality in {"high", "critical"}
	fallback(s) == "none"
}
