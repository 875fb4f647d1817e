# METADATA
# title: Privacy officer
# description: |
#   The city must name a privacy officer who is accountable for personal data
#   across its systems (ISO/IEC 27701 asks for a person responsible for the
#   privacy programme and a point of contact). Under the GDPR and UK GDPR a
#   public body must designate a data protection officer (DPO), who can hold
#   this role.
# related_resources:
#   - ref: https://www.iso.org/standard/71670.html
#     description: ISO/IEC 27701, 6.3.1.1
#   - ref: https://eur-lex.europa.eu/eli/reg/2016/679/oj
#     description: GDPR Art 37(1)(a)
# custom:
#   id: PRIV-004
#   severity: high
#   area: privacy
#   gsca_principle: transparency_privacy
#   sources:
#     - kind: standard
#       title: ISO/IEC 27701
#       clause: 6.3.1.1
#       url: https://www.iso.org/standard/71670.html
#       version: "2019"
#     - kind: law
#       title: GDPR
#       clause: Art 37(1)(a)
#       url: https://eur-lex.europa.eu/eli/reg/2016/679/oj
#       version: (EU) 2016/679
#   messages:
#     no_role: "city {id} names no privacy officer (role \"privacy_officer\")"
#   remediation: >-
#     Add role "privacy_officer" { holder = "<name>" } to the city block (the
#     DPO for EU and UK public bodies).
#   fields:
#     - role.privacy_officer
#     - role.privacy_officer.holder
package citygate.rules.privacy.privacy_officer

import data.citygate.lib

applies contains lib.city if input.city

roles := [r | some r in object.get(input.city, "roles", []); r.name == "privacy_officer"]

deny contains lib.fail(lib.city, "role.privacy_officer", "no_role", {"id": input.city.id}) if {
	input.city
	count(roles) == 0
}

# A role nobody holds names no one: the holder is what must be stated.
deny contains lib.not_stated(lib.city, "role.privacy_officer.holder") if {
	some r in roles
	object.get(r, "holder", null) == null
}
