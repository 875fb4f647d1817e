# METADATA
# title: Risk assessment up front
# description: |
#   A security risk assessment must be completed before a system goes live
#   or is procured, and renewed so that it is never older than the maximum
#   age; security decided after go-live is retrofitted, costly and often
#   skipped. Applies to every active system. A system with no
#   assessment "security_risk", a completed assessment with no date, or a
#   system in service with no go_live date is not stated.
# related_resources:
#   - ref: https://doi.org/10.6028/NIST.CSWP.29
#     description: NIST Cybersecurity Framework 2.0, ID.RA-05 and GV.SC-06
#   - ref: https://www.iso.org/standard/27001
#     description: ISO/IEC 27001:2022, clauses 6.1.2 and 8.2 (risk assessment at planned intervals)
#   - ref: https://www.isa.org/standards-and-publications/isa-standards/isa-iec-62443-series-of-standards
#     description: ISA/IEC 62443-3-2, initial and detailed cybersecurity risk assessment
#   - ref: https://www.ncsc.gov.uk/collection/connected-places-security-principles
#     description: NCSC Connected Places Cyber Security Principles (understand the risks)
# custom:
#   id: SEC-020
#   severity: high
#   area: security
#   gsca_principle: safety_security_resiliency
#   sources:
#     - kind: standard
#       title: ISO/IEC 27001
#       clause: 6.1.2, 8.2
#       url: https://www.iso.org/standard/27001
#       version: "2022"
#     - kind: standard
#       title: IEC 62443-3-2
#       clause: ZCR 2 (initial risk assessment), ZCR 5 (detailed risk assessment)
#       url: https://www.isa.org/standards-and-publications/isa-standards/isa-iec-62443-series-of-standards
#       version: "2020"
#     - kind: practice
#       title: NIST CSF 2.0
#       clause: ID.RA-05, GV.SC-06
#       url: https://doi.org/10.6028/NIST.CSWP.29
#       version: "2.0 (2024-02-26)"
#     - kind: practice
#       title: NCSC Connected Places Cyber Security Principles
#       url: https://www.ncsc.gov.uk/collection/connected-places-security-principles
#       version: "2021"
#   messages:
#     not_completed: "system {id} has a security risk assessment that is not completed (completed = false)"
#     too_old: "system {id} has a security risk assessment dated {date}, more than {months} months old"
#     after_go_live: "system {id} went live on {go_live} before its security risk assessment dated {date}"
#   remediation: >-
#     Complete a security risk assessment before go-live (or before a bid is
#     awarded), record it as assessment "security_risk" with its date, and
#     renew it at least every risk_assessment_max_age_months
#     ({params.risk_assessment_max_age_months}). State go_live for a system in
#     service.
#   fields:
#     - stage
#     - go_live
#     - assessment.security_risk
#     - assessment.security_risk.completed
#     - assessment.security_risk.date
package citygate.rules.security.risk_assessment

import data.citygate.lib

applies contains lib.system(s) if some s in lib.active_systems

deny contains lib.not_stated(lib.system(s), "assessment.security_risk") if {
	some s in lib.active_systems
	not lib.assessment(s, "security_risk")
}

# assessed pairs each active system with its security risk assessment.
assessed := [[s, a] | some s in lib.active_systems; a := lib.assessment(s, "security_risk")]

deny contains lib.fail(lib.system(s), "assessment.security_risk.completed", "not_completed", {"id": s.id}) if {
	some [s, a] in assessed
	a.completed == false
}

# completed are the assessed pairs whose assessment is not marked as not
# completed (an assessment is complete by default when dated).
completed := [[s, a] | some [s, a] in assessed; object.get(a, "completed", true) != false]

deny contains lib.not_stated(lib.system(s), "assessment.security_risk.date") if {
	some [s, a] in completed
	not lib.stated(object.get(a, "date", null))
}

deny contains lib.fail(lib.system(s), "assessment.security_risk.date", "too_old", {"id": s.id, "date": d, "months": months}) if {
	some [s, a] in completed
	d := a.date
	months := lib.params.risk_assessment_max_age_months
	lib.older_than_months(d, months)
}

# A system in service has gone live: without the date the order of
# assessment and go-live cannot be checked. A proposed system may not have
# one yet, and a bid is assessed before award, not before go-live.
deny contains lib.not_stated(lib.system(s), "go_live") if {
	some [s, a] in completed
	lib.in_service(s)
	lib.stated(object.get(a, "date", null))
	not lib.stated(object.get(s, "go_live", null))
}

# Up front: a system that is not a bid must have been assessed no later than
# go-live. Once go-live is older than the maximum age, a current assessment
# necessarily post-dates it, so the order is checked only for systems that
# went live within that window or have yet to go live.
deny contains lib.fail(lib.system(s), "assessment.security_risk.date", "after_go_live", {
	"id": s.id, "go_live": s.go_live, "date": d,
}) if {
	some [s, a] in completed
	not lib.bid(s)
	d := a.date
	lib.before(s.go_live, d)
	not lib.older_than_months(s.go_live, lib.params.risk_assessment_max_age_months)
}
