# METADATA
# title: Attack surface
# description: |
#   Interfaces a system does not need must be disabled and no debug port
#   (JTAG, UART, telnet, debug API) may stay active in operation; each one is
#   an entry point that bypasses normal authentication. Applies to every
#   active system with devices of its own, and to software-only systems (web
#   services, apps, data platforms) that describe their interfaces; such a
#   system must state both interfaces.unused_enabled and
#   interfaces.debug_port, or they are not stated. ETSI EN 303 645 is a
#   consumer-IoT standard: its provisions are applied here by analogy to
#   city devices and OT, beside the IEC 62443 requirements for industrial
#   components.
# related_resources:
#   - ref: https://www.isa.org/standards-and-publications/isa-standards/isa-iec-62443-series-of-standards
#     description: ISA/IEC 62443-3-3 SR 7.7 and 62443-4-2 CR 7.7, EDR/HDR/NDR 2.13
#   - ref: https://www.etsi.org/deliver/etsi_en/303600_303699/303645/02.01.01_60/en_303645v020101p.pdf
#     description: ETSI EN 303 645 V2.1.1, provisions 5.6-1 and 5.6-4 (consumer IoT, applied by analogy)
#   - ref: https://csrc.nist.gov/pubs/ir/8259/a/final
#     description: NIST IR 8259A, Logical Access to Interfaces
# custom:
#   id: SEC-014
#   severity: high
#   area: security
#   gsca_principle: safety_security_resiliency
#   sources:
#     - kind: standard
#       title: IEC 62443-3-3
#       clause: SR 7.7 (least functionality)
#       url: https://www.isa.org/standards-and-publications/isa-standards/isa-iec-62443-series-of-standards
#       version: "2013"
#     - kind: standard
#       title: IEC 62443-4-2
#       clause: CR 7.7 (least functionality); EDR/HDR/NDR 2.13 (physical diagnostic and test interfaces)
#       url: https://www.isa.org/standards-and-publications/isa-standards/isa-iec-62443-series-of-standards
#       version: "2019"
#     - kind: standard
#       title: ETSI EN 303 645 (consumer IoT, applied by analogy)
#       clause: 5.6-1, 5.6-4
#       url: https://www.etsi.org/deliver/etsi_en/303600_303699/303645/02.01.01_60/en_303645v020101p.pdf
#       version: V2.1.1 (2020-06)
#     - kind: practice
#       title: NIST IR 8259A
#       clause: Logical Access to Interfaces
#       url: https://csrc.nist.gov/pubs/ir/8259/a/final
#       version: May 2020
#   messages:
#     unused_enabled: "system {id} has unused interfaces enabled (interfaces.unused_enabled = true)"
#     debug_port: "system {id} has an active debug port (interfaces.debug_port = true)"
#   remediation: >-
#     Disable interfaces that are not needed and set
#     interfaces.unused_enabled = false; disable debug ports in production and
#     set interfaces.debug_port = false.
#   fields:
#     - category
#     - interfaces.unused_enabled
#     - interfaces.debug_port
package citygate.rules.security.attack_surface

import data.citygate.lib

# Systems of these categories have no devices of their own: they are in
# scope once they describe their interfaces (a debug API is still a debug
# port), not before.
software_only := {"web_service", "mobile_app", "data_platform"}

# The template of each check is named after its attribute.
checks := {"unused_enabled", "debug_port"}

in_scope(s) if not object.get(s, "category", "") in software_only

in_scope(s) if lib.stated(object.get(s, "interfaces", null))

applicable := [s | some s in lib.active_systems; in_scope(s)]

applies contains lib.system(s) if some s in applicable

deny contains lib.not_stated(lib.system(s), concat(".", ["interfaces", attr])) if {
	some s in applicable
	some attr in checks
	not lib.stated(object.get(s, ["interfaces", attr], null))
}

deny contains lib.fail(lib.system(s), concat(".", ["interfaces", attr]), attr, {"id": s.id}) if {
	some s in applicable
	some attr in checks
	s.interfaces[attr] == true
}
