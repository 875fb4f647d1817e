# METADATA
# title: Data location
# description: |
#   Personal data stored outside the regions the city allows
#   (city.allowed_data_regions) must rest on a transfer mechanism. The
#   allowed regions are the city's own decision, so the rule applies in every
#   jurisdiction; the laws behind such decisions are its sources: GDPR and
#   UK GDPR Chapter V (transfers need an adequacy decision, standard
#   contractual clauses, binding corporate rules, ...) and data-localisation
#   laws such as Vietnam's Decree 53/2022. Locations and regions are ISO
#   3166-1 alpha-2 codes or region groups from params region_groups (EU,
#   EEA), matched case-insensitively; a group is allowed when all its
#   members are. Any stated transfer_mechanism (adequacy, scc, bcr,
#   derogation, approved_code, certification, uk_idta) counts; where a
#   localisation law forbids a transfer outright, the allowed regions
#   should say so.
# related_resources:
#   - ref: https://eur-lex.europa.eu/eli/reg/2016/679/oj
#     description: GDPR Chapter V, Art 44-46
#   - ref: https://www.iso.org/standard/71670.html
#     description: ISO/IEC 27701, 7.5.1 and 7.5.2
# custom:
#   id: PRIV-011
#   severity: medium
#   area: privacy
#   gsca_principle: transparency_privacy
#   sources:
#     - kind: standard
#       title: ISO/IEC 27701
#       clause: 7.5.1, 7.5.2
#       url: https://www.iso.org/standard/71670.html
#       version: "2019"
#     - kind: law
#       title: GDPR
#       clause: Art 44-46
#       url: https://eur-lex.europa.eu/eli/reg/2016/679/oj
#       version: (EU) 2016/679
#     - kind: law
#       title: UK GDPR
#       clause: Art 44-46
#       url: https://www.legislation.gov.uk/eur/2016/679/chapter/V
#       version: retained (EU) 2016/679, as amended
#     - kind: law
#       title: VN Decree 53/2022/ND-CP
#       clause: Art 26
#       version: "2022"
#   messages:
#     outside_regions: "system {id} stores personal data in {location}, outside the allowed regions {allowed}, with no transfer_mechanism"
#   remediation: >-
#     Store the data in one of the city's allowed_data_regions and set
#     data.location accordingly (a country code such as "PT", or a region
#     group such as "EU"), or record the legal basis for the transfer in
#     data.transfer_mechanism (adequacy, scc, bcr, derogation,
#     approved_code, certification, uk_idta).
#   fields:
#     - data.personal
#     - data.location
#     - data.transfer_mechanism
#     - city.allowed_data_regions
package citygate.rules.privacy.data_location

import data.citygate.lib

# applicable: where the city names its allowed regions, the systems that
# are not retired and process personal data, or must say whether they do
# and have not.
applicable := [s |
	lib.stated(input.city.allowed_data_regions)
	some s in lib.active_systems
	lib.personal_or_unknown(s)
]

applies contains lib.system(s) if some s in applicable

deny contains lib.not_stated(lib.system(s), "data.personal") if {
	some s in applicable
	lib.personal_unknown(s)
}

# personal: the applicable systems that say they process personal data.
personal := [s | some s in applicable; lib.personal(s)]

deny contains lib.not_stated(lib.system(s), "data.location") if {
	some s in personal
	object.get(s, ["data", "location"], null) == null
}

deny contains lib.fail(lib.system(s), "data.location", "outside_regions", {
	"id": s.id, "location": s.data.location, "allowed": concat(", ", input.city.allowed_data_regions),
}) if {
	some s in personal
	lib.stated(s.data.location)
	not lib.location_allowed(s.data.location, input.city.allowed_data_regions)
	object.get(s, ["data", "transfer_mechanism"], null) == null
}
