# METADATA
# title: Sharing agreements
# description: |
#   Every party a system shares data with needs a data-sharing agreement or a
#   stated legal basis, and a vendor that processes personal data for the
#   city needs a data processing agreement. ISO/IEC 27701 asks for both
#   everywhere; GDPR Art 6, 26 and 28 make them law in the EU and UK.
# related_resources:
#   - ref: https://www.iso.org/standard/71670.html
#     description: ISO/IEC 27701, 7.2.2, 7.2.6 and 7.2.7
#   - ref: https://eur-lex.europa.eu/eli/reg/2016/679/oj
#     description: GDPR Art 6, 26 and 28
#   - ref: https://www.cisa.gov/resources-tools/resources/connected-communities-procurement-and-implementation-guidance
#     description: CISA, Connected Communities procurement and implementation guidance
# custom:
#   id: PRIV-009
#   severity: high
#   area: privacy
#   gsca_principle: transparency_privacy
#   sources:
#     - kind: standard
#       title: ISO/IEC 27701
#       clause: 7.2.2, 7.2.6, 7.2.7
#       url: https://www.iso.org/standard/71670.html
#       version: "2019"
#     - kind: law
#       title: GDPR
#       clause: Art 6, 26, 28
#       url: https://eur-lex.europa.eu/eli/reg/2016/679/oj
#       version: (EU) 2016/679
#     - kind: practice
#       title: CISA Connected Communities procurement guidance
#       url: https://www.cisa.gov/resources-tools/resources/connected-communities-procurement-and-implementation-guidance
#   messages:
#     no_agreement: "system {id} shares data with {party} with no agreement or legal_basis"
#     no_processing_agreement: "system {id} has vendor {vendor} processing personal data with no contract.processing_agreement"
#   remediation: >-
#     Give every data.shared_with entry an agreement (the data-sharing
#     agreement reference) or a legal_basis, and for a vendor that processes
#     personal data set contract.processing_agreement to the reference of
#     the data processing agreement. A vendor's system states data.personal.
#   fields:
#     - data.shared_with
#     - data.personal
#     - vendor
#     - contract.processing_agreement
package citygate.rules.privacy.sharing_agreements

import data.citygate.lib

# sharers are the systems that are not retired and share data.
sharers := [s | some s in lib.active_systems; count(object.get(s, ["data", "shared_with"], [])) > 0]

# processors are the vendor systems that process personal data, or must
# say whether they do and have not.
processors := [s | some s in lib.vendor_systems; lib.personal_or_unknown(s)]

applies contains lib.system(s) if some s in sharers

applies contains lib.system(s) if some s in processors

party(e) := e.party if lib.stated(e.party)

party(e) := "an unnamed party" if object.get(e, "party", null) == null

deny contains lib.fail(lib.system(s), "data.shared_with", "no_agreement", {"id": s.id, "party": party(e)}) if {
	some s in sharers
	some e in s.data.shared_with
	object.get(e, "agreement", null) == null
	object.get(e, "legal_basis", null) == null
}

deny contains lib.not_stated(lib.system(s), "data.personal") if {
	some s in processors
	lib.personal_unknown(s)
}

deny contains lib.fail(lib.system(s), "contract.processing_agreement", "no_processing_agreement", {"id": s.id, "vendor": s.vendor}) if {
	some s in processors
	lib.personal(s)
	object.get(s, ["contract", "processing_agreement"], null) == null
}
