# METADATA
# title: Tamper-evident records
# description: |
#   Records whose integrity is critical (votes, registries, signal plans)
#   must keep an append-only or ledger audit trail, so that unauthorised
#   changes can be detected and undone. Applies to active systems that hold
#   integrity-critical records, and to those that must say whether they do:
#   systems that must describe their data, OT systems (signal plans), data
#   platforms and any system with a data block. A missing
#   data.integrity_critical, or a missing data.audit_trail on
#   integrity-critical records, is not stated.
# related_resources:
#   - ref: https://www.isa.org/standards-and-publications/isa-standards/isa-iec-62443-series-of-standards
#     description: ISA/IEC 62443-3-3 SR 3.9 (protection of audit information)
#   - ref: https://doi.org/10.6028/NIST.SP.800-53r5
#     description: NIST SP 800-53 Rev. 5, AU-9 (protection of audit information) and AU-10 (non-repudiation)
#   - ref: https://www.enisa.europa.eu/publications/baseline-security-recommendations-for-iot
#     description: ENISA Baseline Security Recommendations for IoT (GP-TM-41)
# custom:
#   id: SEC-023
#   severity: low
#   area: security
#   gsca_principle: safety_security_resiliency
#   sources:
#     - kind: standard
#       title: IEC 62443-3-3
#       clause: SR 3.9 (protection of audit information)
#       url: https://www.isa.org/standards-and-publications/isa-standards/isa-iec-62443-series-of-standards
#       version: "2013"
#     - kind: practice
#       title: NIST SP 800-53
#       clause: AU-9, AU-10
#       url: https://doi.org/10.6028/NIST.SP.800-53r5
#       version: Rev. 5
#     - kind: practice
#       title: ENISA Baseline Security Recommendations for IoT
#       clause: GP-TM-41
#       url: https://www.enisa.europa.eu/publications/baseline-security-recommendations-for-iot
#       version: November 2017
#   messages:
#     not_tamper_evident: "system {id} holds integrity-critical records with no append-only or ledger audit trail (data.audit_trail = {trail})"
#   remediation: >-
#     State whether the system holds integrity-critical records
#     (data.integrity_critical); record changes to them in an append-only log
#     or a ledger and set data.audit_trail to append_only or ledger.
#   fields:
#     - category
#     - sensing
#     - public_space
#     - data.personal
#     - ai
#     - data.integrity_critical
#     - data.audit_trail
package citygate.rules.security.tamper_evident_records

import data.citygate.lib

tamper_evident := {"append_only", "ledger"}

# must_say(s): the system may hold integrity-critical records and must say
# whether it does: it must describe its data, holds signal plans or
# registries (OT, data platforms), or describes its data anyway.
must_say(s) if lib.must_describe_data(s)

must_say(s) if s.category in {"ot", "data_platform"}

must_say(s) if lib.stated(object.get(s, "data", null))

applicable := [s | some s in lib.active_systems; must_say(s)]

critical_records := [s | some s in applicable; s.data.integrity_critical == true]

applies contains lib.system(s) if some s in applicable

deny contains lib.not_stated(lib.system(s), "data.integrity_critical") if {
	some s in applicable
	not lib.stated(object.get(s, ["data", "integrity_critical"], null))
}

deny contains lib.not_stated(lib.system(s), "data.audit_trail") if {
	some s in critical_records
	not lib.stated(object.get(s, ["data", "audit_trail"], null))
}

deny contains lib.fail(lib.system(s), "data.audit_trail", "not_tamper_evident", {"id": s.id, "trail": trail}) if {
	some s in critical_records
	trail := s.data.audit_trail
	not trail in tamper_evident
}
