package sust003

import data.lib

clauses := {
	"security_requirements": "no security requirements",
	"right_to_audit": "no right to audit",
}

unnamed := [s |
	some s in lib.active_systems
	lib.stated(object.get(s, "contract", null))
	lib.unstated(s, "vendor")
]

deny contains lib.not_stated("SUST-003", s, "vendor") if some s in unnamed

deny contains lib.not_stated("SUST-003", s, sprintf("contract.%s", [clause])) if {
	some s in lib.vendor_systems
	some clause, _ in clauses
	not lib.stated(object.get(s, ["contract", clause], null))
}

deny contains lib.fail("SUST-003", sprintf("system %s (vendor %s): %s", [s.id, s.vendor, text])) if {
	some s in lib.vendor_systems
	some clause, text in clauses
	s.contract[clause] == false
}

deny contains lib.not_stated("SUST-003", s, "contract.incident_notice_hours") if {
	some s in lib.vendor_systems
	not lib.stated(object.get(s, ["contract", "incident_notice_hours"], null))
}

deny contains lib.fail("SUST-003", sprintf("system %s (vendor %s) notifies incidents within %d hours, above the %d-hour limit", [s.id, s.vendor, hours, limit])) if {
	some s in lib.vendor_systems
	hours := s.contract.incident_notice_hours
	limit := lib.params.incident_notice_max_hours
	hours > limit
}
