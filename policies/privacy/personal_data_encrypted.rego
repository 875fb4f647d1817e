# METADATA
# title: Personal data encrypted
# description: |
#   Personal data must be encrypted at rest and protected in transit with TLS
#   1.2 or later (params minimum_tls); older TLS versions have known
#   weaknesses. The two halves rest on different texts: at rest on ISO/IEC
#   27001 Annex A 8.24 (use of cryptography) and NIST CSF PR.DS-01; in
#   transit on ISO/IEC 27001 A 8.24, ETSI EN 303 645 provisions 5.5-1, 5.8-1
#   and 5.8-2 (which cover data in transit only) and NIST CSF PR.DS-02.
#   GDPR Art 32(1)(a) names encryption as a security measure in the EU and
#   UK.
# related_resources:
#   - ref: https://www.iso.org/standard/27001
#     description: ISO/IEC 27001:2022, Annex A 8.24 (at rest and in transit)
#   - ref: https://www.etsi.org/deliver/etsi_en/303600_303699/303645/
#     description: ETSI EN 303 645, provisions 5.5-1, 5.8-1 and 5.8-2 (in transit)
#   - ref: https://csrc.nist.gov/pubs/cswp/29/the-nist-cybersecurity-framework-csf-20/final
#     description: NIST Cybersecurity Framework 2.0, PR.DS-01 (at rest) and PR.DS-02 (in transit)
#   - ref: https://eur-lex.europa.eu/eli/reg/2016/679/oj
#     description: GDPR Art 32(1)(a)
# custom:
#   id: PRIV-010
#   severity: high
#   area: privacy
#   gsca_principle: transparency_privacy
#   sources:
#     - kind: standard
#       title: ISO/IEC 27001
#       clause: Annex A 8.24
#       url: https://www.iso.org/standard/27001
#       version: "2022"
#     - kind: standard
#       title: ETSI EN 303 645 (consumer IoT, by analogy)
#       clause: 5.5-1, 5.8-1, 5.8-2 (in transit)
#       url: https://www.etsi.org/deliver/etsi_en/303600_303699/303645/
#       version: V2.1.1 (2020-06)
#     - kind: practice
#       title: NIST CSF
#       clause: PR.DS-01 (at rest), PR.DS-02 (in transit)
#       url: https://csrc.nist.gov/pubs/cswp/29/the-nist-cybersecurity-framework-csf-20/final
#       version: "2.0"
#     - kind: law
#       title: GDPR
#       clause: Art 32(1)(a)
#       url: https://eur-lex.europa.eu/eli/reg/2016/679/oj
#       version: (EU) 2016/679
#   messages:
#     not_encrypted_at_rest: "system {id} does not encrypt personal data at rest (data.encrypted_at_rest = false)"
#     tls_below_minimum: "system {id} accepts TLS {tls} for personal data, below the minimum TLS {minimum}"
#   remediation: >-
#     Encrypt the data at rest and set data.encrypted_at_rest = true; accept
#     only TLS {params.minimum_tls} or later and set data.tls_min to
#     "{params.minimum_tls}" or later. State data.personal on every system
#     that must describe its data.
#   fields:
#     - data.personal
#     - data.encrypted_at_rest
#     - data.tls_min
package citygate.rules.privacy.personal_data_encrypted

import data.citygate.lib

# applicable: the systems that are not retired and process personal data,
# or must say whether they do and have not.
applicable := [s | some s in lib.active_systems; lib.personal_or_unknown(s)]

applies contains lib.system(s) if some s in applicable

deny contains lib.not_stated(lib.system(s), "data.personal") if {
	some s in applicable
	lib.personal_unknown(s)
}

# personal: the applicable systems that say they process personal data.
personal := [s | some s in applicable; lib.personal(s)]

# At rest.
deny contains lib.fail(lib.system(s), "data.encrypted_at_rest", "not_encrypted_at_rest", {"id": s.id}) if {
	some s in personal
	s.data.encrypted_at_rest == false
}

deny contains lib.not_stated(lib.system(s), "data.encrypted_at_rest") if {
	some s in personal
	object.get(s, ["data", "encrypted_at_rest"], null) == null
}

# In transit.
deny contains lib.fail(lib.system(s), "data.tls_min", "tls_below_minimum", {"id": s.id, "tls": s.data.tls_min, "minimum": lib.params.minimum_tls}) if {
	some s in personal
	lib.stated(s.data.tls_min)
	to_number(s.data.tls_min) < to_number(lib.params.minimum_tls)
}

deny contains lib.not_stated(lib.system(s), "data.tls_min") if {
	some s in personal
	object.get(s, ["data", "tls_min"], null) == null
}
