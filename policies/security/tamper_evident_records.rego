# METADATA
# title: Tamper-evident records
# description: |
#   Records whose integrity is critical (votes, registries, signal plans)
#   must keep an append-only or ledger audit trail, so that unauthorised
#   changes can be detected and undone.
# related_resources:
#   - ref: https://www.enisa.europa.eu/publications/baseline-security-recommendations-for-iot
#     description: ENISA Baseline Security Recommendations for IoT (GP-TM-41)
# custom:
#   id: SEC-023
#   severity: low
#   principle: security
#   controls:
#     - Moscow (U4SSC case study)
#     - ENISA GP-TM-41
#   remediation: >-
#     Record changes to integrity-critical records in an append-only log or a
#     ledger and set data.audit_trail to append_only or ledger.
#   fields:
#     - data.integrity_critical
#     - data.audit_trail
package citygate.rules.security.tamper_evident_records

import data.citygate.lib

tamper_evident := {"append_only", "ledger"}

deny contains lib.finding(lib.system(s), "data.audit_trail", msg) if {
	some s in lib.active_systems
	s.data.integrity_critical == true
	trail := object.get(s, ["data", "audit_trail"], "missing")
	not trail in tamper_evident
	msg := sprintf("system %s holds integrity-critical records with no append-only or ledger audit trail (data.audit_trail = %s)", [s.id, trail])
}
