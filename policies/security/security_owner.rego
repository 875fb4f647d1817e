# METADATA
# title: Security owner
# description: |
#   Every system that is planned, bid or in service must name a team or
#   person accountable for its security, so that patches, incidents and risk
#   decisions have an owner.
# related_resources:
#   - ref: https://www.nist.gov/cyberframework
#     description: NIST Cybersecurity Framework 2.0, GV.RR-02
#   - ref: https://codelibrary.amlegal.com/codes/san_francisco/latest/sf_admin/0-0-0-67052
#     description: San Francisco Administrative Code chapter 22I
# custom:
#   id: SEC-003
#   severity: medium
#   principle: security
#   controls:
#     - NIST CSF 2.0 GV.RR-02
#     - SF Admin Code 22I
#   remediation: >-
#     Set security_owner on the system to the team or person accountable for
#     its security (e.g. "ot-sec").
#   fields:
#     - security_owner
package citygate.rules.security.security_owner

import data.citygate.lib

deny contains lib.finding(lib.system(s), "security_owner", msg) if {
	some s in lib.active_systems
	object.get(s, "security_owner", "") == ""
	msg := sprintf("system %s names no security_owner", [s.id])
}
