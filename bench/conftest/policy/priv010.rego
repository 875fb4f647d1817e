package priv010

import data.lib

applicable := [s | some s in lib.active_systems; lib.personal_or_unknown(s)]

deny contains lib.not_stated("PRIV-010", s, "data.personal") if {
	some s in applicable
	lib.personal_unknown(s)
}

personal := [s | some s in applicable; lib.personal(s)]

deny contains lib.fail("PRIV-010", sprintf("system %s does not encrypt personal data at rest", [s.id])) if {
	some s in personal
	s.data.encrypted_at_rest == false
}

deny contains lib.not_stated("PRIV-010", s, "data.encrypted_at_rest") if {
	some s in personal
	object.get(s, ["data", "encrypted_at_rest"], null) == null
}

deny contains lib.fail("PRIV-010", sprintf("system %s allows TLS %s, below %s", [s.id, s.data.tls_min, lib.params.minimum_tls])) if {
	some s in personal
	lib.stated(s.data.tls_min)
	to_number(s.data.tls_min) < to_number(lib.params.minimum_tls)
}

deny contains lib.not_stated("PRIV-010", s, "data.tls_min") if {
	some s in personal
	object.get(s, ["data", "tls_min"], null) == null
}
