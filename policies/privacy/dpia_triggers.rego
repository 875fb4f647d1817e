# METADATA
# title: GDPR DPIA triggers
# description: |
#   Under GDPR Art 35(3) and the WP248 guidelines, a city under EU or UK law
#   must complete a data protection impact assessment (DPIA) before
#   large-scale public-space monitoring, large-scale special-category or
#   biometric processing, profiling with significant effects, or processing
#   that meets two or more WP248 criteria.
# related_resources:
#   - ref: https://eur-lex.europa.eu/eli/reg/2016/679/oj
#     description: GDPR Art 35(3)
#   - ref: https://ec.europa.eu/newsroom/article29/items/611236
#     description: Article 29 Working Party WP248 rev.01, DPIA guidelines
# custom:
#   id: PRIV-002
#   severity: critical
#   principle: privacy
#   controls:
#     - GDPR 35(3)(a)-(c)
#     - WP248
#     - EDPB 3/2019 §10
#   remediation: >-
#     Complete a DPIA before the processing starts and record it on the
#     system as assessment "dpia" { date = "YYYY-MM-DD" } (completed = true
#     or absent).
#   fields:
#     - city.jurisdictions
#     - data.personal
#     - data.public_space_monitoring
#     - data.special_category
#     - data.biometric
#     - data.scale
#     - data.wp248_criteria
#     - ai.profiling
#     - ai.significant_effect
#     - assessment.dpia.date
#     - assessment.dpia.completed
package citygate.rules.privacy.dpia_triggers

import data.citygate.lib

# applicable: in an EU/UK city, the systems that are not retired and not
# stated to process no personal data.
applicable := [s |
	lib.eu_uk
	some s in lib.active_systems
	object.get(s, ["data", "personal"], true) != false
]

large(s) if s.data.scale == "large"

# triggers[id] are the DPIA triggers the applicable system with that id meets.
triggers[s.id] contains "large-scale monitoring of public space" if {
	some s in applicable
	large(s)
	s.data.public_space_monitoring == true
}

triggers[s.id] contains "large-scale special-category data" if {
	some s in applicable
	large(s)
	s.data.special_category == true
}

triggers[s.id] contains "large-scale biometric data" if {
	some s in applicable
	large(s)
	s.data.biometric == true
}

triggers[s.id] contains "profiling with significant effect" if {
	some s in applicable
	s.ai.profiling == true
	s.ai.significant_effect == true
}

triggers[s.id] contains sprintf("%d WP248 criteria", [n]) if {
	some s in applicable
	n := count(object.get(s, ["data", "wp248_criteria"], []))
	n >= 2
}

# triggered pairs each applicable system that meets a trigger with the
# triggers it meets, listed.
triggered := [[s, concat(", ", sort(ts))] |
	some id, ts in triggers
	some s in applicable
	s.id == id
]

dpias(s) := [a | some a in object.get(s, "assessments", []); a.kind == "dpia"]

completed_dpia(s) if {
	some a in dpias(s)
	object.get(a, "completed", true) != false
}

deny contains lib.finding(lib.system(s), "assessment.dpia.date", msg) if {
	some [s, reasons] in triggered
	count(dpias(s)) == 0
	msg := sprintf("system %s requires a DPIA (%s) and has none (assessment \"dpia\")", [s.id, reasons])
}

deny contains lib.finding(lib.system(s), "assessment.dpia.completed", msg) if {
	some [s, reasons] in triggered
	count(dpias(s)) > 0
	not completed_dpia(s)
	msg := sprintf("system %s requires a DPIA (%s) and its DPIA is not completed", [s.id, reasons])
}
