# METADATA
# title: Open contracting
# description: |
#   The award of a contract for a vendor system in service (pilot or
#   production) must be published, ideally in the Open Contracting Data
#   Standard (OCDS). A system that does not state procurement.published is
#   not stated.
# related_resources:
#   - ref: https://www.open-contracting.org/es/resources/g20-smart-cities-open-contracting-model-policy/
#     description: G20 Global Smart Cities Alliance Open Contracting model policy
#   - ref: https://standard.open-contracting.org/
#     description: Open Contracting Data Standard (OCDS)
# custom:
#   id: OPEN-006
#   severity: low
#   area: openness
#   gsca_principle: interoperability_openness
#   gsca_policy: open_contracting
#   sources:
#     - kind: gsca
#       title: GSCA Open Contracting model policy
#       url: https://www.open-contracting.org/es/resources/g20-smart-cities-open-contracting-model-policy/
#     - kind: practice
#       title: OCDS
#       clause: award and contract releases
#       url: https://standard.open-contracting.org/
#       version: "1.1"
#   messages:
#     not_published: "system {id} from vendor {vendor} is in {stage} but its contract award is not published (procurement.published = false)"
#   remediation: >-
#     Publish the contract award (ideally as OCDS) and set
#     procurement.published = true (and procurement.ocds = true).
#   fields:
#     - vendor
#     - stage
#     - procurement.published
package citygate.rules.openness.open_contracting

import data.citygate.lib

applicable := [s | some s in lib.in_service_systems; s.vendor]

applies contains lib.system(s) if some s in applicable

deny contains lib.not_stated(lib.system(s), "procurement.published") if {
	some s in applicable
	not lib.stated(object.get(s, ["procurement", "published"], null))
}

deny contains lib.fail(lib.system(s), "procurement.published", "not_published", {"id": s.id, "vendor": s.vendor, "stage": lib.stage(s)}) if {
	some s in applicable
	s.procurement.published == false
}
