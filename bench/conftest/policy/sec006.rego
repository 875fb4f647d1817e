package sec006

import data.lib

deny contains lib.not_stated("SEC-006", s, "auth.mfa_privileged") if {
	some s in lib.active_systems
	lib.unstated(s, ["auth", "mfa_privileged"])
}

deny contains lib.fail("SEC-006", sprintf("system %s does not require MFA for privileged accounts", [s.id])) if {
	some s in lib.active_systems
	s.auth.mfa_privileged == false
}

deny contains lib.not_stated("SEC-006", s, "remote_access") if {
	some s in lib.active_systems
	lib.unstated(s, "remote_access")
}

remote(s) if {
	lib.stated(s.remote_access)
	s.remote_access != "none"
}

deny contains lib.not_stated("SEC-006", s, "auth.mfa_remote") if {
	some s in lib.active_systems
	remote(s)
	lib.unstated(s, ["auth", "mfa_remote"])
}

deny contains lib.fail("SEC-006", sprintf("system %s allows remote access (remote_access = %s) without MFA", [s.id, s.remote_access])) if {
	some s in lib.active_systems
	remote(s)
	s.auth.mfa_remote == false
}
