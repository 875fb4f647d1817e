# METADATA
# title: Security level met
# description: |
#   Every system placed in a zone must be capable of the zone's IEC 62443
#   target security level (SL-C at least SL-T); a weaker member is the way
#   into the whole zone. A zone that holds active systems must state its
#   sl_target, and a member of a zone with a target above 0 must state its
#   sl_capability: either missing is not stated.
# related_resources:
#   - ref: https://www.isa.org/standards-and-publications/isa-standards/isa-iec-62443-series-of-standards
#     description: ISA/IEC 62443 series (3-2 target levels, 3-3 system and 4-2 component security levels)
# custom:
#   id: SEC-013
#   severity: high
#   area: security
#   gsca_principle: safety_security_resiliency
#   sources:
#     - kind: standard
#       title: IEC 62443-3-2
#       clause: target security level (SL-T) of each zone
#       url: https://www.isa.org/standards-and-publications/isa-standards/isa-iec-62443-series-of-standards
#       version: "2020"
#     - kind: standard
#       title: IEC 62443-3-3
#       clause: security levels (SL-C of the system)
#       url: https://www.isa.org/standards-and-publications/isa-standards/isa-iec-62443-series-of-standards
#       version: "2013"
#     - kind: standard
#       title: IEC 62443-4-2
#       clause: security levels (SL-C of the component)
#       url: https://www.isa.org/standards-and-publications/isa-standards/isa-iec-62443-series-of-standards
#       version: "2019"
#   messages:
#     below_target: "system {id} has security level capability {capability}, below the target {target} of zone {zone}"
#   remediation: >-
#     State the zone's sl_target; replace or harden the system until its
#     security level capability meets the zone's sl_target and set
#     sl_capability accordingly, or move it to a zone whose sl_target it
#     meets.
#   fields:
#     - zone
#     - zone.sl_target
#     - sl_capability
package citygate.rules.security.security_level

import data.citygate.lib

zone_by_id := {z.id: z | some z in input.zones}

# placed pairs each active system with the defined zone it names; a system
# in no zone, or in an undefined one, is SEC-012's concern.
placed := [[s, z] | some s in lib.active_systems; z := zone_by_id[s.zone]]

# targeted are the placed pairs whose zone states its target: only then can
# a member's capability be judged.
targeted := [[s, z] | some [s, z] in placed; lib.stated(object.get(z, "sl_target", null))]

applies contains lib.zone(z) if some [_, z] in placed

applies contains lib.system(s) if some [s, _] in targeted

deny contains lib.not_stated(lib.zone(z), "sl_target") if {
	some [_, z] in placed
	not lib.stated(object.get(z, "sl_target", null))
}

# A target of 0 asks for no capability, so only a higher one needs it stated.
deny contains lib.not_stated(lib.system(s), "sl_capability") if {
	some [s, z] in targeted
	z.sl_target > 0
	not lib.stated(object.get(s, "sl_capability", null))
}

deny contains lib.fail(lib.system(s), "sl_capability", "below_target", {
	"id": s.id, "capability": s.sl_capability, "target": z.sl_target, "zone": z.id,
}) if {
	some [s, z] in targeted
	s.sl_capability < z.sl_target
}
