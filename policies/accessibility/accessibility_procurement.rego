# METADATA
# title: Accessibility in procurement
# description: |
#   A vendor's user-facing solution must come with an accessibility
#   conformance report (ACR/VPAT) against EN 301 549 or Section 508, so the
#   city can check accessibility before it buys; a solution that states no
#   report is not stated, and the award is blocked. This is what the
#   Alliance's ICT Accessibility model policy asks of procurement; in the EU,
#   Directive 2014/24/EU Art 42(1) makes accessibility part of the technical
#   specifications.
# related_resources:
#   - ref: https://globalsmartcitiesalliance.org/?p=244
#     description: G20 Global Smart Cities Alliance, ICT Accessibility model policy
#   - ref: https://www.itic.org/policy/accessibility/vpat
#     description: ITI Voluntary Product Accessibility Template (VPAT)
#   - ref: https://eur-lex.europa.eu/eli/dir/2014/24/oj
#     description: Directive 2014/24/EU, Art 42 (technical specifications)
# custom:
#   id: ACC-004
#   severity: high
#   area: accessibility
#   gsca_principle: equity_inclusion_societal_impact
#   gsca_policy: ict_accessibility
#   sources:
#     - kind: gsca
#       title: GSCA ICT Accessibility model policy
#       clause: tendering and contracts
#       url: https://globalsmartcitiesalliance.org/?p=244
#     - kind: law
#       title: Dir. 2014/24/EU
#       clause: Art 42(1)
#       url: https://eur-lex.europa.eu/eli/dir/2014/24/oj
#       version: Directive 2014/24/EU
#     - kind: standard
#       title: EN 301 549
#       url: https://www.etsi.org/deliver/etsi_en/301500_301599/301549/03.02.01_60/en_301549v030201p.pdf
#       version: V3.2.1 (2021-03)
#     - kind: practice
#       title: ITI VPAT
#       clause: Accessibility Conformance Report
#       url: https://www.itic.org/policy/accessibility/vpat
#       version: "2.5"
#     - kind: practice
#       title: Smart Cities for All procurement guide
#       url: https://smartcities4all.org/
#   remediation: >-
#     Require the vendor's accessibility conformance report (ACR/VPAT against
#     EN 301 549 or Section 508) and set evidence.accessibility_report to its
#     reference.
#   fields:
#     - stage
#     - vendor
#     - public_facing
#     - user_facing
#     - category
#     - evidence.accessibility_report
package citygate.rules.accessibility.accessibility_procurement

import data.citygate.lib

# solutions: the active user-facing systems a vendor supplies (bids and
# deployed solutions alike).
solutions := [s | some s in lib.user_facing_systems; s.vendor]

applies contains lib.system(s) if some s in solutions

# Any stated report satisfies the rule; the field is a reference, so only
# its absence is a finding. object.get, because OPA evaluates a ref
# argument before the negation.
deny contains lib.not_stated(lib.system(s), "evidence.accessibility_report") if {
	some s in solutions
	not lib.stated(object.get(s, ["evidence", "accessibility_report"], null))
}
