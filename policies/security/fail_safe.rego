# METADATA
# title: Fail-safe operation
# description: |
#   OT systems rated high or critical must keep working safely when the
#   network or central system is lost, for example traffic signals falling
#   back to fixed-time or flashing operation, so a cyber incident does not
#   become a physical one.
# related_resources:
#   - ref: https://www.cisa.gov/resources-tools/resources/cybersecurity-best-practices-smart-cities
#     description: CISA, Cybersecurity Best Practices for Smart Cities
#   - ref: https://www.etsi.org/deliver/etsi_en/303600_303699/303645/
#     description: ETSI EN 303 645, provisions 5.9-1 and 5.9-2
# custom:
#   id: SEC-018
#   severity: high
#   principle: security
#   controls:
#     - CISA Smart Cities best practices
#     - ETSI EN 303 645 5.9-1
#     - ETSI EN 303 645 5.9-2
#     - ENISA GP-TM-17
#     - Cracow panel (European Congress of Local Governments)
#   remediation: >-
#     Provide a manual or local fallback mode and describe it in
#     resilience.manual_fallback (e.g. "fixed-time/flash").
#   fields:
#     - criticality
#     - resilience.manual_fallback
package citygate.rules.security.fail_safe

import data.citygate.lib

deny contains lib.finding(lib.system(s), "resilience.manual_fallback", msg) if {
	some s in lib.active_systems
	s.category == "ot"
	s.criticality in {"high", "critical"}
	fallback := object.get(s, ["resilience", "manual_fallback"], "none")
	fallback == "none"
	msg := sprintf("OT system %s of %s criticality has no manual or local fallback if the network is lost (resilience.manual_fallback is not set or none)", [s.id, s.criticality])
}
