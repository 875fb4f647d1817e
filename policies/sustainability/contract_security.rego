# METADATA
# title: Contract security clauses
# description: |
#   The contract for a vendor system must carry security requirements, a right
#   to audit, and an incident notification deadline no longer than the
#   incident_notice_max_hours parameter (24 h, so that a city under NIS2 can
#   meet its own 24-hour early warning). Applies to systems with a vendor
#   that are not retired; a contract that does not state a clause is not
#   stated, and so is the vendor of a system under contract that names none
#   (it would escape every vendor rule). Supply-chain security: area security, whatever the rule id says.
# related_resources:
#   - ref: https://doi.org/10.6028/NIST.CSWP.29
#     description: NIST Cybersecurity Framework 2.0, GV.SC-05
#   - ref: https://www.iso.org/standard/27001
#     description: ISO/IEC 27001:2022 Annex A 5.20 (information security within supplier agreements)
#   - ref: https://www.cisa.gov/resources-tools/resources/cybersecurity-best-practices-smart-cities
#     description: CISA et al., Cybersecurity Best Practices for Smart Cities (supply chain)
#   - ref: https://eur-lex.europa.eu/eli/dir/2022/2555/oj
#     description: NIS2 Directive (EU) 2022/2555, Art 21(2)(d) and 23(4)(a), where EU law applies
# custom:
#   id: SUST-003
#   severity: high
#   area: security
#   gsca_principle: safety_security_resiliency
#   sources:
#     - kind: standard
#       title: ISO/IEC 27001
#       clause: Annex A 5.20
#       url: https://www.iso.org/standard/27001
#       version: "2022"
#     - kind: practice
#       title: NIST CSF 2.0
#       clause: GV.SC-05
#       url: https://doi.org/10.6028/NIST.CSWP.29
#       version: "2.0 (2024-02-26)"
#     - kind: practice
#       title: CISA Cybersecurity Best Practices for Smart Cities
#       clause: proactive supply chain risk management
#       url: https://www.cisa.gov/resources-tools/resources/cybersecurity-best-practices-smart-cities
#       version: April 2023
#     - kind: law
#       title: NIS2
#       clause: Art 21(2)(d), 23(4)(a)
#       url: https://eur-lex.europa.eu/eli/dir/2022/2555/oj
#       version: (EU) 2022/2555
#   messages:
#     no_security_requirements: "system {id} from vendor {vendor} has no contractual security requirements (contract.security_requirements = false)"
#     no_right_to_audit: "system {id} from vendor {vendor} gives the city no right to audit (contract.right_to_audit = false)"
#     long_notice: "system {id} from vendor {vendor} must notify incidents within {hours} h, longer than the {limit} h limit"
#   remediation: >-
#     In the contract block set security_requirements = true and
#     right_to_audit = true, and set incident_notice_hours to
#     {params.incident_notice_max_hours} or less.
#   fields:
#     - vendor
#     - contract.security_requirements
#     - contract.right_to_audit
#     - contract.incident_notice_hours
package citygate.rules.sustainability.contract_security

import data.citygate.lib

# clauses maps each boolean clause to the template of its failure.
clauses := {
	"security_requirements": "no_security_requirements",
	"right_to_audit": "no_right_to_audit",
}

applies contains lib.system(s) if some s in lib.vendor_systems

# unnamed: systems under a contract that do not name the vendor, which
# would take them out of every vendor rule.
unnamed := [s |
	some s in lib.active_systems
	lib.stated(object.get(s, "contract", null))
	lib.unstated(s, "vendor")
]

applies contains lib.system(s) if some s in unnamed

deny contains lib.not_stated(lib.system(s), "vendor") if some s in unnamed

deny contains lib.not_stated(lib.system(s), concat(".", ["contract", clause])) if {
	some s in lib.vendor_systems
	some clause, _ in clauses
	not lib.stated(object.get(s, ["contract", clause], null))
}

deny contains lib.fail(lib.system(s), concat(".", ["contract", clause]), template, {"id": s.id, "vendor": s.vendor}) if {
	some s in lib.vendor_systems
	some clause, template in clauses
	s.contract[clause] == false
}

deny contains lib.not_stated(lib.system(s), "contract.incident_notice_hours") if {
	some s in lib.vendor_systems
	not lib.stated(object.get(s, ["contract", "incident_notice_hours"], null))
}

deny contains lib.fail(lib.system(s), "contract.incident_notice_hours", "long_notice", {
	"id": s.id, "vendor": s.vendor, "hours": hours, "limit": limit,
}) if {
	some s in lib.vendor_systems
	hours := s.contract.incident_notice_hours
	limit := lib.params.incident_notice_max_hours
	hours > limit
}
