# METADATA
# title: No universal default passwords
# description: |
#   Devices and systems must not ship with a password shared by every unit;
#   universal defaults are the first thing botnets try. The wording comes from
#   ETSI EN 303 645, a consumer-IoT standard that this rule applies by analogy
#   to city OT and IoT; IEC 62443 asks the same of industrial control systems
#   (default authenticators changed on installation). The UK PSTI regime makes
#   the consumer-product ban law in the UK; it is cited as a supporting law
#   and does not limit the rule, which applies everywhere. A system that does
#   not state how its initial credentials are set is not stated.
# related_resources:
#   - ref: https://www.etsi.org/deliver/etsi_en/303600_303699/303645/
#     description: ETSI EN 303 645 (consumer IoT, applied by analogy to city OT/IoT), provisions 5.1-1 and 5.1-2
#   - ref: https://www.isa.org/standards-and-publications/isa-standards/isa-iec-62443-series-of-standards
#     description: IEC 62443-4-2 CR 1.5 and 62443-3-3 SR 1.5, authenticator management
#   - ref: https://www.legislation.gov.uk/uksi/2023/1007
#     description: UK PSTI (Security Requirements for Relevant Connectable Products) Regulations 2023, Schedule 1 paragraph 1
# custom:
#   id: SEC-005
#   severity: critical
#   area: security
#   gsca_principle: safety_security_resiliency
#   sources:
#     - kind: standard
#       title: ETSI EN 303 645 (consumer IoT, applied by analogy)
#       clause: 5.1-1
#       url: https://www.etsi.org/deliver/etsi_en/303600_303699/303645/
#       version: V2.1.1 (2020-06)
#     - kind: standard
#       title: ETSI EN 303 645 (consumer IoT, applied by analogy)
#       clause: 5.1-2
#       url: https://www.etsi.org/deliver/etsi_en/303600_303699/303645/
#       version: V2.1.1 (2020-06)
#     - kind: standard
#       title: IEC 62443-4-2
#       clause: CR 1.5
#       url: https://www.isa.org/standards-and-publications/isa-standards/isa-iec-62443-series-of-standards
#       version: Edition 1.0 (2019)
#     - kind: standard
#       title: IEC 62443-3-3
#       clause: SR 1.5
#       url: https://www.isa.org/standards-and-publications/isa-standards/isa-iec-62443-series-of-standards
#       version: Edition 1.0 (2013)
#     - kind: law
#       title: UK PSTI Regulations 2023
#       clause: Sch.1 para 1
#       url: https://www.legislation.gov.uk/uksi/2023/1007
#       version: SI 2023/1007
#     - kind: practice
#       title: ENISA IoT baseline
#       clause: GP-TM-09
#       url: https://www.enisa.europa.eu/publications/baseline-security-recommendations-for-iot
#       version: November 2017
#   messages:
#     shared_default: "system {id} does not state unique or user-defined initial credentials (auth.default_credentials = {credentials})"
#   remediation: >-
#     Set auth.default_credentials to unique_per_device (a distinct password
#     per unit) or user_defined (the operator must set one before use), or
#     none when the system has no password login.
#   fields:
#     - auth.default_credentials
package citygate.rules.security.default_credentials

import data.citygate.lib

allowed := {"unique_per_device", "user_defined", "none"}

applies contains lib.system(s) if some s in lib.active_systems

deny contains lib.not_stated(lib.system(s), "auth.default_credentials") if {
	some s in lib.active_systems
	lib.unstated(s, ["auth", "default_credentials"])
}

deny contains lib.fail(lib.system(s), "auth.default_credentials", "shared_default", {"id": s.id, "credentials": creds}) if {
	some s in lib.active_systems
	creds := s.auth.default_credentials
	lib.stated(creds)
	not creds in allowed
}
