package sec016

import data.lib

deny contains lib.not_stated("SEC-016", s, "logging.central") if {
	some s in lib.active_systems
	not lib.stated(object.get(s, ["logging", "central"], null))
}

deny contains lib.fail("SEC-016", sprintf("system %s does not send its logs to central collection", [s.id])) if {
	some s in lib.active_systems
	s.logging.central == false
}

deny contains lib.not_stated("SEC-016", s, "logging.retention_days") if {
	some s in lib.active_systems
	not lib.stated(object.get(s, ["logging", "retention_days"], null))
}

deny contains lib.fail("SEC-016", sprintf("system %s keeps logs for %d days, below the %d-day minimum", [s.id, days, minimum])) if {
	some s in lib.active_systems
	days := s.logging.retention_days
	minimum := lib.params.log_retention_days
	days < minimum
}
