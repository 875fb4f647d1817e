# METADATA
# title: Alternative channels
# description: |
#   An essential public service must stay reachable for people who cannot
#   use the digital channel (disabled and older people, people with low
#   literacy): it needs an assisted or offline channel, and it must be
#   offered in every official language of the city. The UN Convention on
#   the Rights of Persons with Disabilities obliges states parties to
#   provide live assistance and other forms of assistance that ensure access
#   to information and services open to the public (Art 9); the UK Service
#   Standard asks for assisted support beside the digital channel. The
#   languages are the city's own declaration (city.official_languages); a
#   city that declares none is not stated. EN 301 549 clause 12, cited
#   before, covers product documentation and support services, not
#   alternative channels.
# related_resources:
#   - ref: https://www.ohchr.org/en/instruments-mechanisms/instruments/convention-rights-persons-disabilities
#     description: UN Convention on the Rights of Persons with Disabilities, Art 9
#   - ref: https://www.gov.uk/service-manual/service-standard/point-5-make-sure-everyone-can-use-the-service
#     description: UK Service Standard, point 5 (make sure everyone can use the service)
# custom:
#   id: ACC-007
#   severity: medium
#   area: accessibility
#   gsca_principle: equity_inclusion_societal_impact
#   sources:
#     - kind: law
#       title: UN CRPD
#       clause: Art 9(1), 9(2)(e)-(f)
#       url: https://www.ohchr.org/en/instruments-mechanisms/instruments/convention-rights-persons-disabilities
#       version: A/RES/61/106 (2006)
#     - kind: practice
#       title: UK Service Standard
#       clause: point 5
#       url: https://www.gov.uk/service-manual/service-standard/point-5-make-sure-everyone-can-use-the-service
#   messages:
#     no_alternative: "system {id} delivers an essential service with no assisted or offline channel (channels.assisted, channels.offline_alternative)"
#     missing_languages: "system {id} delivers an essential service not offered in the official language(s) {languages} (channels.languages)"
#   remediation: >-
#     Offer an offline channel (phone, counter, paper) or an assisted digital
#     channel and set channels.offline_alternative = true or channels.assisted
#     = true, and offer the service in each of the city's official_languages,
#     listing them in channels.languages.
#   fields:
#     - stage
#     - public_facing
#     - user_facing
#     - category
#     - essential_service
#     - channels.offline_alternative
#     - channels.assisted
#     - channels.languages
#     - city.official_languages
package citygate.rules.accessibility.alternative_channels

import data.citygate.lib

# applicable: the user-facing essential services that are not retired.
applicable := [s | some s in lib.user_facing_systems; s.essential_service == true]

applies contains lib.system(s) if some s in applicable

# The city is in scope when it runs an essential service: its official
# languages decide the language half of the rule.
applies contains lib.city if {
	input.city
	count(applicable) > 0
}

# channel(s, f) is channels.f, null when not stated. object.get, because OPA
# evaluates a ref argument before a negation.
channel(s, f) := object.get(s, ["channels", f], null)

official_languages := object.get(input.city, "official_languages", null)

# offered: the service is offered in language l (BCP 47, case-insensitive;
# a regional variant such as pt-PT covers pt).
offered(s, l) if {
	some x in s.channels.languages
	lower(x) == lower(l)
}

offered(s, l) if {
	some x in s.channels.languages
	startswith(lower(x), concat("", [lower(l), "-"]))
}

# reachable: an assisted or offline channel exists.
reachable(s) if s.channels.offline_alternative == true

reachable(s) if s.channels.assisted == true

# Neither channel is there: each one not stated is not stated; both stated
# false is a failure.
deny contains lib.not_stated(lib.system(s), concat(".", ["channels", f])) if {
	some s in applicable
	not reachable(s)
	some f in ["offline_alternative", "assisted"]
	not lib.stated(channel(s, f))
}

deny contains lib.fail(lib.system(s), "channels.offline_alternative", "no_alternative", {"id": s.id}) if {
	some s in applicable
	s.channels.offline_alternative == false
	s.channels.assisted == false
}

deny contains lib.not_stated(lib.city, "official_languages") if {
	input.city
	count(applicable) > 0
	not lib.stated(official_languages)
}

deny contains lib.not_stated(lib.system(s), "channels.languages") if {
	lib.stated(official_languages)
	some s in applicable
	not lib.stated(channel(s, "languages"))
}

deny contains lib.fail(lib.system(s), "channels.languages", "missing_languages", {"id": s.id, "languages": concat(", ", missing)}) if {
	lib.stated(official_languages)
	some s in applicable
	lib.stated(channel(s, "languages"))
	missing := sort([l | some l in official_languages; not offered(s, l)])
	count(missing) > 0
}
