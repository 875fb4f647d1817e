# METADATA
# title: Privacy officer
# description: |
#   The city must name a privacy officer who is accountable for personal data
#   across its systems; public bodies under the GDPR must designate a data
#   protection officer (DPO).
# related_resources:
#   - ref: https://eur-lex.europa.eu/eli/reg/2016/679/oj
#     description: GDPR Art 37(1)(a)
# custom:
#   id: PRIV-004
#   severity: high
#   principle: privacy
#   controls:
#     - GDPR 37(1)(a)
#   remediation: >-
#     Add role "privacy_officer" { holder = "<name>" } to the city block (the
#     DPO for EU and UK public bodies).
#   fields:
#     - role.privacy_officer
#     - role.privacy_officer.holder
package citygate.rules.privacy.privacy_officer

import data.citygate.lib

roles := [r | some r in object.get(input.city, "roles", []); r.name == "privacy_officer"]

deny contains lib.finding(lib.city, "role.privacy_officer", msg) if {
	input.city
	count(roles) == 0
	msg := sprintf("city %s names no privacy officer (role \"privacy_officer\")", [input.city.id])
}

deny contains lib.finding(lib.city, "role.privacy_officer.holder", msg) if {
	some r in roles
	not r.holder
	msg := sprintf("city %s has a privacy_officer role with no holder", [input.city.id])
}
