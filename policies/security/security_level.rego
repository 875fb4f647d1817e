# METADATA
# title: Security level met
# description: |
#   Every system placed in a zone must be capable of the zone's IEC 62443
#   target security level (SL-C at least SL-T); a weaker member is the way
#   into the whole zone.
# related_resources:
#   - ref: https://www.isa.org/standards-and-publications/isa-standards/isa-iec-62443-series-of-standards
#     description: ISA/IEC 62443 series (3-3 system and 4-2 component security levels)
# custom:
#   id: SEC-013
#   severity: high
#   principle: security
#   controls:
#     - IEC 62443-3-3
#     - IEC 62443-4-2
#   remediation: >-
#     Replace or harden the system until its security level capability meets
#     the zone's sl_target and set sl_capability accordingly, or move it to a
#     zone whose sl_target it meets.
#   fields:
#     - zone.sl_target
#     - sl_capability
package citygate.rules.security.security_level

import data.citygate.lib

deny contains lib.finding(lib.system(s), "sl_capability", msg) if {
	some z in input.zones
	target := z.sl_target
	some s in lib.active_systems
	s.zone == z.id
	capability := s.sl_capability
	capability < target
	msg := sprintf("system %s has security level capability %d, below the target %d of zone %s", [s.id, capability, target, z.id])
}

deny contains lib.finding(lib.system(s), "sl_capability", msg) if {
	some z in input.zones
	target := z.sl_target
	target > 0
	some s in lib.active_systems
	s.zone == z.id
	not s.sl_capability
	msg := sprintf("system %s states no security level capability (sl_capability is not set) for zone %s with target %d", [s.id, z.id, target])
}
