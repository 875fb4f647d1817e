# METADATA
# title: Alternative channels
# description: |
#   An essential public service must stay reachable for people who cannot
#   use the digital channel (older people, migrants, low literacy): it needs
#   an assisted or offline channel and must be offered in every official
#   language of the city.
# related_resources:
#   - ref: https://globalsmartcitiesalliance.org/?p=244
#     description: G20 Global Smart Cities Alliance, ICT accessibility model policy
#   - ref: https://www.etsi.org/deliver/etsi_en/301500_301599/301549/03.02.01_60/en_301549v030201p.pdf
#     description: EN 301 549 V3.2.1, clause 12 (documentation and support services)
# custom:
#   id: ACC-007
#   severity: medium
#   principle: accessibility
#   controls:
#     - GSCA-ACC
#     - EN 301 549 cl.12
#   remediation: >-
#     Offer an offline channel (phone, counter, paper) or an assisted digital
#     channel and set channels.offline_alternative = true or channels.assisted
#     = true, and offer the service in each of the city's official_languages,
#     listing them in channels.languages.
#   fields:
#     - essential_service
#     - channels.offline_alternative
#     - channels.assisted
#     - channels.languages
#     - city.official_languages
package citygate.rules.accessibility.alternative_channels

import data.citygate.lib

# applicable: the user-facing essential services that are not retired.
applicable := [s | some s in lib.user_facing_systems; s.essential_service == true]

# offered: the service is offered in language l (BCP 47, case-insensitive;
# a regional variant such as pt-PT covers pt).
offered(s, l) if {
	some x in object.get(s, ["channels", "languages"], [])
	lower(x) == lower(l)
}

offered(s, l) if {
	some x in object.get(s, ["channels", "languages"], [])
	startswith(lower(x), concat("", [lower(l), "-"]))
}

deny contains lib.finding(lib.system(s), "channels.offline_alternative", msg) if {
	some s in applicable
	object.get(s, ["channels", "offline_alternative"], false) != true
	object.get(s, ["channels", "assisted"], false) != true
	msg := sprintf("system %s delivers an essential service with no assisted or offline channel (channels.assisted, channels.offline_alternative)", [s.id])
}

deny contains lib.finding(lib.system(s), "channels.languages", msg) if {
	some s in applicable
	missing := sort([l | some l in input.city.official_languages; not offered(s, l)])
	count(missing) > 0
	msg := sprintf("system %s delivers an essential service not offered in the official language(s) %s (channels.languages)", [s.id, concat(", ", missing)])
}
