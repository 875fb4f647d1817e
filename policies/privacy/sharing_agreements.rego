# METADATA
# title: Sharing agreements
# description: |
#   Every party a system shares data with needs a data-sharing agreement or a
#   stated legal basis, and a vendor that processes personal data for the
#   city needs a data processing agreement (GDPR Art 28).
# related_resources:
#   - ref: https://eur-lex.europa.eu/eli/reg/2016/679/oj
#     description: GDPR Art 6, 26 and 28
#   - ref: https://www.cisa.gov/resources-tools/resources/connected-communities-procurement-and-implementation-guidance
#     description: CISA, Connected Communities procurement and implementation guidance
# custom:
#   id: PRIV-009
#   severity: high
#   principle: privacy
#   controls:
#     - GDPR 6
#     - GDPR 26
#     - GDPR 28
#     - CISA-CC
#   remediation: >-
#     Give every data.shared_with entry an agreement (the data-sharing
#     agreement reference) or a legal_basis, and for a vendor that processes
#     personal data set contract.processing_agreement to the reference of
#     the data processing agreement.
#   fields:
#     - data.shared_with
#     - data.personal
#     - vendor
#     - contract.processing_agreement
package citygate.rules.privacy.sharing_agreements

import data.citygate.lib

deny contains lib.finding(lib.system(s), "data.shared_with", msg) if {
	some s in lib.active_systems
	some e in object.get(s, ["data", "shared_with"], [])
	not e.agreement
	not e.legal_basis
	msg := sprintf("system %s shares data with %s with no agreement or legal_basis", [s.id, object.get(e, "party", "an unnamed party")])
}

deny contains lib.finding(lib.system(s), "contract.processing_agreement", msg) if {
	some s in lib.vendor_systems
	s.data.personal == true
	not s.contract.processing_agreement
	msg := sprintf("system %s has vendor %s processing personal data with no contract.processing_agreement", [s.id, s.vendor])
}
