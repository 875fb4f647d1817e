# METADATA
# title: No universal default passwords
# description: |
#   Devices and systems must not ship with a password shared by every unit.
#   Universal defaults are the first thing botnets try; ETSI EN 303 645 and
#   the UK PSTI regime ban them outright.
# related_resources:
#   - ref: https://www.etsi.org/deliver/etsi_en/303600_303699/303645/
#     description: ETSI EN 303 645, provision 5.1-1
# custom:
#   id: SEC-005
#   severity: critical
#   principle: security
#   controls:
#     - ETSI EN 303 645 5.1-1
#     - ETSI EN 303 645 5.1-2
#     - UK PSTI Sch.1 §1
#     - ENISA GP-TM-09
#   remediation: >-
#     Set auth.default_credentials to unique_per_device (a distinct password
#     per unit) or user_defined (the operator must set one before use), or
#     none when the system has no password login.
#   fields:
#     - auth.default_credentials
package citygate.rules.security.default_credentials

import data.citygate.lib

allowed := {"unique_per_device", "user_defined", "none"}

deny contains lib.finding(lib.system(s), "auth.default_credentials", msg) if {
	some s in lib.active_systems
	creds := object.get(s, ["auth", "default_credentials"], "missing")
	not creds in allowed
	msg := sprintf("system %s does not state unique or user-defined initial credentials (auth.default_credentials = %s)", [s.id, creds])
}
