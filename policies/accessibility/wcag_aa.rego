# METADATA
# title: WCAG AA
# description: |
#   A user-facing web, app or kiosk service must conform to WCAG 2.1 level AA
#   at least (EN 301 549 V3.2.1 clauses 9-11 incorporate it); WCAG 2.2 AA is
#   the target. Older versions, level A or no conformance fail; an interface
#   that does not state its standard or level is not stated, never compliant.
#   The rule is the Alliance's ICT Accessibility model policy and the
#   international standards, so it applies everywhere; the EU Web
#   Accessibility Directive, the UK PSBAR and the US ADA Title II rule are
#   cited as the laws that make the same level binding where they apply.
# related_resources:
#   - ref: https://www.w3.org/TR/WCAG22/
#     description: Web Content Accessibility Guidelines (WCAG) 2.2
#   - ref: https://www.etsi.org/deliver/etsi_en/301500_301599/301549/03.02.01_60/en_301549v030201p.pdf
#     description: EN 301 549 V3.2.1, clauses 9-11
# custom:
#   id: ACC-001
#   severity: high
#   area: accessibility
#   gsca_principle: equity_inclusion_societal_impact
#   gsca_policy: ict_accessibility
#   sources:
#     - kind: gsca
#       title: GSCA ICT Accessibility model policy
#       url: https://globalsmartcitiesalliance.org/?p=244
#     - kind: standard
#       title: WCAG
#       clause: level AA
#       url: https://www.w3.org/TR/WCAG22/
#       version: "2.2 (W3C Recommendation)"
#     - kind: standard
#       title: EN 301 549
#       clause: cl.9-11
#       url: https://www.etsi.org/deliver/etsi_en/301500_301599/301549/03.02.01_60/en_301549v030201p.pdf
#       version: V3.2.1 (2021-03)
#     - kind: law
#       title: WAD
#       clause: Art 4, Art 6
#       url: https://eur-lex.europa.eu/eli/dir/2016/2102/oj
#       version: Directive (EU) 2016/2102
#     - kind: law
#       title: UK PSBAR 2018
#       clause: accessibility requirement
#       url: https://www.legislation.gov.uk/uksi/2018/952
#       version: SI 2018/952
#     - kind: law
#       title: ADA Title II
#       clause: 28 CFR 35.200
#       url: https://www.federalregister.gov/d/2024-07758
#       version: 2024 final rule (WCAG 2.1 AA)
#   messages:
#     standard_below: "system {id} is user-facing and states accessibility.standard = {standard}, below WCAG 2.1 (target WCAG 2.2 AA)"
#     level_below: "system {id} is user-facing and states accessibility.level = {level}, below AA (target WCAG 2.2 AA)"
#   remediation: >-
#     Bring the interface to WCAG 2.1 AA or better (target WCAG 2.2 AA) and
#     set accessibility.standard to "WCAG 2.1", "WCAG 2.2" or "EN 301 549"
#     and accessibility.level to "AA" or "AAA".
#   fields:
#     - stage
#     - public_facing
#     - user_facing
#     - category
#     - accessibility.standard
#     - accessibility.level
package citygate.rules.accessibility.wcag_aa

import data.citygate.lib

# Standards at or above WCAG 2.1 (EN 301 549 V3.2.1 incorporates WCAG 2.1).
standards := {"WCAG 2.1", "WCAG 2.2", "EN 301 549"}

levels := {"AA", "AAA"}

# stated(s, f): accessibility.f is there and not null. object.get, because
# OPA evaluates a ref argument before the negation: with the field missing,
# `not lib.stated(s.accessibility.standard)` is undefined, not true.
stated(s, f) if lib.stated(object.get(s, ["accessibility", f], null))

# every active user-facing system: people use its interface directly.
applies contains lib.system(s) if some s in lib.user_facing_systems

deny contains lib.not_stated(lib.system(s), "accessibility.standard") if {
	some s in lib.user_facing_systems
	not stated(s, "standard")
}

deny contains lib.fail(lib.system(s), "accessibility.standard", "standard_below", {"id": s.id, "standard": s.accessibility.standard}) if {
	some s in lib.user_facing_systems
	stated(s, "standard")
	not s.accessibility.standard in standards
}

deny contains lib.not_stated(lib.system(s), "accessibility.level") if {
	some s in lib.user_facing_systems
	not stated(s, "level")
}

deny contains lib.fail(lib.system(s), "accessibility.level", "level_below", {"id": s.id, "level": s.accessibility.level}) if {
	some s in lib.user_facing_systems
	stated(s, "level")
	not s.accessibility.level in levels
}
