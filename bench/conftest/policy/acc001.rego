package acc001

import data.lib

standards := {"WCAG 2.1", "WCAG 2.2", "EN 301 549"}

levels := {"AA", "AAA"}

stated(s, f) if lib.stated(object.get(s, ["accessibility", f], null))

deny contains lib.not_stated("ACC-001", s, "accessibility.standard") if {
	some s in lib.user_facing_systems
	not stated(s, "standard")
}

deny contains lib.fail("ACC-001", sprintf("system %s targets %s, below WCAG 2.1", [s.id, s.accessibility.standard])) if {
	some s in lib.user_facing_systems
	stated(s, "standard")
	not s.accessibility.standard in standards
}

deny contains lib.not_stated("ACC-001", s, "accessibility.level") if {
	some s in lib.user_facing_systems
	not stated(s, "level")
}

deny contains lib.fail("ACC-001", sprintf("system %s targets level %s, below AA", [s.id, s.accessibility.level])) if {
	some s in lib.user_facing_systems
	stated(s, "level")
	not s.accessibility.level in levels
}
