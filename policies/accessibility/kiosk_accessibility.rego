# METADATA
# title: Kiosks and closed ICT
# description: |
#   A kiosk is closed ICT: people cannot bring their own assistive technology,
#   so it needs evidence against EN 301 549 clause 5.1 (closed functionality:
#   speech output, tactile input, reach) and clause 8 (hardware). A kiosk
#   that lists no clauses is not stated. The rule follows the standard that
#   the Alliance's ICT Accessibility model policy points procurement to, so
#   it applies everywhere; in the EU the European Accessibility Act also
#   covers ticketing, check-in and information terminals.
# related_resources:
#   - ref: https://www.etsi.org/deliver/etsi_en/301500_301599/301549/03.02.01_60/en_301549v030201p.pdf
#     description: EN 301 549 V3.2.1, clauses 5.1 and 8
#   - ref: https://eur-lex.europa.eu/eli/dir/2019/882/oj
#     description: European Accessibility Act, Directive (EU) 2019/882
# custom:
#   id: ACC-005
#   severity: high
#   area: accessibility
#   gsca_principle: equity_inclusion_societal_impact
#   gsca_policy: ict_accessibility
#   sources:
#     - kind: standard
#       title: EN 301 549
#       clause: cl.5.1, cl.8
#       url: https://www.etsi.org/deliver/etsi_en/301500_301599/301549/03.02.01_60/en_301549v030201p.pdf
#       version: V3.2.1 (2021-03)
#     - kind: gsca
#       title: GSCA ICT Accessibility model policy
#       url: https://globalsmartcitiesalliance.org/?p=244
#     - kind: law
#       title: EAA
#       clause: Art 2(1)(b), Annex I
#       url: https://eur-lex.europa.eu/eli/dir/2019/882/oj
#       version: Directive (EU) 2019/882
#   messages:
#     missing_clauses: "kiosk {id} has no EN 301 549 evidence for clause {clauses} (accessibility.en301549_clauses)"
#   remediation: >-
#     Obtain test evidence for EN 301 549 clause 5.1 (closed functionality)
#     and clause 8 (hardware) and list them in
#     accessibility.en301549_clauses, e.g. ["5.1", "8"].
#   fields:
#     - stage
#     - category
#     - accessibility.en301549_clauses
package citygate.rules.accessibility.kiosk_accessibility

import data.citygate.lib

required := ["5.1", "8"]

kiosks := [s | some s in lib.active_systems; s.category == "kiosk"]

applies contains lib.system(s) if some s in kiosks

# covered: clause c, or one of its subclauses, has evidence.
covered(clauses, c) if c in clauses

covered(clauses, c) if {
	some x in clauses
	startswith(x, concat("", [c, "."]))
}

# clauses(s) is the kiosk's stated list, null when it states none. object.get,
# because OPA evaluates a ref argument before a negation.
clauses(s) := object.get(s, ["accessibility", "en301549_clauses"], null)

deny contains lib.not_stated(lib.system(s), "accessibility.en301549_clauses") if {
	some s in kiosks
	not lib.stated(clauses(s))
}

deny contains lib.fail(lib.system(s), "accessibility.en301549_clauses", "missing_clauses", {"id": s.id, "clauses": concat(" and ", missing)}) if {
	some s in kiosks
	listed := clauses(s)
	lib.stated(listed)
	missing := [c | some c in required; not covered(listed, c)]
	count(missing) > 0
}
