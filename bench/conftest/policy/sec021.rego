package sec021

import data.lib

public_facing(s) if s.public_facing == true

public_facing(s) if s.category in {"web_service", "mobile_app", "kiosk"}

public_login := [s | some s in lib.active_systems; s.auth.public_login == true]

login_unknown := [s |
	some s in lib.active_systems
	public_facing(s)
	not lib.stated(object.get(s, ["auth", "public_login"], null))
]

deny contains lib.not_stated("SEC-021", s, "auth.public_login") if some s in login_unknown

deny contains lib.not_stated("SEC-021", s, "auth.brute_force_protection") if {
	some s in public_login
	not lib.stated(object.get(s, ["auth", "brute_force_protection"], null))
}

deny contains lib.fail("SEC-021", sprintf("system %s has a public login without brute-force protection", [s.id])) if {
	some s in public_login
	s.auth.brute_force_protection == false
}
