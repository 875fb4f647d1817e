# METADATA
# title: WCAG AA
# description: |
#   A user-facing web, app or kiosk service must conform to WCAG 2.1 level AA
#   at least (EN 301 549 V3.2.1 clauses 9-11 incorporate it); WCAG 2.2 AA is
#   the target. Older versions, level A or no stated conformance fail.
# related_resources:
#   - ref: https://www.w3.org/TR/WCAG22/
#     description: Web Content Accessibility Guidelines (WCAG) 2.2
#   - ref: https://www.etsi.org/deliver/etsi_en/301500_301599/301549/03.02.01_60/en_301549v030201p.pdf
#     description: EN 301 549 V3.2.1, clauses 9-11
# custom:
#   id: ACC-001
#   severity: high
#   principle: accessibility
#   controls:
#     - GSCA-ACC
#     - EN 301 549 V3.2.1 cl.9-11
#     - WAD Art 4
#     - ADA Title II (28 CFR 35)
#   remediation: >-
#     Bring the interface to WCAG 2.1 AA or better (target WCAG 2.2 AA) and
#     set accessibility.standard to "WCAG 2.1", "WCAG 2.2" or "EN 301 549"
#     and accessibility.level to "AA" or "AAA".
#   fields:
#     - accessibility.standard
#     - accessibility.level
package citygate.rules.accessibility.wcag_aa

import data.citygate.lib

# Standards at or above WCAG 2.1 (EN 301 549 V3.2.1 incorporates WCAG 2.1).
standards := {"WCAG 2.1", "WCAG 2.2", "EN 301 549"}

levels := {"AA", "AAA"}

deny contains lib.finding(lib.system(s), "accessibility.standard", msg) if {
	some s in lib.user_facing_systems
	standard := object.get(s, ["accessibility", "standard"], "not set")
	not standard in standards
	msg := sprintf("system %s is user-facing and states accessibility.standard = %s, below WCAG 2.1 (target WCAG 2.2 AA)", [s.id, standard])
}

deny contains lib.finding(lib.system(s), "accessibility.level", msg) if {
	some s in lib.user_facing_systems
	level := object.get(s, ["accessibility", "level"], "not set")
	not level in levels
	msg := sprintf("system %s is user-facing and states accessibility.level = %s, below AA (target WCAG 2.2 AA)", [s.id, level])
}
