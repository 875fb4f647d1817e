# METADATA
# title: Personal data encrypted
# description: |
#   Personal data must be encrypted at rest and protected in transit with TLS
#   1.2 or later; older TLS versions have known weaknesses.
# related_resources:
#   - ref: https://www.etsi.org/deliver/etsi_en/303600_303699/303645/
#     description: ETSI EN 303 645, provisions 5.5-1 and 5.8-1/2
#   - ref: https://csrc.nist.gov/pubs/cswp/29/the-nist-cybersecurity-framework-csf-20/final
#     description: NIST Cybersecurity Framework 2.0, PR.DS-01 and PR.DS-02
# custom:
#   id: PRIV-010
#   severity: high
#   principle: privacy
#   controls:
#     - ETSI EN 303 645 5.5-1
#     - ETSI EN 303 645 5.8-1
#     - ETSI EN 303 645 5.8-2
#     - CSF PR.DS-01
#     - CSF PR.DS-02
#     - NIS2 21(2)(h)
#   remediation: >-
#     Encrypt the data at rest and set data.encrypted_at_rest = true; accept
#     only TLS 1.2 or later and set data.tls_min to "1.2" or "1.3".
#   fields:
#     - data.personal
#     - data.encrypted_at_rest
#     - data.tls_min
package citygate.rules.privacy.personal_data_encrypted

import data.citygate.lib

# personal: the systems that are not retired and process personal data.
personal := [s | some s in lib.active_systems; s.data.personal == true]

deny contains lib.finding(lib.system(s), "data.encrypted_at_rest", msg) if {
	some s in personal
	object.get(s, ["data", "encrypted_at_rest"], false) != true
	msg := sprintf("system %s does not encrypt personal data at rest (data.encrypted_at_rest = %v)", [s.id, object.get(s, ["data", "encrypted_at_rest"], "not set")])
}

deny contains lib.finding(lib.system(s), "data.tls_min", msg) if {
	some s in personal
	to_number(s.data.tls_min) < to_number(lib.params.minimum_tls)
	msg := sprintf("system %s accepts TLS %s for personal data, below the minimum TLS %s", [s.id, s.data.tls_min, lib.params.minimum_tls])
}

deny contains lib.finding(lib.system(s), "data.tls_min", msg) if {
	some s in personal
	not s.data.tls_min
	msg := sprintf("system %s processes personal data and states no minimum TLS version (data.tls_min)", [s.id])
}
