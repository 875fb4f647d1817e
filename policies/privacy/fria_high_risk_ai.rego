# METADATA
# title: FRIA for high-risk AI
# description: |
#   A public body deploying a high-risk AI system must carry out a
#   fundamental rights impact assessment (FRIA) before first use, as the EU
#   AI Act requires of deployers of Annex III systems.
# related_resources:
#   - ref: https://eur-lex.europa.eu/eli/reg/2024/1689/oj
#     description: EU AI Act Art 27 and Annex III
# custom:
#   id: PRIV-007
#   severity: high
#   principle: privacy
#   controls:
#     - EU AI Act 27
#     - EU AI Act Annex III
#   remediation: >-
#     Carry out a fundamental rights impact assessment before first use and
#     record it on the system as assessment "fria" { date = "YYYY-MM-DD" },
#     dated no later than go_live.
#   fields:
#     - ai.risk_class
#     - deployer
#     - go_live
#     - assessment.fria.date
#     - assessment.fria.completed
package citygate.rules.privacy.fria_high_risk_ai

import data.citygate.lib

# applicable: the high-risk AI systems, not retired, deployed by a public body.
applicable := [s |
	some s in lib.active_systems
	s.ai.risk_class == "high"
	lib.public_body(s)
]

# frias are the system's completed FRIA blocks.
frias(s) := [a | some a in object.get(s, "assessments", []); a.kind == "fria"; object.get(a, "completed", true) != false]

# before_first_use: some completed FRIA is dated no later than go-live; any
# dated FRIA counts while go_live is not set.
before_first_use(s) if {
	some a in frias(s)
	a.date
	not s.go_live
}

before_first_use(s) if {
	some a in frias(s)
	lib.date_ns(a.date) <= lib.date_ns(s.go_live)
}

dated(s) if {
	some a in frias(s)
	a.date
}

deny contains lib.finding(lib.system(s), "assessment.fria.date", msg) if {
	some s in applicable
	count(frias(s)) == 0
	msg := sprintf("system %s is a high-risk AI system deployed by a public body with no completed FRIA (assessment \"fria\")", [s.id])
}

deny contains lib.finding(lib.system(s), "assessment.fria.date", msg) if {
	some s in applicable
	count(frias(s)) > 0
	not dated(s)
	msg := sprintf("system %s has a FRIA with no date, so it cannot be shown to precede first use", [s.id])
}

deny contains lib.finding(lib.system(s), "assessment.fria.date", msg) if {
	some s in applicable
	dated(s)
	not before_first_use(s)
	msg := sprintf("system %s is a high-risk AI system with no FRIA dated on or before go_live %s", [s.id, s.go_live])
}
