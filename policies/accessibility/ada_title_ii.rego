# METADATA
# title: ADA Title II web and mobile accessibility
# description: |
#   Under the 2024 Department of Justice rule (28 CFR 35.200-35.205), a
#   public entity's web content and mobile apps must conform to WCAG 2.1
#   level AA. The compliance date is April 24, 2026 for an entity serving a
#   total population of 50,000 or more and April 26, 2027 otherwise; the
#   city's population is not in the inventory schema, so the rule uses the
#   earlier date (a smaller city can waive the finding until 2027). It
#   applies to a public body's user-facing web services and mobile apps
#   (kiosks are outside subpart H). A service that does not state its
#   accessibility standard or level is not stated, before the compliance
#   date too, so the gap is known in time; one below WCAG 2.1 AA (WCAG 2.0,
#   Section 508, level A) fails from the compliance date, judged on the
#   evaluation date. The exceptions of 35.201 (archived content,
#   preexisting documents, third-party content, ...) are not modelled:
#   record one as a waiver.
# related_resources:
#   - ref: https://www.ecfr.gov/current/title-28/chapter-I/part-35/subpart-H
#     description: 28 CFR part 35 subpart H (35.200-35.205)
#   - ref: https://www.federalregister.gov/d/2024-07758
#     description: DOJ final rule, 89 FR 31320 (April 24, 2024)
# custom:
#   id: ACC-009
#   severity: high
#   area: accessibility
#   gsca_principle: equity_inclusion_societal_impact
#   profiles: [us]
#   sources:
#     - kind: law
#       title: ADA Title II
#       clause: 28 CFR 35.200-35.205
#       url: https://www.ecfr.gov/current/title-28/chapter-I/part-35/subpart-H
#       version: 2024 final rule (89 FR 31320)
#     - kind: standard
#       title: WCAG
#       clause: 2.1 level AA
#       url: https://www.w3.org/TR/WCAG21/
#       version: "2.1 (W3C Recommendation)"
#   messages:
#     standard_below: "system {id} is a public entity's web service or app and states accessibility.standard = {standard}, below the WCAG 2.1 AA that ADA Title II requires from {date}"
#     level_below: "system {id} is a public entity's web service or app and states accessibility.level = {level}, below the WCAG 2.1 AA that ADA Title II requires from {date}"
#   remediation: >-
#     Bring the web content or app to WCAG 2.1 AA or better and set
#     accessibility.standard to "WCAG 2.1" or "WCAG 2.2" and
#     accessibility.level to "AA" or "AAA"; a city under 50,000 residents
#     may waive the finding until April 26, 2027.
#   fields:
#     - stage
#     - deployer
#     - category
#     - accessibility.standard
#     - accessibility.level
package citygate.rules.accessibility.ada_title_ii

import data.citygate.lib

# compliance_date is 35.200(b)(1)'s, for entities serving 50,000 or more:
# the earlier of the two, since the population is not in the schema.
compliance_date := "2026-04-24"

# Standards that are WCAG 2.1 AA or include it (EN 301 549 V3.2.1).
standards := {"WCAG 2.1", "WCAG 2.2", "EN 301 549"}

levels := {"AA", "AAA"}

# covered: a public body's web services and mobile apps that are not retired.
covered := [s |
	some s in lib.user_facing_systems
	s.category in {"web_service", "mobile_app"}
	lib.public_body(s)
]

applies contains lib.system(s) if some s in covered

# due: the evaluation date is on or after the compliance date.
due if not lib.before(lib.as_of, compliance_date)

accessibility(s, f) := object.get(s, ["accessibility", f], null)

deny contains lib.not_stated(lib.system(s), concat(".", ["accessibility", f])) if {
	some s in covered
	some f in ["standard", "level"]
	not lib.stated(accessibility(s, f))
}

deny contains lib.fail(lib.system(s), "accessibility.standard", "standard_below", {
	"id": s.id, "standard": s.accessibility.standard, "date": compliance_date,
}) if {
	due
	some s in covered
	lib.stated(accessibility(s, "standard"))
	not s.accessibility.standard in standards
}

deny contains lib.fail(lib.system(s), "accessibility.level", "level_below", {
	"id": s.id, "level": s.accessibility.level, "date": compliance_date,
}) if {
	due
	some s in covered
	lib.stated(accessibility(s, "level"))
	not s.accessibility.level in levels
}
