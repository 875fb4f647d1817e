# METADATA
# title: As-built records
# description: |
#   Conduit laid in a public right-of-way excavation is only reusable if it can
#   be found again: its as-built position must be recorded in the GIS and a
#   locate (tracer) wire laid. Applies to excavations with conduit_installed.
# related_resources:
#   - ref: https://www.ctcnet.us/blog/a-technical-guide-to-dig-once-policies/
#     description: CTC Technology & Energy, a technical guide to Dig Once policies
# custom:
#   id: BB-004
#   severity: medium
#   principle: broadband
#   controls:
#     - WisDOT ITS guide
#     - DCMS DCIA
#     - London IMA
#   remediation: >-
#     Record the conduit's as-built position in the city GIS and set
#     gis_recorded = true; lay a locate wire and set locate_wire = true.
#   fields:
#     - excavation.public_row
#     - excavation.conduit_installed
#     - excavation.gis_recorded
#     - excavation.locate_wire
package citygate.rules.broadband.as_built_records

import data.citygate.lib

conduits := [e | some e in input.excavations; e.public_row == true; e.conduit_installed == true]

deny contains lib.finding(lib.excavation(e), "gis_recorded", msg) if {
	some e in conduits
	object.get(e, "gis_recorded", false) != true
	msg := sprintf("excavation %s laid conduit whose as-built position is not recorded in the GIS (gis_recorded = %v)", [e.id, object.get(e, "gis_recorded", "unset")])
}

deny contains lib.finding(lib.excavation(e), "locate_wire", msg) if {
	some e in conduits
	object.get(e, "locate_wire", false) != true
	msg := sprintf("excavation %s laid conduit without a locate wire (locate_wire = %v)", [e.id, object.get(e, "locate_wire", "unset")])
}
