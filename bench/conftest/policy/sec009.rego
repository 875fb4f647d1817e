package sec009

import data.lib

deciding_fields := ["software.oldest_open_critical_days", "software.oldest_open_kev_days"]

deny contains lib.not_stated("SEC-009", s, field) if {
	some s in lib.active_systems
	some field in deciding_fields
	lib.unstated(s, split(field, "."))
}

deny contains lib.fail("SEC-009", sprintf("system %s has had a critical vulnerability open for %d days, above the %d-day limit", [s.id, days, limit])) if {
	some s in lib.active_systems
	days := s.software.oldest_open_critical_days
	lib.stated(days)
	limit := lib.params.patch_critical_days
	days > limit
}

deny contains lib.fail("SEC-009", sprintf("system %s has had a known-exploited vulnerability open for %d days, above the %d-day limit", [s.id, days, limit])) if {
	some s in lib.active_systems
	days := s.software.oldest_open_kev_days
	lib.stated(days)
	limit := lib.params.patch_kev_days
	days > limit
}
