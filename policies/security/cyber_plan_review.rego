# METADATA
# title: Executive-reviewed cyber plan
# description: |
#   The city's cybersecurity plan must have been reviewed by the top executive
#   within the review period, so that the plan, its budget and its risk
#   decisions stay current and owned by leadership.
# related_resources:
#   - ref: https://www.nist.gov/cyberframework
#     description: NIST Cybersecurity Framework 2.0, GV.PO-02 and GV.OV-01
# custom:
#   id: SEC-002
#   severity: high
#   principle: security
#   controls:
#     - GSCA Cyber Accountability model policy
#     - NIST CSF 2.0 GV.PO-02
#     - NIST CSF 2.0 GV.OV-01
#   remediation: >-
#     Have the top executive review the cyber plan and set
#     cyber_plan.last_exec_review in the city block to the date of that
#     review (at most cyber_plan_review_months, default 12, ago).
#   fields:
#     - cyber_plan.last_exec_review
package citygate.rules.security.cyber_plan_review

import data.citygate.lib

deny contains lib.finding(lib.city, "cyber_plan.last_exec_review", msg) if {
	input.city
	not input.city.cyber_plan.last_exec_review
	msg := sprintf("city %s states no executive review of its cyber plan (cyber_plan.last_exec_review is not set)", [input.city.id])
}

deny contains lib.finding(lib.city, "cyber_plan.last_exec_review", msg) if {
	reviewed := input.city.cyber_plan.last_exec_review
	months := lib.params.cyber_plan_review_months
	lib.older_than_months(reviewed, months)
	msg := sprintf("city %s last had its cyber plan reviewed by the executive on %s, more than %d months ago", [input.city.id, reviewed, months])
}
