# METADATA
# title: Executive-reviewed cyber plan
# description: |
#   The city's cybersecurity plan must have been reviewed by the top executive
#   within the review period, so that the plan, its budget and its risk
#   decisions stay current and owned by leadership (the Alliance's Cyber
#   Accountability model policy). A plan with no stated review date is not
#   stated, never current.
# related_resources:
#   - ref: https://globalsmartcitiesalliance.org/?p=799
#     description: G20 Global Smart Cities Alliance, Cyber Accountability model policy
#   - ref: https://www.nist.gov/cyberframework
#     description: NIST Cybersecurity Framework 2.0, GV.PO-02 and GV.OV-01
# custom:
#   id: SEC-002
#   severity: high
#   area: security
#   gsca_principle: safety_security_resiliency
#   gsca_policy: cyber_accountability
#   sources:
#     - kind: gsca
#       title: GSCA Cyber Accountability model policy
#       url: https://globalsmartcitiesalliance.org/?p=799
#       version: Global Policy Roadmap (2020)
#     - kind: practice
#       title: NIST CSF 2.0
#       clause: GV.PO-02
#       url: https://doi.org/10.6028/NIST.CSWP.29
#       version: "2.0 (2024)"
#     - kind: practice
#       title: NIST CSF 2.0
#       clause: GV.OV-01
#       url: https://doi.org/10.6028/NIST.CSWP.29
#       version: "2.0 (2024)"
#   messages:
#     review_too_old: "city {id} last had its cyber plan reviewed by the executive on {reviewed}, more than {months} months ago"
#   remediation: >-
#     Have the top executive review the cyber plan and set
#     cyber_plan.last_exec_review in the city block to the date of that review
#     (at most cyber_plan_review_months ({params.cyber_plan_review_months})
#     months ago).
#   fields:
#     - cyber_plan.last_exec_review
package citygate.rules.security.cyber_plan_review

import data.citygate.lib

applies contains lib.city if input.city

deny contains lib.not_stated(lib.city, "cyber_plan.last_exec_review") if {
	input.city
	lib.unstated(input.city, ["cyber_plan", "last_exec_review"])
}

deny contains lib.fail(lib.city, "cyber_plan.last_exec_review", "review_too_old", {
	"id": input.city.id,
	"reviewed": reviewed,
	"months": months,
}) if {
	reviewed := input.city.cyber_plan.last_exec_review
	lib.stated(reviewed)
	months := lib.params.cyber_plan_review_months
	lib.older_than_months(reviewed, months)
}
