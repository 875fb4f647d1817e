package sust005

import data.lib

funded_until(s) := object.get(s, ["tco", "opex_funded_until"], null)

applicable := [s | some s in lib.active_systems; in_scope(s)]

in_scope(s) if s.vendor

in_scope(s) if lib.stated(funded_until(s))

ends(s) := {[d, f] |
	some f, d in {
		"software.support_end": object.get(s, ["software", "support_end"], null),
		"evidence.support_end": object.get(s, ["evidence", "support_end"], null),
		"planned_retirement": object.get(s, "planned_retirement", null),
	}
	lib.stated(d)
}

deny contains lib.not_stated("SUST-005", s, "tco.opex_funded_until") if {
	some s in applicable
	not lib.stated(funded_until(s))
}

deny contains lib.not_stated("SUST-005", s, "planned_retirement") if {
	some s in applicable
	count(ends(s)) == 0
}

deny contains lib.fail("SUST-005", sprintf("system %s is funded until %s, before %s (%s)", [s.id, funded, end, field])) if {
	some s in applicable
	funded := funded_until(s)
	lib.stated(funded)
	ends_of_s := ends(s)
	count(ends_of_s) > 0
	[end, field] := max(ends_of_s)
	lib.before(funded, end)
}
