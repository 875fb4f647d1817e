# METADATA
# title: Logging
# description: |
#   Security logs must be collected centrally and kept long enough to
#   investigate an intrusion, which is often found months after it began.
#   Medium in general, high for OT and critical systems. Applies to every
#   active system; one that does not state logging.central or
#   logging.retention_days is not stated. The retention minimum
#   (log_retention_days, default 365) is citygate's parameter, not a figure
#   from the sources.
# related_resources:
#   - ref: https://doi.org/10.6028/NIST.CSWP.29
#     description: NIST Cybersecurity Framework 2.0, PR.PS-04 and DE.CM-01
#   - ref: https://www.isa.org/standards-and-publications/isa-standards/isa-iec-62443-series-of-standards
#     description: ISA/IEC 62443-3-3 SR 2.8, SR 2.9, SR 6.1 and SR 6.2
# custom:
#   id: SEC-016
#   severity: medium
#   area: security
#   gsca_principle: safety_security_resiliency
#   sources:
#     - kind: practice
#       title: NIST CSF 2.0
#       clause: PR.PS-04, DE.CM-01
#       url: https://doi.org/10.6028/NIST.CSWP.29
#       version: "2.0 (2024-02-26)"
#     - kind: standard
#       title: IEC 62443-3-3
#       clause: SR 2.8, SR 2.9, SR 6.1, SR 6.2
#       url: https://www.isa.org/standards-and-publications/isa-standards/isa-iec-62443-series-of-standards
#       version: "2013"
#     - kind: practice
#       title: ENISA Baseline Security Recommendations for IoT
#       clause: GP-TM-55
#       url: https://www.enisa.europa.eu/publications/baseline-security-recommendations-for-iot
#       version: November 2017
#   messages:
#     not_central: "system {id} does not send its logs to central collection (logging.central is not true)"
#     short_retention: "system {id} keeps logs for {days} days, below the {minimum}-day minimum"
#   remediation: >-
#     Forward security logs to the central SIEM and set logging.central =
#     true; keep them at least log_retention_days
#     ({params.log_retention_days}) and set logging.retention_days
#     accordingly.
#   fields:
#     - category
#     - criticality
#     - logging.central
#     - logging.retention_days
package citygate.rules.security.logging

import data.citygate.lib

# level is high for OT and critical systems, medium otherwise.
level(s) := "high" if lib.critical_system(s)

else := "medium"

applies contains lib.system(s) if some s in lib.active_systems

deny contains lib.not_stated_with_severity(lib.system(s), "logging.central", level(s)) if {
	some s in lib.active_systems
	not lib.stated(object.get(s, ["logging", "central"], null))
}

deny contains lib.fail_with_severity(lib.system(s), "logging.central", "not_central", {"id": s.id}, level(s)) if {
	some s in lib.active_systems
	s.logging.central == false
}

deny contains lib.not_stated_with_severity(lib.system(s), "logging.retention_days", level(s)) if {
	some s in lib.active_systems
	not lib.stated(object.get(s, ["logging", "retention_days"], null))
}

deny contains lib.fail_with_severity(lib.system(s), "logging.retention_days", "short_retention", args, level(s)) if {
	some s in lib.active_systems
	days := s.logging.retention_days
	minimum := lib.params.log_retention_days
	days < minimum
	args := {"id": s.id, "days": days, "minimum": minimum}
}
