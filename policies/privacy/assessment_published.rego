# METADATA
# title: Assessment made public
# description: |
#   A completed privacy impact assessment (PIA) or DPIA should be published,
#   in full or as a public summary, so residents can see how the city weighed
#   the privacy risks of a system.
# related_resources:
#   - ref: https://globalsmartcitiesalliance.org/?tag=privacy-impact-assessment
#     description: G20 Global Smart Cities Alliance, PIA model policy
# custom:
#   id: PRIV-003
#   severity: medium
#   principle: privacy
#   controls:
#     - GSCA-PIA (transparency)
#     - Seattle/WA PIA practice
#   remediation: >-
#     Publish the assessment and set published = true in its assessment
#     "pia" or assessment "dpia" block, or publish a summary and set
#     summary_url to its address.
#   fields:
#     - assessment.pia.published
#     - assessment.pia.summary_url
#     - assessment.dpia.published
#     - assessment.dpia.summary_url
package citygate.rules.privacy.assessment_published

import data.citygate.lib

deny contains lib.finding(lib.system(s), sprintf("assessment.%s.published", [a.kind]), msg) if {
	some s in lib.active_systems
	some a in object.get(s, "assessments", [])
	a.kind in {"pia", "dpia"}
	object.get(a, "completed", true) != false
	object.get(a, "published", false) != true
	not a.summary_url
	msg := sprintf("system %s has a %s that is not published and has no public summary_url", [s.id, upper(a.kind)])
}
