package sec017

import data.lib

needs_offline := [s | some s in lib.active_systems; lib.critical_system(s)]

criticality_unknown := [s |
	some s in lib.active_systems
	not lib.critical_system(s)
	not lib.stated(object.get(s, "criticality", null))
]

deny contains lib.not_stated("SEC-017", s, "resilience.backup_tested") if {
	some s in lib.in_service_systems
	not lib.stated(object.get(s, ["resilience", "backup_tested"], null))
}

deny contains lib.fail("SEC-017", sprintf("system %s last tested a restore from backup on %s, more than %d months ago", [s.id, tested, months])) if {
	some s in lib.in_service_systems
	tested := s.resilience.backup_tested
	months := lib.params.backup_test_months
	lib.older_than_months(tested, months)
}

deny contains lib.not_stated("SEC-017", s, "criticality") if {
	some s in criticality_unknown
	object.get(s, ["resilience", "offline_backup"], null) != true
}

deny contains lib.not_stated("SEC-017", s, "resilience.offline_backup") if {
	some s in needs_offline
	not lib.stated(object.get(s, ["resilience", "offline_backup"], null))
}

deny contains lib.fail("SEC-017", sprintf("system %s keeps no offline backup", [s.id])) if {
	some s in needs_offline
	s.resilience.offline_backup == false
}
