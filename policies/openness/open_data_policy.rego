# METADATA
# title: Open data policy
# description: |
#   The city must have an adopted open data policy whose default licence is an
#   open licence (one of the open_licenses parameter: CC0, CC-BY-4.0, ODbL,
#   OGL; compared case-insensitively). Applies only to inventories with a city
#   block. A missing policy block, or a policy that does not say whether it is
#   adopted or which licence it uses, is not stated.
# related_resources:
#   - ref: https://globalsmartcitiesalliance.org/global/
#     description: G20 Global Smart Cities Alliance policy framework (Open Data model policy)
#   - ref: https://opendefinition.org/licenses/
#     description: Open Definition, conformant licences
# custom:
#   id: OPEN-001
#   severity: high
#   area: openness
#   gsca_principle: interoperability_openness
#   gsca_policy: open_data
#   sources:
#     - kind: gsca
#       title: GSCA Open Data model policy
#       clause: "1 Policy; 2 The fundamentals of open data"
#       url: https://globalsmartcitiesalliance.org/global/
#       version: "2022"
#     - kind: practice
#       title: Open Definition
#       clause: conformant licences
#       url: https://opendefinition.org/licenses/
#       version: "2.1"
#   messages:
#     not_adopted: "city {id} has an open_data policy that is not adopted (adopted = false)"
#     closed_license: "city {id}'s open_data policy has no open default licence (default_license = {license})"
#   remediation: >-
#     Add a policy "open_data" block to the city with adopted = true and
#     default_license set to an open licence such as CC-BY-4.0 or CC0.
#   fields:
#     - policy.open_data
#     - policy.open_data.adopted
#     - policy.open_data.default_license
package citygate.rules.openness.open_data_policy

import data.citygate.lib

open_licenses := {lower(l) | some l in lib.params.open_licenses}

applies contains lib.city if input.city

deny contains lib.not_stated(lib.city, "policy.open_data") if {
	input.city
	not lib.policy("open_data")
}

deny contains lib.not_stated(lib.city, "policy.open_data.adopted") if {
	p := lib.policy("open_data")
	not lib.stated(object.get(p, "adopted", null))
}

deny contains lib.fail(lib.city, "policy.open_data.adopted", "not_adopted", {"id": input.city.id}) if {
	p := lib.policy("open_data")
	p.adopted == false
}

deny contains lib.not_stated(lib.city, "policy.open_data.default_license") if {
	p := lib.policy("open_data")
	not lib.stated(object.get(p, "default_license", null))
}

deny contains lib.fail(lib.city, "policy.open_data.default_license", "closed_license", {"id": input.city.id, "license": license}) if {
	p := lib.policy("open_data")
	license := p.default_license
	lib.stated(license)
	not lower(license) in open_licenses
}
