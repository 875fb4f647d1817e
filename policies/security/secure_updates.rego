# METADATA
# title: Secure updates
# description: |
#   Software and firmware updates must be cryptographically signed and the
#   device must verify the signature before installing, otherwise the update
#   channel becomes a way to install malicious code. A system that does not
#   state whether its updates are signed is not stated, and one whose updates
#   are signed must state whether it verifies them. ETSI EN 303 645 is a
#   consumer-IoT standard applied here by analogy; IEC 62443-4-2 asks the
#   same of industrial components.
# related_resources:
#   - ref: https://www.etsi.org/deliver/etsi_en/303600_303699/303645/
#     description: ETSI EN 303 645 (consumer IoT, applied by analogy), provisions 5.3-2, 5.3-7 and 5.3-10
#   - ref: https://www.isa.org/standards-and-publications/isa-standards/isa-iec-62443-series-of-standards
#     description: IEC 62443-4-2 CR 3.10 (support for updates) and 62443-3-3 SR 3.4 (software and information integrity)
#   - ref: https://csrc.nist.gov/pubs/ir/8259/a/final
#     description: NIST IR 8259A, Software Update
# custom:
#   id: SEC-010
#   severity: high
#   area: security
#   gsca_principle: safety_security_resiliency
#   sources:
#     - kind: standard
#       title: ETSI EN 303 645 (consumer IoT, applied by analogy)
#       clause: 5.3-2
#       url: https://www.etsi.org/deliver/etsi_en/303600_303699/303645/
#       version: V2.1.1 (2020-06)
#     - kind: standard
#       title: ETSI EN 303 645 (consumer IoT, applied by analogy)
#       clause: 5.3-7
#       url: https://www.etsi.org/deliver/etsi_en/303600_303699/303645/
#       version: V2.1.1 (2020-06)
#     - kind: standard
#       title: ETSI EN 303 645 (consumer IoT, applied by analogy)
#       clause: 5.3-10
#       url: https://www.etsi.org/deliver/etsi_en/303600_303699/303645/
#       version: V2.1.1 (2020-06)
#     - kind: standard
#       title: IEC 62443-4-2
#       clause: CR 3.10
#       url: https://www.isa.org/standards-and-publications/isa-standards/isa-iec-62443-series-of-standards
#       version: Edition 1.0 (2019)
#     - kind: standard
#       title: IEC 62443-3-3
#       clause: SR 3.4
#       url: https://www.isa.org/standards-and-publications/isa-standards/isa-iec-62443-series-of-standards
#       version: Edition 1.0 (2013)
#     - kind: practice
#       title: NIST IR 8259A
#       clause: Software Update
#       url: https://csrc.nist.gov/pubs/ir/8259/a/final
#       version: May 2020
#     - kind: practice
#       title: ENISA IoT baseline
#       clause: GP-TM-18
#       url: https://www.enisa.europa.eu/publications/baseline-security-recommendations-for-iot
#       version: November 2017
#   messages:
#     unsigned: "system {id} does not receive signed updates (software.signed_updates is not true)"
#     unverified: "system {id} installs updates without verifying their signature (software.update_verification = false)"
#   remediation: >-
#     Deliver updates signed by the vendor and set software.signed_updates =
#     true; make the device verify the signature before installing and set
#     software.update_verification = true.
#   fields:
#     - software.signed_updates
#     - software.update_verification
package citygate.rules.security.secure_updates

import data.citygate.lib

applies contains lib.system(s) if some s in lib.active_systems

deny contains lib.not_stated(lib.system(s), "software.signed_updates") if {
	some s in lib.active_systems
	lib.unstated(s, ["software", "signed_updates"])
}

deny contains lib.fail(lib.system(s), "software.signed_updates", "unsigned", {"id": s.id}) if {
	some s in lib.active_systems
	s.software.signed_updates == false
}

# Verification only decides once updates are signed: an unsigned update has
# no signature to verify, and that already fails above.
deny contains lib.not_stated(lib.system(s), "software.update_verification") if {
	some s in lib.active_systems
	s.software.signed_updates == true
	lib.unstated(s, ["software", "update_verification"])
}

deny contains lib.fail(lib.system(s), "software.update_verification", "unverified", {"id": s.id}) if {
	some s in lib.active_systems
	s.software.update_verification == false
}
