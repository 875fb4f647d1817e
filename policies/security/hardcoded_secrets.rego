# METADATA
# title: No hard-coded secrets
# description: |
#   Software and firmware must not contain hard-coded credentials or keys:
#   they are the same on every unit, can be extracted from one device or
#   image, and cannot be changed by the operator.
# related_resources:
#   - ref: https://www.etsi.org/deliver/etsi_en/303600_303699/303645/
#     description: ETSI EN 303 645, provisions 5.4-3 and 5.4-4
# custom:
#   id: SEC-015
#   severity: critical
#   principle: security
#   controls:
#     - ETSI EN 303 645 5.4-3
#     - ETSI EN 303 645 5.4-4
#   remediation: >-
#     Remove hard-coded credentials and keys (provision them per device or
#     from a secrets store) and set software.hardcoded_secrets = false.
#   fields:
#     - software.hardcoded_secrets
package citygate.rules.security.hardcoded_secrets

import data.citygate.lib

deny contains lib.finding(lib.system(s), "software.hardcoded_secrets", msg) if {
	some s in lib.active_systems
	s.software.hardcoded_secrets == true
	msg := sprintf("system %s has credentials or keys hard-coded in its software (software.hardcoded_secrets = true)", [s.id])
}

deny contains lib.finding(lib.system(s), "software.hardcoded_secrets", msg) if {
	some s in lib.active_systems
	not "hardcoded_secrets" in object.keys(object.get(s, "software", {}))
	msg := sprintf("system %s does not state whether its software contains hard-coded secrets (software.hardcoded_secrets is not set)", [s.id])
}
