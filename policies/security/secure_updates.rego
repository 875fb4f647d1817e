# METADATA
# title: Secure updates
# description: |
#   Software and firmware updates must be cryptographically signed and the
#   device must verify the signature before installing, otherwise the update
#   channel becomes a way to install malicious code.
# related_resources:
#   - ref: https://www.etsi.org/deliver/etsi_en/303600_303699/303645/
#     description: ETSI EN 303 645, provisions 5.3-2, 5.3-7 and 5.3-10
#   - ref: https://csrc.nist.gov/pubs/ir/8259/a/final
#     description: NIST IR 8259A, Software Update
# custom:
#   id: SEC-010
#   severity: high
#   principle: security
#   controls:
#     - ETSI EN 303 645 5.3-2
#     - ETSI EN 303 645 5.3-7
#     - ETSI EN 303 645 5.3-10
#     - NIST IR 8259A Software Update
#     - ENISA GP-TM-18
#   remediation: >-
#     Deliver updates signed by the vendor and set software.signed_updates =
#     true; make the device verify the signature before installing and set
#     software.update_verification = true.
#   fields:
#     - software.signed_updates
#     - software.update_verification
package citygate.rules.security.secure_updates

import data.citygate.lib

deny contains lib.finding(lib.system(s), "software.signed_updates", msg) if {
	some s in lib.active_systems
	object.get(s, ["software", "signed_updates"], false) != true
	msg := sprintf("system %s does not receive signed updates (software.signed_updates is not true)", [s.id])
}

deny contains lib.finding(lib.system(s), "software.update_verification", msg) if {
	some s in lib.active_systems
	s.software.update_verification == false
	msg := sprintf("system %s installs updates without verifying their signature (software.update_verification = false)", [s.id])
}
