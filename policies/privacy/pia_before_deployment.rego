# METADATA
# title: PIA before deployment
# description: |
#   A system that processes personal data needs a completed privacy impact
#   assessment (PIA) dated no later than go-live, no older than the maximum
#   age and no older than the system's last major change. Biometric or
#   public-space monitoring systems are escalated to critical.
# related_resources:
#   - ref: https://eur-lex.europa.eu/eli/reg/2016/679/oj
#     description: GDPR Art 35(1) and 35(11)
#   - ref: https://globalsmartcitiesalliance.org/?tag=privacy-impact-assessment
#     description: G20 Global Smart Cities Alliance, PIA model policy
# custom:
#   id: PRIV-001
#   severity: high
#   principle: privacy
#   controls:
#     - GSCA-PIA
#     - GSC21 App.2
#     - GDPR 35(1)
#     - GDPR 35(11)
#   remediation: >-
#     Carry out a privacy impact assessment before go-live and record it as
#     assessment "pia" { date = "YYYY-MM-DD" } on the system, with a date no
#     later than go_live; repeat it at least every pia_max_age_months (24)
#     months and after every last_major_change.
#   fields:
#     - data.personal
#     - data.biometric
#     - data.public_space_monitoring
#     - go_live
#     - last_major_change
#     - assessment.pia.date
#     - assessment.pia.completed
package citygate.rules.privacy.pia_before_deployment

import data.citygate.lib

# applicable: the systems that are not retired and process personal data.
applicable := [s | some s in lib.active_systems; s.data.personal == true]

# escalated: biometric or public-space monitoring makes the finding critical.
escalated(s) if s.data.biometric == true

escalated(s) if s.data.public_space_monitoring == true

# pias are the system's completed PIA blocks.
pias(s) := [a | some a in object.get(s, "assessments", []); a.kind == "pia"; object.get(a, "completed", true) != false]

violations contains {"s": s, "field": "assessment.pia.date", "msg": msg} if {
	some s in applicable
	count(pias(s)) == 0
	msg := sprintf("system %s processes personal data and has no completed PIA (assessment \"pia\")", [s.id])
}

violations contains {"s": s, "field": "assessment.pia.date", "msg": msg} if {
	some s in applicable
	some a in pias(s)
	not a.date
	msg := sprintf("system %s has a PIA with no date, so it cannot be shown to precede go-live", [s.id])
}

# A PIA must precede go-live; once a system has run longer than the PIA
# renewal period, the current PIA is necessarily a later renewal, so the
# order is only checked while go-live is within that period or ahead.
violations contains {"s": s, "field": "assessment.pia.date", "msg": msg} if {
	some s in applicable
	not lib.older_than_months(s.go_live, lib.params.pia_max_age_months)
	some a in pias(s)
	lib.before(s.go_live, a.date)
	msg := sprintf("system %s has a PIA dated %s, after go_live %s", [s.id, a.date, s.go_live])
}

violations contains {"s": s, "field": "assessment.pia.date", "msg": msg} if {
	some s in applicable
	some a in pias(s)
	lib.older_than_months(a.date, lib.params.pia_max_age_months)
	msg := sprintf("system %s has a PIA dated %s, older than %d months", [s.id, a.date, lib.params.pia_max_age_months])
}

violations contains {"s": s, "field": "assessment.pia.date", "msg": msg} if {
	some s in applicable
	some a in pias(s)
	lib.before(a.date, s.last_major_change)
	msg := sprintf("system %s has a PIA dated %s, older than its last major change on %s", [s.id, a.date, s.last_major_change])
}

deny contains lib.finding(lib.system(v.s), v.field, v.msg) if {
	some v in violations
	not escalated(v.s)
}

deny contains lib.finding_with_severity(lib.system(v.s), v.field, v.msg, "critical") if {
	some v in violations
	escalated(v.s)
}
