# METADATA
# title: Support period
# description: |
#   Software must have a stated security support end that covers the
#   system's planned life. A system whose support has already ended no longer
#   receives security fixes (critical); one with no stated end, or support
#   ending before planned retirement, will run unpatched (high).
# related_resources:
#   - ref: https://www.etsi.org/deliver/etsi_en/303600_303699/303645/
#     description: ETSI EN 303 645, provision 5.3-13
#   - ref: https://www.legislation.gov.uk/uksi/2023/1007
#     description: UK PSTI (Security Requirements for Relevant Connectable Products) Regulations 2023
# custom:
#   id: SEC-008
#   severity: high
#   principle: security
#   controls:
#     - ETSI EN 303 645 5.3-13
#     - UK PSTI Sch.1 §3
#     - EU CRA 13(8)
#     - NIST CSF 2.0 PR.PS-02
#     - NIST CSF 2.0 ID.AM-08
#   remediation: >-
#     Set software.support_end (for a bid, evidence.support_end) to the date
#     security updates end; it must be in the future and no earlier than
#     planned_retirement. Otherwise obtain extended support or plan the
#     replacement.
#   fields:
#     - software.support_end
#     - evidence.support_end
#     - planned_retirement
package citygate.rules.security.support_period

import data.citygate.lib

# support_field is where the system states its support end: software, or for
# a bid that does not state it there, the vendor's evidence.
support_field(s) := "evidence.support_end" if {
	lib.bid(s)
	not s.software.support_end
}

else := "software.support_end"

support_end(s) := s.software.support_end

support_end(s) := s.evidence.support_end if {
	lib.bid(s)
	not s.software.support_end
}

deny contains lib.finding(lib.system(s), support_field(s), msg) if {
	some s in lib.active_systems
	not support_end(s)
	msg := sprintf("system %s states no security support end (%s is not set)", [s.id, support_field(s)])
}

deny contains lib.finding_with_severity(lib.system(s), support_field(s), msg, "critical") if {
	some s in lib.active_systems
	end := support_end(s)
	lib.past(end)
	msg := sprintf("system %s is out of security support since %s (%s)", [s.id, end, support_field(s)])
}

deny contains lib.finding(lib.system(s), support_field(s), msg) if {
	some s in lib.active_systems
	end := support_end(s)
	not lib.past(end)
	lib.before(end, s.planned_retirement)
	msg := sprintf("system %s loses security support on %s, before its planned retirement on %s (%s)", [s.id, end, s.planned_retirement, support_field(s)])
}
