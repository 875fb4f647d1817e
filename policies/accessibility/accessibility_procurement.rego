# METADATA
# title: Accessibility in procurement
# description: |
#   A vendor's user-facing solution must come with an accessibility
#   conformance report (ACR/VPAT) against EN 301 549 or Section 508, so the
#   city can check accessibility before it buys; without one the award is
#   blocked.
# related_resources:
#   - ref: https://www.itic.org/policy/accessibility/vpat
#     description: ITI Voluntary Product Accessibility Template (VPAT)
#   - ref: https://eur-lex.europa.eu/eli/dir/2014/24/oj
#     description: Directive 2014/24/EU, Art 42 (technical specifications)
# custom:
#   id: ACC-004
#   severity: high
#   principle: accessibility
#   controls:
#     - GSCA-ACC
#     - SC4A guide
#     - Dir. 2014/24 Art 42
#   remediation: >-
#     Require the vendor's accessibility conformance report (ACR/VPAT against
#     EN 301 549 or Section 508) and set evidence.accessibility_report to its
#     reference.
#   fields:
#     - vendor
#     - evidence.accessibility_report
package citygate.rules.accessibility.accessibility_procurement

import data.citygate.lib

deny contains lib.finding(lib.system(s), "evidence.accessibility_report", msg) if {
	some s in lib.user_facing_systems
	s.vendor
	not s.evidence.accessibility_report
	msg := sprintf("system %s is a user-facing solution from vendor %s with no accessibility conformance report (evidence.accessibility_report)", [s.id, s.vendor])
}
