# METADATA
# title: Contract security clauses
# description: |
#   The contract for a vendor system must carry security requirements, a right
#   to audit, and an incident notification deadline no longer than the
#   incident_notice_max_hours parameter (24 h). Applies to systems with a
#   vendor that are not retired.
# related_resources:
#   - ref: https://eur-lex.europa.eu/eli/dir/2022/2555/oj
#     description: NIS2 Directive (EU) 2022/2555, Art 23 (incident reporting)
#   - ref: https://www.cisa.gov/resources-tools/resources/cybersecurity-best-practices-smart-cities
#     description: CISA et al., Cybersecurity Best Practices for Smart Cities (supply chain)
# custom:
#   id: SUST-003
#   severity: high
#   principle: sustainability
#   controls:
#     - CSF GV.SC-05
#     - NIS2 23
#     - CISA-SC
#   remediation: >-
#     In the contract block set security_requirements = true and
#     right_to_audit = true, and set incident_notice_hours to 24 or less.
#   fields:
#     - vendor
#     - contract.security_requirements
#     - contract.right_to_audit
#     - contract.incident_notice_hours
package citygate.rules.sustainability.contract_security

import data.citygate.lib

deny contains lib.finding(lib.system(s), "contract.security_requirements", msg) if {
	some s in lib.vendor_systems
	v := object.get(s, ["contract", "security_requirements"], "unset")
	v != true
	msg := sprintf("system %s from vendor %s has no contractual security requirements (contract.security_requirements = %v)", [s.id, s.vendor, v])
}

deny contains lib.finding(lib.system(s), "contract.right_to_audit", msg) if {
	some s in lib.vendor_systems
	v := object.get(s, ["contract", "right_to_audit"], "unset")
	v != true
	msg := sprintf("system %s from vendor %s gives the city no right to audit (contract.right_to_audit = %v)", [s.id, s.vendor, v])
}

deny contains lib.finding(lib.system(s), "contract.incident_notice_hours", msg) if {
	some s in lib.vendor_systems
	hours := s.contract.incident_notice_hours
	hours > lib.params.incident_notice_max_hours
	msg := sprintf("system %s from vendor %s must notify incidents within %v h, longer than the %v h limit", [s.id, s.vendor, hours, lib.params.incident_notice_max_hours])
}

deny contains lib.finding(lib.system(s), "contract.incident_notice_hours", msg) if {
	some s in lib.vendor_systems
	not s.contract.incident_notice_hours
	msg := sprintf("system %s from vendor %s has no incident notification deadline (contract.incident_notice_hours)", [s.id, s.vendor])
}
