# METADATA
# title: No internet-exposed OT or management interfaces
# description: |
#   Operational technology must not be reachable from the internet, and no
#   system's administration interface may be reachable remotely without a VPN
#   or zero-trust broker; exposed controllers and admin panels are found by
#   scanners within hours.
# related_resources:
#   - ref: https://www.cisa.gov/resources-tools/resources/cybersecurity-best-practices-smart-cities
#     description: CISA, Cybersecurity Best Practices for Smart Cities
#   - ref: https://www.etsi.org/deliver/etsi_en/303600_303699/303645/
#     description: ETSI EN 303 645, provision 5.6-1
# custom:
#   id: SEC-011
#   severity: critical
#   principle: security
#   controls:
#     - CISA Smart Cities best practices
#     - IEC 62443-3-3 SR5.2
#     - ETSI EN 303 645 5.6-1
#   remediation: >-
#     Remove internet exposure of OT systems (place them behind the zone
#     firewall) and set internet_exposed = false; put remote administration
#     behind a VPN or zero-trust broker and set remote_access to vpn,
#     zero_trust or none.
#   fields:
#     - internet_exposed
#     - remote_access
package citygate.rules.security.internet_exposure

import data.citygate.lib

deny contains lib.finding(lib.system(s), "internet_exposed", msg) if {
	some s in lib.active_systems
	s.category == "ot"
	s.internet_exposed == true
	msg := sprintf("OT system %s is reachable from the internet (internet_exposed = true)", [s.id])
}

deny contains lib.finding(lib.system(s), "internet_exposed", msg) if {
	some s in lib.active_systems
	s.category == "ot"
	not "internet_exposed" in object.keys(s)
	msg := sprintf("OT system %s does not state whether it is reachable from the internet (internet_exposed is not set)", [s.id])
}

deny contains lib.finding(lib.system(s), "remote_access", msg) if {
	some s in lib.active_systems
	s.remote_access == "direct"
	msg := sprintf("system %s can be administered remotely without a VPN or zero-trust broker (remote_access = direct)", [s.id])
}
