package sec003

import data.lib

deny contains lib.not_stated("SEC-003", s, "security_owner") if {
	some s in lib.active_systems
	lib.unstated(s, "security_owner")
}

deny contains lib.fail("SEC-003", sprintf("system %s names no security_owner", [s.id])) if {
	some s in lib.active_systems
	is_string(s.security_owner)
	trim_space(s.security_owner) == ""
}
