# METADATA
# title: Zones and conduits
# description: |
#   OT and IoT systems must sit in a defined network zone that is separate
#   from corporate IT, and every conduit out of such a zone must pass a
#   firewall and be encrypted, so that a compromised office PC cannot reach
#   field devices.
# related_resources:
#   - ref: https://www.isa.org/standards-and-publications/isa-standards/isa-iec-62443-series-of-standards
#     description: ISA/IEC 62443 series (3-2 zones and conduits, 3-3 SR5.1/5.2)
# custom:
#   id: SEC-012
#   severity: high
#   principle: security
#   controls:
#     - IEC 62443-3-2
#     - IEC 62443-3-3 SR5.1
#     - IEC 62443-3-3 SR5.2
#     - NIST CSF 2.0 PR.IR-01
#   remediation: >-
#     Set zone on every OT/IoT system (a bid once the city places it) to a
#     zone block of kind ot or iot that holds no corporate IT (category it)
#     systems, and on each conduit of that zone set firewall = true and
#     encrypted = true.
#   fields:
#     - zone
#     - zone.kind
#     - conduit.*.firewall
#     - conduit.*.encrypted
package citygate.rules.security.zones_and_conduits

import data.citygate.lib

it_kinds := {"corporate", "it"}

# field systems: OT/IoT systems that are not retired.
field_system := [s | some s in lib.active_systems; lib.ot_or_iot(s)]

zone_by_id := {z.id: z | some z in input.zones}

# A bid is placed in the network by the city at deployment: it must name a
# zone only once it is in service (or proposed by the city itself).
deny contains lib.finding(lib.system(s), "zone", msg) if {
	some s in field_system
	not lib.bid(s)
	not s.zone
	msg := sprintf("%s system %s is not placed in a network zone (zone is not set)", [s.category, s.id])
}

deny contains lib.finding(lib.system(s), "zone", msg) if {
	some s in field_system
	not zone_by_id[s.zone]
	msg := sprintf("%s system %s is placed in zone %s, which is not defined", [s.category, s.id, s.zone])
}

deny contains lib.finding(lib.system(s), "zone", msg) if {
	some s in field_system
	z := zone_by_id[s.zone]
	z.kind in it_kinds
	msg := sprintf("%s system %s is placed in zone %s of kind %s, together with corporate IT", [s.category, s.id, s.zone, z.kind])
}

deny contains lib.finding(lib.system(s), "zone", msg) if {
	some s in field_system
	z := zone_by_id[s.zone]
	kind := object.get(z, "kind", "")
	not kind in it_kinds
	shared := [t.id |
		some t in lib.active_systems
		t.category == "it"
		t.zone == s.zone
	]
	count(shared) > 0
	msg := sprintf("%s system %s shares zone %s with corporate IT systems (%s)", [s.category, s.id, s.zone, concat(", ", sort(shared))])
}

# field_zone: a defined zone that holds OT/IoT systems.
field_zone := {z | some s in field_system; z := zone_by_id[s.zone]}

deny contains lib.finding(lib.zone(z), sprintf("conduit.%s.firewall", [c.id]), msg) if {
	some z in field_zone
	some c in z.conduits
	object.get(c, "firewall", false) != true
	msg := sprintf("zone %s holds OT/IoT systems and its conduit %s to %s passes no firewall (firewall is not true)", [z.id, c.id, object.get(c, "peer", "an unnamed zone")])
}

deny contains lib.finding(lib.zone(z), sprintf("conduit.%s.encrypted", [c.id]), msg) if {
	some z in field_zone
	some c in z.conduits
	object.get(c, "encrypted", false) != true
	msg := sprintf("zone %s holds OT/IoT systems and its conduit %s to %s is not encrypted (encrypted is not true)", [z.id, c.id, object.get(c, "peer", "an unnamed zone")])
}
