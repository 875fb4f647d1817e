# METADATA
# title: Risk assessment up front
# description: |
#   A security risk assessment must be completed before a system goes live
#   or is procured, and renewed so that it is never older than the maximum
#   age; security decided after go-live is retrofitted, costly and often
#   skipped.
# related_resources:
#   - ref: https://www.nist.gov/cyberframework
#     description: NIST Cybersecurity Framework 2.0, ID.RA-05 and GV.SC-06
#   - ref: https://www.gov.uk/government/publications/secure-connected-places-playbook-documents
#     description: NCSC Secure Connected Places playbook, principle 2
# custom:
#   id: SEC-020
#   severity: high
#   principle: security
#   controls:
#     - Rabat smart-city security workshop
#     - NIST CSF 2.0 ID.RA-05
#     - NIST CSF 2.0 GV.SC-06
#     - SF Admin Code 22I
#     - NCSC Connected Places principle 2
#   remediation: >-
#     Complete a security risk assessment before go-live (or before a bid is
#     awarded), record it as assessment "security_risk" with its date, and
#     renew it at least every risk_assessment_max_age_months (default 24).
#   fields:
#     - assessment.security_risk.date
#     - assessment.security_risk.completed
#     - go_live
package citygate.rules.security.risk_assessment

import data.citygate.lib

deny contains lib.finding(lib.system(s), "assessment.security_risk", msg) if {
	some s in lib.active_systems
	not lib.assessment(s, "security_risk")
	msg := sprintf("system %s has no security risk assessment (assessment \"security_risk\" is missing)", [s.id])
}

# assessed pairs each system that is not retired with its security risk
# assessment.
assessed := [[s, a] | some s in lib.active_systems; a := lib.assessment(s, "security_risk")]

deny contains lib.finding(lib.system(s), "assessment.security_risk.completed", msg) if {
	some [s, a] in assessed
	a.completed == false
	msg := sprintf("system %s has a security risk assessment that is not completed (completed = false)", [s.id])
}

# completed are the assessed pairs whose assessment is not marked as not
# completed.
completed := [[s, a] | some [s, a] in assessed; object.get(a, "completed", true) != false]

deny contains lib.finding(lib.system(s), "assessment.security_risk.date", msg) if {
	some [s, a] in completed
	not a.date
	msg := sprintf("system %s has a security risk assessment with no date (assessment.security_risk.date is not set)", [s.id])
}

deny contains lib.finding(lib.system(s), "assessment.security_risk.date", msg) if {
	some [s, a] in completed
	d := a.date
	months := lib.params.risk_assessment_max_age_months
	lib.older_than_months(d, months)
	msg := sprintf("system %s has a security risk assessment dated %s, more than %d months old", [s.id, d, months])
}

# Up front: a system that is not a bid must have been assessed no later than
# go-live. Once go-live is older than the maximum age, a current assessment
# necessarily post-dates it, so the order is checked only for systems that
# went live within that window or have yet to go live.
deny contains lib.finding(lib.system(s), "assessment.security_risk.date", msg) if {
	some [s, a] in completed
	not lib.bid(s)
	d := a.date
	lib.before(s.go_live, d)
	not lib.older_than_months(s.go_live, lib.params.risk_assessment_max_age_months)
	msg := sprintf("system %s went live on %s before its security risk assessment dated %s", [s.id, s.go_live, d])
}
