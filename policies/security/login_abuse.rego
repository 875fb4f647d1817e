# METADATA
# title: Login abuse protection
# description: |
#   A login open to the public must throttle or lock out repeated attempts,
#   otherwise credential stuffing and password guessing against residents'
#   accounts go unchecked.
# related_resources:
#   - ref: https://www.etsi.org/deliver/etsi_en/303600_303699/303645/
#     description: ETSI EN 303 645, provision 5.1-5
#   - ref: https://www.enisa.europa.eu/publications/baseline-security-recommendations-for-iot
#     description: ENISA Baseline Security Recommendations for IoT (GP-TM-25)
# custom:
#   id: SEC-021
#   severity: medium
#   principle: security
#   controls:
#     - ETSI EN 303 645 5.1-5
#     - ENISA GP-TM-25
#     - Moscow (U4SSC case study)
#   remediation: >-
#     Throttle or lock out repeated failed logins on the public login and set
#     auth.brute_force_protection = true.
#   fields:
#     - auth.public_login
#     - auth.brute_force_protection
package citygate.rules.security.login_abuse

import data.citygate.lib

deny contains lib.finding(lib.system(s), "auth.brute_force_protection", msg) if {
	some s in lib.active_systems
	s.auth.public_login == true
	object.get(s, ["auth", "brute_force_protection"], false) != true
	msg := sprintf("system %s has a public login with no brute-force protection (auth.brute_force_protection is not true)", [s.id])
}
