package sec011

import data.lib

deny contains lib.not_stated("SEC-011", s, "category") if {
	some s in lib.active_systems
	lib.unstated(s, "category")
}

deny contains lib.not_stated("SEC-011", s, "internet_exposed") if {
	some s in lib.active_systems
	s.category == "ot"
	lib.unstated(s, "internet_exposed")
}

deny contains lib.fail("SEC-011", sprintf("OT system %s is reachable from the internet", [s.id])) if {
	some s in lib.active_systems
	s.category == "ot"
	s.internet_exposed == true
}

deny contains lib.not_stated("SEC-011", s, "remote_access") if {
	some s in lib.active_systems
	lib.unstated(s, "remote_access")
}

deny contains lib.fail("SEC-011", sprintf("system %s can be administered remotely without a VPN or zero-trust broker", [s.id])) if {
	some s in lib.active_systems
	s.remote_access == "direct"
}
