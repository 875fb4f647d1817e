# METADATA
# title: Social impact assessment and community engagement
# description: |
#   Every active resident-facing system (one people use directly: public or
#   user facing, web services, apps, kiosks; or one installed in or
#   observing public space, public_space = true) has a completed social
#   impact assessment (assessment "social_impact" with completed = true) and
#   engaged the community beyond a consultation date
#   (engagement.community_engagement = true). A missing assessment, its
#   completed flag or community_engagement is not stated; false is a
#   failure.
# related_resources:
#   - ref: https://globalsmartcitiesalliance.org/global/
#     description: G20 Global Smart Cities Alliance guiding principle 5, Equity, Inclusion and Societal Impact
#   - ref: https://www.iaia.org/
#     description: International Association for Impact Assessment, Social Impact Assessment International Principles
#   - ref: https://legalinstruments.oecd.org/en/instruments/OECD-LEGAL-0438
#     description: OECD Recommendation of the Council on Open Government (stakeholder participation)
# custom:
#   id: EQ-001
#   severity: medium
#   area: equity
#   gsca_principle: equity_inclusion_societal_impact
#   sources:
#     - kind: gsca
#       title: GSCA guiding principles
#       clause: "5 Equity, Inclusion and Societal Impact"
#       url: https://globalsmartcitiesalliance.org/global/
#     - kind: practice
#       title: IAIA Social Impact Assessment International Principles
#       url: https://www.iaia.org/
#       version: "2003"
#     - kind: practice
#       title: OECD Recommendation on Open Government
#       clause: stakeholder participation
#       url: https://legalinstruments.oecd.org/en/instruments/OECD-LEGAL-0438
#       version: "2017"
#   messages:
#     assessment_incomplete: "system {id} serves or observes residents and its social impact assessment is not completed (completed = false)"
#     no_community_engagement: "system {id} serves or observes residents and did not engage the community (engagement.community_engagement = false)"
#   remediation: >-
#     Assess the system's social impact (who benefits, who is burdened or
#     left out, and how) and record it as assessment "social_impact" with
#     completed = true; engage the residents it serves or observes (not only
#     a consultation date) and set engagement.community_engagement = true.
#   fields:
#     - public_facing
#     - user_facing
#     - category
#     - public_space
#     - assessment.social_impact
#     - assessment.social_impact.completed
#     - engagement.community_engagement
package citygate.rules.equity.social_impact

import data.citygate.lib

resident_facing(s) if lib.user_facing(s)

resident_facing(s) if object.get(s, "public_space", null) == true

applicable := [s | some s in lib.active_systems; resident_facing(s)]

applies contains lib.system(s) if some s in applicable

# assessments(s) are the system's social impact assessments; one completed
# assessment is enough.
assessments(s) := [a | some a in object.get(s, "assessments", []); a.kind == "social_impact"]

completed(s) if {
	some a in assessments(s)
	a.completed == true
}

deny contains lib.not_stated(lib.system(s), "assessment.social_impact") if {
	some s in applicable
	count(assessments(s)) == 0
}

deny contains lib.fail(lib.system(s), "assessment.social_impact.completed", "assessment_incomplete", {"id": s.id}) if {
	some s in applicable
	not completed(s)
	some a in assessments(s)
	a.completed == false
}

deny contains lib.not_stated(lib.system(s), "assessment.social_impact.completed") if {
	some s in applicable
	count(assessments(s)) > 0
	every a in assessments(s) {
		not lib.stated(object.get(a, "completed", null))
	}
}

deny contains lib.not_stated(lib.system(s), "engagement.community_engagement") if {
	some s in applicable
	not lib.stated(object.get(s, ["engagement", "community_engagement"], null))
}

deny contains lib.fail(lib.system(s), "engagement.community_engagement", "no_community_engagement", {"id": s.id}) if {
	some s in applicable
	object.get(s, ["engagement", "community_engagement"], null) == false
}
