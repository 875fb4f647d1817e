# METADATA
# title: Zones and conduits
# description: |
#   OT and IoT systems must sit in a defined network zone that is separate
#   from corporate IT, and every conduit out of such a zone must pass a
#   firewall and be encrypted, so that a compromised office PC cannot reach
#   field devices. A system that does not state its category, an OT/IoT
#   system in service that names no zone, any zone that does not state its
#   kind (whether it is corporate IT decides what may be placed in it), and
#   a conduit that does not state its firewall or encryption are not
#   stated. A bid is placed by the city at deployment, so
#   a bid without a zone is not yet in scope.
# related_resources:
#   - ref: https://www.isa.org/standards-and-publications/isa-standards/isa-iec-62443-series-of-standards
#     description: ISA/IEC 62443 series (3-2 zones and conduits, 3-3 SR 5.1/5.2 and SR 4.1)
#   - ref: https://www.nist.gov/cyberframework
#     description: NIST Cybersecurity Framework 2.0, PR.IR-01
# custom:
#   id: SEC-012
#   severity: high
#   area: security
#   gsca_principle: safety_security_resiliency
#   sources:
#     - kind: standard
#       title: IEC 62443-3-2
#       clause: ZCR 3
#       url: https://www.isa.org/standards-and-publications/isa-standards/isa-iec-62443-series-of-standards
#       version: Edition 1.0 (2020)
#     - kind: standard
#       title: IEC 62443-3-3
#       clause: SR 5.1
#       url: https://www.isa.org/standards-and-publications/isa-standards/isa-iec-62443-series-of-standards
#       version: Edition 1.0 (2013)
#     - kind: standard
#       title: IEC 62443-3-3
#       clause: SR 5.2
#       url: https://www.isa.org/standards-and-publications/isa-standards/isa-iec-62443-series-of-standards
#       version: Edition 1.0 (2013)
#     - kind: standard
#       title: IEC 62443-3-3
#       clause: SR 4.1
#       url: https://www.isa.org/standards-and-publications/isa-standards/isa-iec-62443-series-of-standards
#       version: Edition 1.0 (2013)
#     - kind: practice
#       title: NIST CSF 2.0
#       clause: PR.IR-01
#       url: https://doi.org/10.6028/NIST.CSWP.29
#       version: "2.0 (2024)"
#   messages:
#     undefined_zone: "{category} system {id} is placed in zone {zone}, which is not defined"
#     corporate_zone: "{category} system {id} is placed in zone {zone} of kind {kind}, together with corporate IT"
#     shared_with_it: "{category} system {id} shares zone {zone} with corporate IT systems ({shared})"
#     no_firewall: "zone {id} holds OT/IoT systems and its conduit {conduit} to {peer} passes no firewall (firewall is not true)"
#     unencrypted: "zone {id} holds OT/IoT systems and its conduit {conduit} to {peer} is not encrypted (encrypted is not true)"
#   remediation: >-
#     Set category on every system, and zone on every OT/IoT system (a bid
#     once the city places it) to a zone block that states its kind (ot or
#     iot) and holds no corporate IT (category it) systems; on each conduit
#     of that zone set firewall = true and encrypted = true.
#   fields:
#     - category
#     - zone
#     - stage
#     - zone.kind
#     - conduit.*.firewall
#     - conduit.*.encrypted
package citygate.rules.security.zones_and_conduits

import data.citygate.lib

it_kinds := {"corporate", "it"}

# field systems: OT/IoT systems that are not retired.
field_system := [s | some s in lib.active_systems; lib.ot_or_iot(s)]

# unknown_category: systems that do not say what they are, so may be OT/IoT.
unknown_category := [s | some s in lib.active_systems; lib.unstated(s, "category")]

zone_by_id := {z.id: z | some z in input.zones}

# A bid is placed in the network by the city at deployment: it must name a
# zone only once it is in service (or proposed by the city itself).
must_name_zone(s) if not lib.bid(s)

must_name_zone(s) if lib.stated(s.zone)

# field_zone: a defined zone that holds OT/IoT systems.
field_zone := {z | some s in field_system; z := zone_by_id[s.zone]}

applies contains lib.system(s) if {
	some s in field_system
	must_name_zone(s)
}

applies contains lib.system(s) if some s in unknown_category

applies contains lib.zone(z) if some z in field_zone

# Every zone of the model says what it is: whether a zone is corporate IT
# decides where field systems may be placed, now or later.
applies contains lib.zone(z) if {
	some z in object.get(input, "zones", [])
	lib.unstated(z, "kind")
}

deny contains lib.not_stated(lib.system(s), "category") if some s in unknown_category

deny contains lib.not_stated(lib.system(s), "zone") if {
	some s in field_system
	not lib.bid(s)
	lib.unstated(s, "zone")
}

deny contains lib.fail(lib.system(s), "zone", "undefined_zone", {"category": s.category, "id": s.id, "zone": s.zone}) if {
	some s in field_system
	lib.stated(s.zone)
	not zone_by_id[s.zone]
}

deny contains lib.fail(lib.system(s), "zone", "corporate_zone", {
	"category": s.category,
	"id": s.id,
	"zone": s.zone,
	"kind": z.kind,
}) if {
	some s in field_system
	z := zone_by_id[s.zone]
	z.kind in it_kinds
}

deny contains lib.fail(lib.system(s), "zone", "shared_with_it", {
	"category": s.category,
	"id": s.id,
	"zone": s.zone,
	"shared": concat(", ", sort(shared)),
}) if {
	some s in field_system
	z := zone_by_id[s.zone]
	not object.get(z, "kind", "") in it_kinds
	shared := [t.id |
		some t in lib.active_systems
		t.category == "it"
		t.zone == s.zone
	]
	count(shared) > 0
}

# Whether a zone is corporate IT depends on its kind.
deny contains lib.not_stated(lib.zone(z), "kind") if {
	some z in object.get(input, "zones", [])
	lib.unstated(z, "kind")
}

# peer names the zone a conduit leads to, for the message.
peer(c) := c.peer if lib.stated(c.peer)

else := "an unnamed zone"

deny contains lib.not_stated(lib.zone(z), concat(".", ["conduit", c.id, "firewall"])) if {
	some z in field_zone
	some c in z.conduits
	lib.unstated(c, "firewall")
}

deny contains lib.fail(lib.zone(z), concat(".", ["conduit", c.id, "firewall"]), "no_firewall", {
	"id": z.id,
	"conduit": c.id,
	"peer": peer(c),
}) if {
	some z in field_zone
	some c in z.conduits
	c.firewall == false
}

deny contains lib.not_stated(lib.zone(z), concat(".", ["conduit", c.id, "encrypted"])) if {
	some z in field_zone
	some c in z.conduits
	lib.unstated(c, "encrypted")
}

deny contains lib.fail(lib.zone(z), concat(".", ["conduit", c.id, "encrypted"]), "unencrypted", {
	"id": z.id,
	"conduit": c.id,
	"peer": peer(c),
}) if {
	some z in field_zone
	some c in z.conduits
	c.encrypted == false
}
