# METADATA
# title: Logging
# description: |
#   Security logs must be collected centrally and kept long enough to
#   investigate an intrusion, which is often found months after it began.
#   Medium in general, high for OT and critical systems.
# related_resources:
#   - ref: https://www.nist.gov/cyberframework
#     description: NIST Cybersecurity Framework 2.0, PR.PS-04 and DE.CM-01
# custom:
#   id: SEC-016
#   severity: medium
#   principle: security
#   controls:
#     - NIST CSF 2.0 PR.PS-04
#     - NIST CSF 2.0 DE.CM-01
#     - IEC 62443-3-3 SR6.1
#     - IEC 62443-3-3 SR6.2
#     - VN Decree 53/2022
#   remediation: >-
#     Forward security logs to the central SIEM and set logging.central =
#     true; keep them at least log_retention_days (default 365) and set
#     logging.retention_days accordingly.
#   fields:
#     - logging.central
#     - logging.retention_days
package citygate.rules.security.logging

import data.citygate.lib

# level is high for OT and critical systems, medium otherwise.
level(s) := "high" if lib.critical_system(s)

else := "medium"

deny contains lib.finding_with_severity(lib.system(s), "logging.central", msg, level(s)) if {
	some s in lib.active_systems
	object.get(s, ["logging", "central"], false) != true
	msg := sprintf("system %s does not send its logs to central collection (logging.central is not true)", [s.id])
}

deny contains lib.finding_with_severity(lib.system(s), "logging.retention_days", msg, level(s)) if {
	some s in lib.active_systems
	not s.logging.retention_days
	msg := sprintf("system %s does not state how long its logs are kept (logging.retention_days is not set)", [s.id])
}

deny contains lib.finding_with_severity(lib.system(s), "logging.retention_days", msg, level(s)) if {
	some s in lib.active_systems
	days := s.logging.retention_days
	minimum := lib.params.log_retention_days
	days < minimum
	msg := sprintf("system %s keeps logs for %d days, below the %d-day minimum", [s.id, days, minimum])
}
