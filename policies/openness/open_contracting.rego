# METADATA
# title: Open contracting
# description: |
#   The award of a contract for a vendor system in service (pilot or
#   production) must be published, ideally in the Open Contracting Data
#   Standard (OCDS).
# related_resources:
#   - ref: https://www.open-contracting.org/es/resources/g20-smart-cities-open-contracting-model-policy/
#     description: G20 Global Smart Cities Alliance open contracting model policy
#   - ref: https://standard.open-contracting.org/
#     description: Open Contracting Data Standard (OCDS)
# custom:
#   id: OPEN-006
#   severity: low
#   principle: openness
#   controls:
#     - GSCA Open Contracting
#     - U4SSC EC:ICT:PS:3A
#   remediation: >-
#     Publish the contract award (ideally as OCDS) and set
#     procurement.published = true (and procurement.ocds = true).
#   fields:
#     - vendor
#     - stage
#     - procurement.published
package citygate.rules.openness.open_contracting

import data.citygate.lib

deny contains lib.finding(lib.system(s), "procurement.published", msg) if {
	some s in lib.in_service_systems
	s.vendor
	published := object.get(s, ["procurement", "published"], "unset")
	published != true
	msg := sprintf("system %s from vendor %s is in %s but its contract award is not published (procurement.published = %v)", [s.id, s.vendor, lib.stage(s), published])
}
