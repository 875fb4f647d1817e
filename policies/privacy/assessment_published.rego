# METADATA
# title: Assessment made public
# description: |
#   A completed privacy impact assessment (PIA) or DPIA should be published,
#   in full or as a public summary, so residents can see how the city weighed
#   the privacy risks of a system. The Alliance's PIA model policy asks for
#   it; the GDPR does not require a DPIA to be published, but WP248
#   recommends publishing at least a summary.
# related_resources:
#   - ref: https://globalsmartcitiesalliance.org/?tag=privacy-impact-assessment
#     description: G20 Global Smart Cities Alliance, Privacy Impact Assessment model policy
#   - ref: https://ec.europa.eu/newsroom/article29/items/611236
#     description: Article 29 Working Party WP248 rev.01, DPIA guidelines
# custom:
#   id: PRIV-003
#   severity: medium
#   area: privacy
#   gsca_principle: transparency_privacy
#   gsca_policy: privacy_impact_assessment
#   sources:
#     - kind: gsca
#       title: GSCA Privacy Impact Assessment model policy
#       url: https://globalsmartcitiesalliance.org/?tag=privacy-impact-assessment
#       version: v1.0 (Nov 2020)
#     - kind: standard
#       title: ISO/IEC 29134
#       clause: 6.5.2
#       url: https://www.iso.org/standard/62289.html
#       version: "2017"
#     - kind: practice
#       title: WP248
#       clause: section III.C(d) (publishing a DPIA)
#       url: https://ec.europa.eu/newsroom/article29/items/611236
#       version: rev.01 (2017), endorsed by the EDPB
#   messages:
#     unpublished: "system {id} has a {kind} that is not published and has no public summary_url"
#   remediation: >-
#     Publish the assessment and set published = true in its assessment
#     "pia" or assessment "dpia" block, or publish a summary and set
#     summary_url to its address.
#   fields:
#     - assessment.pia.completed
#     - assessment.pia.published
#     - assessment.pia.summary_url
#     - assessment.dpia.completed
#     - assessment.dpia.published
#     - assessment.dpia.summary_url
package citygate.rules.privacy.assessment_published

import data.citygate.lib

# assessed pairs each system that is not retired with its completed PIA and
# DPIA blocks that have no public summary (a summary is enough).
assessed := [[s, a] |
	some s in lib.active_systems
	some a in object.get(s, "assessments", [])
	a.kind in {"pia", "dpia"}
	object.get(a, "completed", true) != false
]

applies contains lib.system(s) if some [s, _] in assessed

unsummarised := [[s, a] | some [s, a] in assessed; object.get(a, "summary_url", null) == null]

deny contains lib.fail(lib.system(s), concat(".", ["assessment", a.kind, "published"]), "unpublished", {"id": s.id, "kind": upper(a.kind)}) if {
	some [s, a] in unsummarised
	a.published == false
}

deny contains lib.not_stated(lib.system(s), concat(".", ["assessment", a.kind, "published"])) if {
	some [s, a] in unsummarised
	object.get(a, "published", null) == null
}
