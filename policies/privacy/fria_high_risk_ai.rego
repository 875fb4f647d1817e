# METADATA
# title: FRIA for high-risk AI
# description: |
#   Under EU AI Act Art 27, a deployer that is a body governed by public law
#   (or a private entity providing public services) must carry out a
#   fundamental rights impact assessment (FRIA) before first use of a
#   high-risk AI system of Annex III, except those of Annex III point 2:
#   safety components in the management and operation of critical digital
#   infrastructure, road traffic, or the supply of water, gas, heating or
#   electricity. Operational technology (category "ot") is taken to be that
#   critical infrastructure and is exempt. The inventory cannot say whether a
#   private deployer provides public services, so the rule applies to public
#   bodies (deployer absent or "public_body") only.
# related_resources:
#   - ref: https://eur-lex.europa.eu/eli/reg/2024/1689/oj
#     description: EU AI Act Art 27(1) and Annex III
# custom:
#   id: PRIV-007
#   severity: high
#   area: privacy
#   gsca_principle: transparency_privacy
#   profiles: [eu]
#   sources:
#     - kind: law
#       title: EU AI Act
#       clause: Art 27(1)
#       url: https://eur-lex.europa.eu/eli/reg/2024/1689/oj
#       version: (EU) 2024/1689
#     - kind: law
#       title: EU AI Act
#       clause: Annex III (point 2 excepted)
#       url: https://eur-lex.europa.eu/eli/reg/2024/1689/oj
#       version: (EU) 2024/1689
#   messages:
#     none: "system {id} is a high-risk AI system deployed by a public body with no completed FRIA (assessment \"fria\")"
#     after_go_live: "system {id} is a high-risk AI system with no FRIA dated on or before go_live {go_live}"
#   remediation: >-
#     Carry out a fundamental rights impact assessment before first use and
#     record it on the system as assessment "fria" { date = "YYYY-MM-DD" },
#     dated no later than go_live. Every AI system states ai.risk_class, and
#     a system in service states go_live.
#   fields:
#     - ai.risk_class
#     - deployer
#     - category
#     - stage
#     - go_live
#     - assessment.fria.date
#     - assessment.fria.completed
package citygate.rules.privacy.fria_high_risk_ai

import data.citygate.lib

# in_scope: a public body deploys the AI system, and it is not critical
# infrastructure (Annex III point 2).
in_scope(s) if {
	lib.stated(s.ai)
	lib.public_body(s)
	object.get(s, "category", null) != "ot"
}

# candidates are the in-scope AI systems that are not retired: high-risk or
# with no risk class stated.
candidates := [s | some s in lib.active_systems; in_scope(s); object.get(s.ai, "risk_class", null) in {"high", null}]

applies contains lib.system(s) if some s in candidates

deny contains lib.not_stated(lib.system(s), "ai.risk_class") if {
	some s in candidates
	object.get(s.ai, "risk_class", null) == null
}

# applicable: the high-risk AI systems in scope.
applicable := [s | some s in candidates; s.ai.risk_class == "high"]

# frias are the system's completed FRIA blocks.
frias(s) := [a | some a in object.get(s, "assessments", []); a.kind == "fria"; object.get(a, "completed", true) != false]

# dates are the dates of the system's completed, dated FRIAs.
dates(s) := [a.date | some a in frias(s); lib.stated(a.date)]

deny contains lib.fail(lib.system(s), "assessment.fria.date", "none", {"id": s.id}) if {
	some s in applicable
	count(frias(s)) == 0
}

# A completed FRIA with no date cannot be shown to precede first use.
deny contains lib.not_stated(lib.system(s), "assessment.fria.date") if {
	some s in applicable
	count(frias(s)) > 0
	count(dates(s)) == 0
}

# dated pairs each applicable system that has a dated FRIA with its
# earliest FRIA date.
dated := [[s, min(ds)] | some s in applicable; ds := dates(s); count(ds) > 0]

# Before go-live any dated FRIA counts; a system in service must say when
# it went live.
deny contains lib.not_stated(lib.system(s), "go_live") if {
	some [s, _] in dated
	lib.in_service(s)
	object.get(s, "go_live", null) == null
}

deny contains lib.fail(lib.system(s), "assessment.fria.date", "after_go_live", {"id": s.id, "go_live": s.go_live}) if {
	some [s, first] in dated
	lib.stated(s.go_live)
	lib.before(s.go_live, first)
}
