package sec005

import data.lib

allowed := {"unique_per_device", "user_defined", "none"}

deny contains lib.not_stated("SEC-005", s, "auth.default_credentials") if {
	some s in lib.active_systems
	lib.unstated(s, ["auth", "default_credentials"])
}

deny contains lib.fail("SEC-005", sprintf("system %s does not state unique or user-defined initial credentials (auth.default_credentials = %s)", [s.id, creds])) if {
	some s in lib.active_systems
	creds := s.auth.default_credentials
	lib.stated(creds)
	not creds in allowed
}
