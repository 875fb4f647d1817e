package sec023

import data.lib

tamper_evident := {"append_only", "ledger"}

must_say(s) if lib.must_describe_data(s)

must_say(s) if s.category in {"ot", "data_platform"}

must_say(s) if lib.stated(object.get(s, "data", null))

applicable := [s | some s in lib.active_systems; must_say(s)]

critical_records := [s | some s in applicable; s.data.integrity_critical == true]

deny contains lib.not_stated("SEC-023", s, "data.integrity_critical") if {
	some s in applicable
	not lib.stated(object.get(s, ["data", "integrity_critical"], null))
}

deny contains lib.not_stated("SEC-023", s, "data.audit_trail") if {
	some s in critical_records
	not lib.stated(object.get(s, ["data", "audit_trail"], null))
}

deny contains lib.fail("SEC-023", sprintf("system %s keeps integrity-critical records without a tamper-evident trail (%s)", [s.id, trail])) if {
	some s in critical_records
	trail := s.data.audit_trail
	not trail in tamper_evident
}
