# METADATA
# title: Kiosks and closed ICT
# description: |
#   A kiosk is closed ICT: people cannot bring their own assistive technology,
#   so it needs evidence against EN 301 549 clause 5.1 (closed functionality:
#   speech output, tactile input, reach) and clause 8 (hardware).
# related_resources:
#   - ref: https://www.etsi.org/deliver/etsi_en/301500_301599/301549/03.02.01_60/en_301549v030201p.pdf
#     description: EN 301 549 V3.2.1, clauses 5.1 and 8
#   - ref: https://eur-lex.europa.eu/eli/dir/2019/882/oj
#     description: European Accessibility Act, Directive (EU) 2019/882
# custom:
#   id: ACC-005
#   severity: high
#   principle: accessibility
#   controls:
#     - EN 301 549
#     - EAA 2019/882
#   remediation: >-
#     Obtain test evidence for EN 301 549 clause 5.1 (closed functionality)
#     and clause 8 (hardware) and list them in
#     accessibility.en301549_clauses, e.g. ["5.1", "8"].
#   fields:
#     - category
#     - accessibility.en301549_clauses
package citygate.rules.accessibility.kiosk_accessibility

import data.citygate.lib

required := ["5.1", "8"]

# covered: clause c, or one of its subclauses, has evidence.
covered(clauses, c) if c in clauses

covered(clauses, c) if {
	some x in clauses
	startswith(x, concat("", [c, "."]))
}

deny contains lib.finding(lib.system(s), "accessibility.en301549_clauses", msg) if {
	some s in lib.active_systems
	s.category == "kiosk"
	clauses := object.get(s, ["accessibility", "en301549_clauses"], [])
	missing := [c | some c in required; not covered(clauses, c)]
	count(missing) > 0
	msg := sprintf("kiosk %s has no EN 301 549 evidence for clause %s (accessibility.en301549_clauses)", [s.id, concat(" and ", missing)])
}
