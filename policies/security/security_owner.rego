# METADATA
# title: Security owner
# description: |
#   Every system that is planned, bid or in service must name a team or
#   person accountable for its security, so that patches, incidents and risk
#   decisions have an owner. A system that does not state its owner is not
#   stated; one that states a blank owner fails.
# related_resources:
#   - ref: https://www.nist.gov/cyberframework
#     description: NIST Cybersecurity Framework 2.0, GV.RR-02
#   - ref: https://codelibrary.amlegal.com/codes/san_francisco/latest/sf_admin/0-0-0-67052
#     description: San Francisco Administrative Code chapter 22I (a city law that names departmental security officers; an example, not the rule's basis)
# custom:
#   id: SEC-003
#   severity: medium
#   area: security
#   gsca_principle: safety_security_resiliency
#   sources:
#     - kind: practice
#       title: NIST CSF 2.0
#       clause: GV.RR-02
#       url: https://doi.org/10.6028/NIST.CSWP.29
#       version: "2.0 (2024)"
#     - kind: law
#       title: SF Admin Code
#       clause: 22I
#       url: https://codelibrary.amlegal.com/codes/san_francisco/latest/sf_admin/0-0-0-67052
#       version: Ord. 49-22 (2022)
#   messages:
#     blank_owner: "system {id} names no security_owner"
#   remediation: >-
#     Set security_owner on the system to the team or person accountable for
#     its security (e.g. "ot-sec").
#   fields:
#     - security_owner
package citygate.rules.security.security_owner

import data.citygate.lib

applies contains lib.system(s) if some s in lib.active_systems

deny contains lib.not_stated(lib.system(s), "security_owner") if {
	some s in lib.active_systems
	lib.unstated(s, "security_owner")
}

deny contains lib.fail(lib.system(s), "security_owner", "blank_owner", {"id": s.id}) if {
	some s in lib.active_systems
	is_string(s.security_owner)
	trim_space(s.security_owner) == ""
}
