# METADATA
# title: GDPR DPIA triggers
# description: |
#   Under GDPR Art 35(3) and the WP248 guidelines (UK GDPR alike), a
#   controller must complete a data protection impact assessment (DPIA)
#   before large-scale public-space monitoring, large-scale special-category
#   or biometric processing, profiling with significant effects, or
#   processing that meets two or more WP248 criteria. Biometric and
#   special-category data are personal data, so a system that states them is
#   in scope even if data.personal is not stated.
# related_resources:
#   - ref: https://eur-lex.europa.eu/eli/reg/2016/679/oj
#     description: GDPR Art 35(1) and 35(3)
#   - ref: https://ec.europa.eu/newsroom/article29/items/611236
#     description: Article 29 Working Party WP248 rev.01, DPIA guidelines
#   - ref: https://www.edpb.europa.eu/our-work-tools/our-documents/guidelines/guidelines-32019-processing-personal-data-through-video_en
#     description: EDPB Guidelines 3/2019 on video devices, section 10 (DPIA)
# custom:
#   id: PRIV-002
#   severity: critical
#   area: privacy
#   gsca_principle: transparency_privacy
#   gsca_policy: privacy_impact_assessment
#   profiles: [eu, uk]
#   sources:
#     - kind: law
#       title: GDPR
#       clause: Art 35(1), 35(3)(a)-(c)
#       url: https://eur-lex.europa.eu/eli/reg/2016/679/oj
#       version: (EU) 2016/679
#     - kind: law
#       title: UK GDPR
#       clause: Art 35
#       url: https://www.legislation.gov.uk/eur/2016/679/article/35
#       version: retained (EU) 2016/679, as amended
#     - kind: practice
#       title: WP248
#       clause: section III.B.a (nine criteria)
#       url: https://ec.europa.eu/newsroom/article29/items/611236
#       version: rev.01 (2017), endorsed by the EDPB
#     - kind: practice
#       title: EDPB Guidelines 3/2019
#       clause: section 10
#       url: https://www.edpb.europa.eu/our-work-tools/our-documents/guidelines/guidelines-32019-processing-personal-data-through-video_en
#       version: "2.0 (2020)"
#   messages:
#     none: "system {id} requires a DPIA ({reasons}) and has none (assessment \"dpia\")"
#     not_completed: "system {id} requires a DPIA ({reasons}) and its DPIA is not completed"
#   remediation: >-
#     Complete a DPIA before the processing starts and record it on the
#     system as assessment "dpia" { date = "YYYY-MM-DD" } (completed = true
#     or absent). State data.personal; data.public_space_monitoring on
#     sensors and systems in public space; and data.scale where the system
#     monitors public space or holds special-category or biometric data.
#   fields:
#     - data.personal
#     - sensing
#     - public_space
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

# sensitive: special-category or biometric data is personal data by
# definition (GDPR Art 4(14), 9(1)), whatever data.personal says.
sensitive(s) if s.data.special_category == true

sensitive(s) if s.data.biometric == true

in_scope(s) if lib.personal_or_unknown(s)

in_scope(s) if {
	object.get(s, ["data", "personal"], null) == null
	sensitive(s)
}

# applicable: the systems that are not retired and process personal data,
# or must say whether they do and have not.
applicable := [s | some s in lib.active_systems; in_scope(s)]

applies contains lib.system(s) if some s in applicable

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

triggers[s.id] contains concat(" ", [format_int(n, 10), "WP248 criteria"]) if {
	some s in applicable
	n := count(object.get(s, ["data", "wp248_criteria"], []))
	n >= 2
}

# by_id finds an applicable system by its id. Results below carry ids, not
# whole systems: sets of system objects hash every object, which made a
# 600-system bid cost seconds.
by_id := {s.id: s | some s in applicable}

# triggered maps each system that meets a trigger to the triggers it
# meets, listed.
# (A comprehension, computed once: a rule looked up by key would evaluate
# every trigger again for each system.)
triggered := {id: concat(", ", sort(ts)) | some id, ts in triggers}

# undecided are the applicable systems that meet no trigger: a field that
# could trigger a DPIA and is not stated leaves the rule undecided.
undecided := [s | some s in applicable; not triggered[s.id]]

# scale_matters: a stated flag makes the scale decide the trigger.
scale_matters(s) if s.data.public_space_monitoring == true

scale_matters(s) if sensitive(s)

unstated contains [s.id, "data.personal"] if {
	some s in undecided
	lib.personal_unknown(s)
	not sensitive(s)
}

unstated contains [s.id, "data.scale"] if {
	some s in undecided
	scale_matters(s)
	object.get(s, ["data", "scale"], null) == null
}

# observes: a sensor or a system in public space; whether it monitors
# public space decides the first trigger.
observes(s) if count(object.get(s, "sensing", [])) > 0

observes(s) if object.get(s, "public_space", null) == true

unstated contains [s.id, "data.public_space_monitoring"] if {
	some s in undecided
	observes(s)
	object.get(s, ["data", "public_space_monitoring"], null) == null
}

unstated contains [s.id, "ai.significant_effect"] if {
	some s in undecided
	s.ai.profiling == true
	object.get(s, ["ai", "significant_effect"], null) == null
}

deny contains lib.not_stated(lib.system(by_id[id]), field) if some [id, field] in unstated

dpias(s) := [a | some a in object.get(s, "assessments", []); a.kind == "dpia"]

completed_dpia(s) if {
	some a in dpias(s)
	object.get(a, "completed", true) != false
}

deny contains lib.fail(lib.system(s), "assessment.dpia.date", "none", {"id": s.id, "reasons": reasons}) if {
	some id, reasons in triggered
	s := by_id[id]
	count(dpias(s)) == 0
}

deny contains lib.fail(lib.system(s), "assessment.dpia.completed", "not_completed", {"id": s.id, "reasons": reasons}) if {
	some id, reasons in triggered
	s := by_id[id]
	count(dpias(s)) > 0
	not completed_dpia(s)
}
