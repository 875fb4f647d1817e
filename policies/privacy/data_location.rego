# METADATA
# title: Data location
# description: |
#   Personal data stored outside the regions the city allows must rest on a
#   transfer mechanism (adequacy decision, standard contractual clauses,
#   binding corporate rules), as GDPR Chapter V and data-localisation laws
#   require.
# related_resources:
#   - ref: https://eur-lex.europa.eu/eli/reg/2016/679/oj
#     description: GDPR Art 44-46
# custom:
#   id: PRIV-011
#   severity: medium
#   principle: privacy
#   controls:
#     - GDPR 44-46
#     - VN Decree 53/2022
#   remediation: >-
#     Store the data in one of the city's allowed_data_regions and set
#     data.location accordingly, or record the legal basis for the transfer
#     (adequacy, SCC, BCR) in data.transfer_mechanism.
#   fields:
#     - data.personal
#     - data.location
#     - data.transfer_mechanism
#     - city.allowed_data_regions
package citygate.rules.privacy.data_location

import data.citygate.lib

deny contains lib.finding(lib.system(s), "data.location", msg) if {
	allowed := input.city.allowed_data_regions
	some s in lib.active_systems
	s.data.personal == true
	location := s.data.location
	not location in allowed
	not s.data.transfer_mechanism
	msg := sprintf("system %s stores personal data in %s, outside the allowed regions %s, with no transfer_mechanism", [s.id, location, concat(", ", allowed)])
}
