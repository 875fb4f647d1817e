# METADATA
# title: As-built records
# description: |
#   Conduit laid in a public right-of-way excavation is only reusable if it can
#   be found again: its as-built position must be recorded in the GIS and a
#   locate (tracer) wire laid. Applies to excavations in the public right of
#   way with conduit_installed; one that does not state either record is not
#   stated. Reuse keeps the conduit an asset rather than a sunk cost, hence
#   operational and financial sustainability; the sources are engineering
#   practice, not the Alliance's model policy text.
# related_resources:
#   - ref: https://www.ctcnet.us/blog/a-technical-guide-to-dig-once-policies/
#     description: CTC Technology & Energy, a technical guide to Dig Once policies
#   - ref: https://www.gov.uk/guidance/national-underground-asset-register-nuar
#     description: UK Geospatial Commission, National Underground Asset Register (NUAR)
# custom:
#   id: BB-004
#   severity: medium
#   area: broadband
#   gsca_principle: operational_financial_sustainability
#   sources:
#     - kind: practice
#       title: CTC Dig Once guide
#       url: https://www.ctcnet.us/blog/a-technical-guide-to-dig-once-policies/
#     - kind: practice
#       title: UK NUAR
#       url: https://www.gov.uk/guidance/national-underground-asset-register-nuar
#     - kind: practice
#       title: WisDOT ITS design guide
#   messages:
#     not_in_gis: "excavation {id} laid conduit whose as-built position is not recorded in the GIS (gis_recorded = false)"
#     no_locate_wire: "excavation {id} laid conduit without a locate wire (locate_wire = false)"
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

# conduits: public right-of-way excavations that laid conduit (BB-002
# reports an unstated public_row or conduit_installed).
conduits := [e | some e in input.excavations; e.public_row == true; e.conduit_installed == true]

applies contains lib.excavation(e) if some e in conduits

deny contains lib.not_stated(lib.excavation(e), f) if {
	some e in conduits
	some f in ["gis_recorded", "locate_wire"]
	not lib.stated(object.get(e, f, null))
}

deny contains lib.fail(lib.excavation(e), "gis_recorded", "not_in_gis", {"id": e.id}) if {
	some e in conduits
	e.gis_recorded == false
}

deny contains lib.fail(lib.excavation(e), "locate_wire", "no_locate_wire", {"id": e.id}) if {
	some e in conduits
	e.locate_wire == false
}
