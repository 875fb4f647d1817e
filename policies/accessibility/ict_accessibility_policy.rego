# METADATA
# title: City ICT accessibility procurement policy
# description: |
#   The city has formally adopted an ICT accessibility procurement policy,
#   so that every ICT it buys or builds must be accessible to recognised
#   standards (EN 301 549, WCAG) — the Alliance's ICT Accessibility model
#   policy. A city block without policy "ict_accessibility" is not stated;
#   a policy marked adopted = false fails. The rule is the Alliance's, so it
#   applies everywhere; in the EU, Directive 2014/24/EU Art 42(1) already
#   makes accessibility part of the technical specifications of procurement
#   for use by people.
# related_resources:
#   - ref: https://globalsmartcitiesalliance.org/?p=244
#     description: G20 Global Smart Cities Alliance, ICT Accessibility model policy
#   - ref: https://eur-lex.europa.eu/eli/dir/2014/24/oj
#     description: Directive 2014/24/EU, Art 42(1) (technical specifications)
# custom:
#   id: ACC-008
#   severity: medium
#   area: accessibility
#   gsca_principle: equity_inclusion_societal_impact
#   gsca_policy: ict_accessibility
#   sources:
#     - kind: gsca
#       title: GSCA ICT Accessibility model policy
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
#   messages:
#     not_adopted: "city {id} has an ict_accessibility policy that is not adopted (adopted = false)"
#   remediation: >-
#     Adopt an ICT accessibility procurement policy (the Alliance's model
#     policy is a starting point) and add a policy "ict_accessibility" block
#     to the city with adopted = true, adopted_on and url.
#   fields:
#     - policy.ict_accessibility
#     - policy.ict_accessibility.adopted
package citygate.rules.accessibility.ict_accessibility_policy

import data.citygate.lib

# A city-level rule: a bid (no city block) is not in scope.
applies contains lib.city if input.city

deny contains lib.not_stated(lib.city, "policy.ict_accessibility") if {
	input.city
	not lib.policy("ict_accessibility")
}

deny contains lib.not_stated(lib.city, "policy.ict_accessibility.adopted") if {
	p := lib.policy("ict_accessibility")
	not lib.stated(object.get(p, "adopted", null))
}

deny contains lib.fail(lib.city, "policy.ict_accessibility.adopted", "not_adopted", {"id": input.city.id}) if {
	lib.policy("ict_accessibility").adopted == false
}
