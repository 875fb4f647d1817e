# METADATA
# title: No internet-exposed OT or management interfaces
# description: |
#   Operational technology must not be reachable from the internet, and no
#   system's administration interface may be reachable remotely without a VPN
#   or zero-trust broker; exposed controllers and admin panels are found by
#   scanners within hours. This is zone boundary protection and control of
#   access via untrusted networks in IEC 62443-3-3, NIST's OT guidance and
#   CISA's OT mitigations (remove OT connections to the public internet,
#   secure remote access); CISA BOD 23-02, binding on US federal agencies
#   only, is cited as practice for management interfaces. A system that does
#   not state its category or how it is reached remotely, or an OT system
#   that does not state whether it is internet-exposed, is not stated.
# related_resources:
#   - ref: https://www.isa.org/standards-and-publications/isa-standards/isa-iec-62443-series-of-standards
#     description: IEC 62443-3-3 SR 5.1 (network segmentation), SR 5.2 (zone boundary protection), SR 1.13 (access via untrusted networks)
#   - ref: https://doi.org/10.6028/NIST.SP.800-82r3
#     description: NIST SP 800-82 Rev. 3, Guide to Operational Technology Security, section 5 (OT security architecture)
#   - ref: https://www.cisa.gov/resources-tools/resources/primary-mitigations-reduce-cyber-threats-operational-technology
#     description: CISA, Primary Mitigations to Reduce Cyber Threats to Operational Technology
#   - ref: https://www.cisa.gov/news-events/directives/bod-23-02-mitigating-risk-internet-exposed-management-interfaces
#     description: CISA BOD 23-02, Mitigating the Risk from Internet-Exposed Management Interfaces
#   - ref: https://www.cisa.gov/resources-tools/resources/cybersecurity-best-practices-smart-cities
#     description: CISA, Cybersecurity Best Practices for Smart Cities
# custom:
#   id: SEC-011
#   severity: critical
#   area: security
#   gsca_principle: safety_security_resiliency
#   sources:
#     - kind: standard
#       title: IEC 62443-3-3
#       clause: SR 5.1
#       url: https://www.isa.org/standards-and-publications/isa-standards/isa-iec-62443-series-of-standards
#       version: Edition 1.0 (2013)
#     - kind: standard
#       title: IEC 62443-3-3
#       clause: SR 5.2
#       url: https://www.isa.org/standards-and-publications/isa-standards/isa-iec-62443-series-of-standards
#       version: Edition 1.0 (2013)
#     - kind: standard
#       title: IEC 62443-3-3
#       clause: SR 1.13
#       url: https://www.isa.org/standards-and-publications/isa-standards/isa-iec-62443-series-of-standards
#       version: Edition 1.0 (2013)
#     - kind: practice
#       title: NIST SP 800-82r3
#       clause: Sec. 5
#       url: https://doi.org/10.6028/NIST.SP.800-82r3
#       version: Rev. 3 (2023)
#     - kind: practice
#       title: CISA OT primary mitigations
#       url: https://www.cisa.gov/resources-tools/resources/primary-mitigations-reduce-cyber-threats-operational-technology
#       version: May 2025
#     - kind: practice
#       title: CISA BOD 23-02
#       url: https://www.cisa.gov/news-events/directives/bod-23-02-mitigating-risk-internet-exposed-management-interfaces
#       version: June 2023
#     - kind: practice
#       title: CISA Smart Cities best practices
#       url: https://www.cisa.gov/resources-tools/resources/cybersecurity-best-practices-smart-cities
#       version: April 2023
#     - kind: practice
#       title: NCSC Connected Places principle
#       clause: "7"
#       url: https://www.ncsc.gov.uk/collection/connected-places-security-principles
#       version: "1.0 (2021)"
#   messages:
#     ot_exposed: "OT system {id} is reachable from the internet (internet_exposed = true)"
#     direct_remote: "system {id} can be administered remotely without a VPN or zero-trust broker (remote_access = direct)"
#   remediation: >-
#     Remove internet exposure of OT systems (place them behind the zone
#     firewall) and set internet_exposed = false; put remote administration
#     behind a VPN or zero-trust broker and set remote_access to vpn,
#     zero_trust or none. State category on every system.
#   fields:
#     - category
#     - internet_exposed
#     - remote_access
package citygate.rules.security.internet_exposure

import data.citygate.lib

applies contains lib.system(s) if some s in lib.active_systems

# Only OT must stay off the internet, so a system that does not say what it
# is cannot be decided.
deny contains lib.not_stated(lib.system(s), "category") if {
	some s in lib.active_systems
	lib.unstated(s, "category")
}

deny contains lib.not_stated(lib.system(s), "internet_exposed") if {
	some s in lib.active_systems
	s.category == "ot"
	lib.unstated(s, "internet_exposed")
}

deny contains lib.fail(lib.system(s), "internet_exposed", "ot_exposed", {"id": s.id}) if {
	some s in lib.active_systems
	s.category == "ot"
	s.internet_exposed == true
}

deny contains lib.not_stated(lib.system(s), "remote_access") if {
	some s in lib.active_systems
	lib.unstated(s, "remote_access")
}

deny contains lib.fail(lib.system(s), "remote_access", "direct_remote", {"id": s.id}) if {
	some s in lib.active_systems
	s.remote_access == "direct"
}
