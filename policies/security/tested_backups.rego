# METADATA
# title: Tested backups
# description: |
#   Restores from backup must be tested regularly, and critical systems need
#   an offline or immutable backup that ransomware on the network cannot
#   reach; an untested backup is not a recovery plan. Restore tests apply to
#   systems in service (pilot or production); the offline backup to every
#   active system that is OT or rated critical. A system that is not OT and
#   does not state its criticality cannot be judged (criticality is not
#   stated) unless it states an offline backup anyway.
# related_resources:
#   - ref: https://doi.org/10.6028/NIST.CSWP.29
#     description: NIST Cybersecurity Framework 2.0, PR.DS-11 and RC.RP-03
#   - ref: https://www.isa.org/standards-and-publications/isa-standards/isa-iec-62443-series-of-standards
#     description: ISA/IEC 62443-3-3 SR 7.3 (control system backup, RE 1 backup verification) and SR 7.4
#   - ref: https://eur-lex.europa.eu/eli/dir/2022/2555/oj
#     description: NIS2 Directive (EU) 2022/2555, Article 21(2)(c), where EU law applies
# custom:
#   id: SEC-017
#   severity: high
#   area: security
#   gsca_principle: safety_security_resiliency
#   sources:
#     - kind: practice
#       title: NIST CSF 2.0
#       clause: PR.DS-11, RC.RP-03
#       url: https://doi.org/10.6028/NIST.CSWP.29
#       version: "2.0 (2024-02-26)"
#     - kind: standard
#       title: IEC 62443-3-3
#       clause: SR 7.3 RE 1 (backup verification), SR 7.4
#       url: https://www.isa.org/standards-and-publications/isa-standards/isa-iec-62443-series-of-standards
#       version: "2013"
#     - kind: law
#       title: NIS2
#       clause: Art 21(2)(c)
#       url: https://eur-lex.europa.eu/eli/dir/2022/2555/oj
#       version: (EU) 2022/2555
#   messages:
#     old_test: "system {id} last tested a restore from backup on {tested}, more than {months} months ago"
#     no_offline: "critical system {id} has no offline or immutable backup (resilience.offline_backup is not true)"
#   remediation: >-
#     Test a restore from backup at least every backup_test_months
#     ({params.backup_test_months}) and set resilience.backup_tested to its
#     date; state the system's criticality; for OT and critical systems keep
#     an offline or immutable copy and set resilience.offline_backup = true.
#   fields:
#     - stage
#     - category
#     - criticality
#     - resilience.backup_tested
#     - resilience.offline_backup
package citygate.rules.security.tested_backups

import data.citygate.lib

# needs_offline: active systems that must keep an offline backup; bids and
# proposals have no backups yet, but a critical one must plan one.
needs_offline := [s | some s in lib.active_systems; lib.critical_system(s)]

# criticality_unknown: active systems that may be critical, since they are
# not OT and do not state their criticality.
criticality_unknown := [s |
	some s in lib.active_systems
	not lib.critical_system(s)
	not lib.stated(object.get(s, "criticality", null))
]

applies contains lib.system(s) if some s in lib.in_service_systems

applies contains lib.system(s) if some s in needs_offline

applies contains lib.system(s) if some s in criticality_unknown

deny contains lib.not_stated(lib.system(s), "resilience.backup_tested") if {
	some s in lib.in_service_systems
	not lib.stated(object.get(s, ["resilience", "backup_tested"], null))
}

deny contains lib.fail(lib.system(s), "resilience.backup_tested", "old_test", {
	"id": s.id, "tested": tested, "months": months,
}) if {
	some s in lib.in_service_systems
	tested := s.resilience.backup_tested
	months := lib.params.backup_test_months
	lib.older_than_months(tested, months)
}

# An offline backup satisfies the rule whatever the criticality, so only a
# system without one needs to say how critical it is.
deny contains lib.not_stated(lib.system(s), "criticality") if {
	some s in criticality_unknown
	object.get(s, ["resilience", "offline_backup"], null) != true
}

deny contains lib.not_stated(lib.system(s), "resilience.offline_backup") if {
	some s in needs_offline
	not lib.stated(object.get(s, ["resilience", "offline_backup"], null))
}

deny contains lib.fail(lib.system(s), "resilience.offline_backup", "no_offline", {"id": s.id}) if {
	some s in needs_offline
	s.resilience.offline_backup == false
}
