# METADATA
# title: Attack surface
# description: |
#   Interfaces a system does not need must be disabled and no debug port
#   (JTAG, UART, telnet, debug API) may stay active in operation; each one is
#   an entry point that bypasses normal authentication.
# related_resources:
#   - ref: https://www.etsi.org/deliver/etsi_en/303600_303699/303645/
#     description: ETSI EN 303 645, provisions 5.6-1 and 5.6-4
#   - ref: https://csrc.nist.gov/pubs/ir/8259/a/final
#     description: NIST IR 8259A, Logical Access to Interfaces
# custom:
#   id: SEC-014
#   severity: high
#   principle: security
#   controls:
#     - ETSI EN 303 645 5.6-1
#     - ETSI EN 303 645 5.6-4
#     - NIST IR 8259A Logical Access to Interfaces
#   remediation: >-
#     Disable interfaces that are not needed and set
#     interfaces.unused_enabled = false; disable debug ports in production and
#     set interfaces.debug_port = false.
#   fields:
#     - interfaces.unused_enabled
#     - interfaces.debug_port
package citygate.rules.security.attack_surface

import data.citygate.lib

# Systems of these categories have no devices of their own: their interfaces
# need only be stated when they are found enabled.
software_only := {"web_service", "mobile_app", "data_platform"}

checks := {
	"unused_enabled": "has unused interfaces enabled",
	"debug_port": "has an active debug port",
}

deny contains lib.finding(lib.system(s), sprintf("interfaces.%s", [attr]), msg) if {
	some s in lib.active_systems
	some attr, what in checks
	s.interfaces[attr] == true
	msg := sprintf("system %s %s (interfaces.%s = true)", [s.id, what, attr])
}

deny contains lib.finding(lib.system(s), sprintf("interfaces.%s", [attr]), msg) if {
	some s in lib.active_systems
	not object.get(s, "category", "") in software_only
	some attr, what in checks
	not attr in object.keys(object.get(s, "interfaces", {}))
	msg := sprintf("system %s does not state whether it %s (interfaces.%s is not set)", [s.id, what, attr])
}
