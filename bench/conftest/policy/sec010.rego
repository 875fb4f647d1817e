package sec010

import data.lib

deny contains lib.not_stated("SEC-010", s, "software.signed_updates") if {
	some s in lib.active_systems
	lib.unstated(s, ["software", "signed_updates"])
}

deny contains lib.fail("SEC-010", sprintf("system %s does not receive signed updates", [s.id])) if {
	some s in lib.active_systems
	s.software.signed_updates == false
}

deny contains lib.not_stated("SEC-010", s, "software.update_verification") if {
	some s in lib.active_systems
	s.software.signed_updates == true
	lib.unstated(s, ["software", "update_verification"])
}

deny contains lib.fail("SEC-010", sprintf("system %s installs updates without verifying their signature", [s.id])) if {
	some s in lib.active_systems
	s.software.update_verification == false
}
