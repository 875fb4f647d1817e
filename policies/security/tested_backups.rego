# METADATA
# title: Tested backups
# description: |
#   Restores from backup must be tested regularly, and critical systems need
#   an offline or immutable backup that ransomware on the network cannot
#   reach; an untested backup is not a recovery plan.
# related_resources:
#   - ref: https://www.nist.gov/cyberframework
#     description: NIST Cybersecurity Framework 2.0, PR.DS-11 and RC.RP-03
#   - ref: https://eur-lex.europa.eu/eli/dir/2022/2555/oj
#     description: NIS2 Directive (EU) 2022/2555, Article 21(2)(c)
# custom:
#   id: SEC-017
#   severity: high
#   principle: security
#   controls:
#     - NIST CSF 2.0 PR.DS-11
#     - NIST CSF 2.0 RC.RP-03
#     - NIS2 21(2)(c)
#   remediation: >-
#     Test a restore from backup at least every backup_test_months (default
#     12) and set resilience.backup_tested to its date; for OT and critical
#     systems keep an offline or immutable copy and set
#     resilience.offline_backup = true.
#   fields:
#     - resilience.backup_tested
#     - resilience.offline_backup
package citygate.rules.security.tested_backups

import data.citygate.lib

# Restore tests apply to systems in service; bids and proposals have no
# backups yet, but a critical one must plan an offline backup.
deny contains lib.finding(lib.system(s), "resilience.backup_tested", msg) if {
	some s in lib.in_service_systems
	not s.resilience.backup_tested
	msg := sprintf("system %s states no tested restore from backup (resilience.backup_tested is not set)", [s.id])
}

deny contains lib.finding(lib.system(s), "resilience.backup_tested", msg) if {
	some s in lib.in_service_systems
	tested := s.resilience.backup_tested
	months := lib.params.backup_test_months
	lib.older_than_months(tested, months)
	msg := sprintf("system %s last tested a restore from backup on %s, more than %d months ago", [s.id, tested, months])
}

deny contains lib.finding(lib.system(s), "resilience.offline_backup", msg) if {
	some s in lib.active_systems
	lib.critical_system(s)
	object.get(s, ["resilience", "offline_backup"], false) != true
	msg := sprintf("critical system %s has no offline or immutable backup (resilience.offline_backup is not true)", [s.id])
}
