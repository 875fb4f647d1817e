package sec020

import data.lib

deny contains lib.not_stated("SEC-020", s, "assessment.security_risk") if {
	some s in lib.active_systems
	not lib.assessment(s, "security_risk")
}

assessed := [[s, a] | some s in lib.active_systems; a := lib.assessment(s, "security_risk")]

deny contains lib.fail("SEC-020", sprintf("system %s: security risk assessment not completed", [s.id])) if {
	some [s, a] in assessed
	a.completed == false
}

completed := [[s, a] | some [s, a] in assessed; object.get(a, "completed", true) != false]

deny contains lib.not_stated("SEC-020", s, "assessment.security_risk.date") if {
	some [s, a] in completed
	not lib.stated(object.get(a, "date", null))
}

deny contains lib.fail("SEC-020", sprintf("system %s: security risk assessment of %s is older than %d months", [s.id, d, months])) if {
	some [s, a] in completed
	d := a.date
	months := lib.params.risk_assessment_max_age_months
	lib.older_than_months(d, months)
}

deny contains lib.not_stated("SEC-020", s, "go_live") if {
	some [s, a] in completed
	lib.in_service(s)
	lib.stated(object.get(a, "date", null))
	not lib.stated(object.get(s, "go_live", null))
}

deny contains lib.fail("SEC-020", sprintf("system %s went live on %s before its risk assessment of %s", [s.id, s.go_live, d])) if {
	some [s, a] in completed
	not lib.bid(s)
	d := a.date
	lib.before(s.go_live, d)
	not lib.older_than_months(s.go_live, lib.params.risk_assessment_max_age_months)
}
