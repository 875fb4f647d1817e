package sec014

import data.lib

software_only := {"web_service", "mobile_app", "data_platform"}

checks := {"unused_enabled", "debug_port"}

in_scope(s) if not object.get(s, "category", "") in software_only

in_scope(s) if lib.stated(object.get(s, "interfaces", null))

applicable := [s | some s in lib.active_systems; in_scope(s)]

deny contains lib.not_stated("SEC-014", s, sprintf("interfaces.%s", [attr])) if {
	some s in applicable
	some attr in checks
	not lib.stated(object.get(s, ["interfaces", attr], null))
}

deny contains lib.fail("SEC-014", sprintf("system %s: interfaces.%s = true", [s.id, attr])) if {
	some s in applicable
	some attr in checks
	s.interfaces[attr] == true
}
