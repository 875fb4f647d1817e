# METADATA
# title: Login abuse protection
# description: |
#   A login open to the public must throttle or lock out repeated attempts,
#   otherwise credential stuffing and password guessing against residents'
#   accounts go unchecked. Applies to active systems with a public login,
#   and to public-facing systems (public_facing, web services, apps, kiosks)
#   that do not state auth.public_login, which is then not stated; a public
#   login that does not state auth.brute_force_protection is not stated.
# related_resources:
#   - ref: https://pages.nist.gov/800-63-3/sp800-63b.html
#     description: NIST SP 800-63B, 5.2.2 Rate Limiting (Throttling)
#   - ref: https://www.etsi.org/deliver/etsi_en/303600_303699/303645/02.01.01_60/en_303645v020101p.pdf
#     description: ETSI EN 303 645 V2.1.1, provision 5.1-5 (consumer IoT, applied by analogy)
#   - ref: https://www.enisa.europa.eu/publications/baseline-security-recommendations-for-iot
#     description: ENISA Baseline Security Recommendations for IoT (GP-TM-25)
# custom:
#   id: SEC-021
#   severity: medium
#   area: security
#   gsca_principle: safety_security_resiliency
#   sources:
#     - kind: practice
#       title: NIST SP 800-63B
#       clause: 5.2.2 (rate limiting)
#       url: https://pages.nist.gov/800-63-3/sp800-63b.html
#       version: SP 800-63-3 (June 2017)
#     - kind: standard
#       title: IEC 62443-4-2
#       clause: CR 1.11 (unsuccessful login attempts)
#       url: https://www.isa.org/standards-and-publications/isa-standards/isa-iec-62443-series-of-standards
#       version: "2019"
#     - kind: standard
#       title: ETSI EN 303 645 (consumer IoT, applied by analogy)
#       clause: 5.1-5
#       url: https://www.etsi.org/deliver/etsi_en/303600_303699/303645/02.01.01_60/en_303645v020101p.pdf
#       version: V2.1.1 (2020-06)
#     - kind: practice
#       title: ENISA Baseline Security Recommendations for IoT
#       clause: GP-TM-25
#       url: https://www.enisa.europa.eu/publications/baseline-security-recommendations-for-iot
#       version: November 2017
#   messages:
#     unprotected: "system {id} has a public login with no brute-force protection (auth.brute_force_protection is not true)"
#   remediation: >-
#     State whether members of the public log in (auth.public_login); throttle
#     or lock out repeated failed logins on a public login and set
#     auth.brute_force_protection = true.
#   fields:
#     - category
#     - public_facing
#     - auth.public_login
#     - auth.brute_force_protection
package citygate.rules.security.login_abuse

import data.citygate.lib

# public_facing: members of the public use the system, so it may have a
# public login.
public_facing(s) if s.public_facing == true

public_facing(s) if s.category in {"web_service", "mobile_app", "kiosk"}

public_login := [s | some s in lib.active_systems; s.auth.public_login == true]

login_unknown := [s |
	some s in lib.active_systems
	public_facing(s)
	not lib.stated(object.get(s, ["auth", "public_login"], null))
]

applies contains lib.system(s) if some s in public_login

applies contains lib.system(s) if {
	some s in lib.active_systems
	public_facing(s)
}

deny contains lib.not_stated(lib.system(s), "auth.public_login") if some s in login_unknown

deny contains lib.not_stated(lib.system(s), "auth.brute_force_protection") if {
	some s in public_login
	not lib.stated(object.get(s, ["auth", "brute_force_protection"], null))
}

deny contains lib.fail(lib.system(s), "auth.brute_force_protection", "unprotected", {"id": s.id}) if {
	some s in public_login
	s.auth.brute_force_protection == false
}
