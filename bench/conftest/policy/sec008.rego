package sec008

import data.lib

from_evidence(s) if {
	lib.bid(s)
	lib.unstated(s, ["software", "support_end"])
}

support_field(s) := "evidence.support_end" if from_evidence(s)

else := "software.support_end"

support_end(s) := s.software.support_end if lib.stated(s.software.support_end)

support_end(s) := s.evidence.support_end if {
	from_evidence(s)
	lib.stated(s.evidence.support_end)
}

deny contains lib.not_stated("SEC-008", s, support_field(s)) if {
	some s in lib.active_systems
	not support_end(s)
}

deny contains lib.fail("SEC-008", sprintf("system %s is out of security support since %s (%s)", [s.id, end, support_field(s)])) if {
	some s in lib.active_systems
	end := support_end(s)
	lib.past(end)
}

deny contains lib.not_stated("SEC-008", s, "planned_retirement") if {
	some s in lib.active_systems
	end := support_end(s)
	not lib.past(end)
	lib.unstated(s, "planned_retirement")
}

deny contains lib.fail("SEC-008", sprintf("system %s loses security support on %s, before its planned retirement on %s (%s)", [s.id, end, s.planned_retirement, support_field(s)])) if {
	some s in lib.active_systems
	end := support_end(s)
	not lib.past(end)
	lib.stated(s.planned_retirement)
	lib.before(end, s.planned_retirement)
}
