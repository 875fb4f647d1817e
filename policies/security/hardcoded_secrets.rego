# METADATA
# title: No hard-coded secrets
# description: |
#   Software and firmware must not contain hard-coded credentials or keys:
#   they are the same on every unit, can be extracted from one device or
#   image, and cannot be changed by the operator. Applies to every active
#   system; one that does not state software.hardcoded_secrets is not
#   stated. ETSI EN 303 645 is a consumer-IoT standard: its provisions are
#   applied here by analogy to city systems and OT; IEC 62443's authenticator
#   management is the industrial requirement that hard-coded secrets break.
# related_resources:
#   - ref: https://www.isa.org/standards-and-publications/isa-standards/isa-iec-62443-series-of-standards
#     description: ISA/IEC 62443-3-3 SR 1.5 and 62443-4-2 CR 1.5 (authenticator management)
#   - ref: https://www.etsi.org/deliver/etsi_en/303600_303699/303645/02.01.01_60/en_303645v020101p.pdf
#     description: ETSI EN 303 645 V2.1.1, provisions 5.4-3 and 5.4-4 (consumer IoT, applied by analogy)
#   - ref: https://cwe.mitre.org/data/definitions/798.html
#     description: CWE-798, Use of Hard-coded Credentials
# custom:
#   id: SEC-015
#   severity: critical
#   area: security
#   gsca_principle: safety_security_resiliency
#   sources:
#     - kind: standard
#       title: IEC 62443-4-2
#       clause: CR 1.5 (authenticator management)
#       url: https://www.isa.org/standards-and-publications/isa-standards/isa-iec-62443-series-of-standards
#       version: "2019"
#     - kind: standard
#       title: IEC 62443-3-3
#       clause: SR 1.5 (authenticator management)
#       url: https://www.isa.org/standards-and-publications/isa-standards/isa-iec-62443-series-of-standards
#       version: "2013"
#     - kind: standard
#       title: ETSI EN 303 645 (consumer IoT, applied by analogy)
#       clause: 5.4-3, 5.4-4
#       url: https://www.etsi.org/deliver/etsi_en/303600_303699/303645/02.01.01_60/en_303645v020101p.pdf
#       version: V2.1.1 (2020-06)
#     - kind: practice
#       title: CWE-798
#       url: https://cwe.mitre.org/data/definitions/798.html
#   messages:
#     hardcoded: "system {id} has credentials or keys hard-coded in its software (software.hardcoded_secrets = true)"
#     not_stated: "system {id} does not state whether its software contains hard-coded secrets (software.hardcoded_secrets is not set)"
#   remediation: >-
#     Remove hard-coded credentials and keys (provision them per device or
#     from a secrets store) and set software.hardcoded_secrets = false.
#   fields:
#     - software.hardcoded_secrets
package citygate.rules.security.hardcoded_secrets

import data.citygate.lib

applies contains lib.system(s) if some s in lib.active_systems

deny contains lib.not_stated(lib.system(s), "software.hardcoded_secrets") if {
	some s in lib.active_systems
	not lib.stated(object.get(s, ["software", "hardcoded_secrets"], null))
}

deny contains lib.fail(lib.system(s), "software.hardcoded_secrets", "hardcoded", {"id": s.id}) if {
	some s in lib.active_systems
	s.software.hardcoded_secrets == true
}
