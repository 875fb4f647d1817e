# METADATA
# title: City data rights from day one
# description: |
#   Every vendor system from procurement on must give the city access to all
#   the data the system holds from day one, and the contract must forbid the
#   vendor to reuse or resell the city's data. This is the Alliance's
#   guidance on data in procurement and applies everywhere. Where the data
#   is personal, GDPR Art 28(3)(a) (a processor acts only on the
#   controller's documented instructions) makes the reuse ban law in the EU
#   and UK; the access right from day one is a contract term the law does
#   not give.
# related_resources:
#   - ref: https://globalsmartcitiesalliance.org/global/
#     description: G20 Global Smart Cities Alliance, guidance on data in procurement
#   - ref: https://eur-lex.europa.eu/eli/reg/2016/679/oj
#     description: GDPR Art 28(3)(a)
# custom:
#   id: PRIV-012
#   severity: high
#   area: privacy
#   gsca_principle: transparency_privacy
#   gsca_policy: data_in_procurement
#   sources:
#     - kind: gsca
#       title: GSCA guidance on data in procurement
#       url: https://globalsmartcitiesalliance.org/global/
#     - kind: law
#       title: GDPR
#       clause: Art 28(3)(a)
#       url: https://eur-lex.europa.eu/eli/reg/2016/679/oj
#       version: (EU) 2016/679
#   messages:
#     no_city_access: "system {id} from vendor {vendor} does not give the city access to all system data from day one (contract.city_data_access = false)"
#     reuse_allowed: "system {id} from vendor {vendor} does not prohibit the vendor from reusing or reselling city data (contract.vendor_reuse_prohibited = false)"
#   remediation: >-
#     Write into the contract that the city can access all data the system
#     collects or produces from the first day of service, and that the
#     vendor may not reuse, share or sell it; then set
#     contract.city_data_access = true and
#     contract.vendor_reuse_prohibited = true.
#   fields:
#     - vendor
#     - stage
#     - contract.city_data_access
#     - contract.vendor_reuse_prohibited
package citygate.rules.privacy.city_data_rights

import data.citygate.lib

# applicable: the vendor systems that are not retired and are in
# procurement or later (a proposal has no contract yet).
applicable := [s | some s in lib.vendor_systems; lib.stage(s) != "proposed"]

applies contains lib.system(s) if some s in applicable

deny contains lib.fail(lib.system(s), "contract.city_data_access", "no_city_access", {"id": s.id, "vendor": s.vendor}) if {
	some s in applicable
	object.get(s, ["contract", "city_data_access"], null) == false
}

deny contains lib.not_stated(lib.system(s), "contract.city_data_access") if {
	some s in applicable
	object.get(s, ["contract", "city_data_access"], null) == null
}

deny contains lib.fail(lib.system(s), "contract.vendor_reuse_prohibited", "reuse_allowed", {"id": s.id, "vendor": s.vendor}) if {
	some s in applicable
	object.get(s, ["contract", "vendor_reuse_prohibited"], null) == false
}

deny contains lib.not_stated(lib.system(s), "contract.vendor_reuse_prohibited") if {
	some s in applicable
	object.get(s, ["contract", "vendor_reuse_prohibited"], null) == null
}
