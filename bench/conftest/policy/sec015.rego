package sec015

import data.lib

deny contains lib.not_stated("SEC-015", s, "software.hardcoded_secrets") if {
	some s in lib.active_systems
	not lib.stated(object.get(s, ["software", "hardcoded_secrets"], null))
}

deny contains lib.fail("SEC-015", sprintf("system %s has credentials or keys hard-coded in its software", [s.id])) if {
	some s in lib.active_systems
	s.software.hardcoded_secrets == true
}
