# METADATA
# title: Open data policy
# description: |
#   The city must have an adopted open data policy whose default licence is an
#   open licence (one of the open_licenses parameter: CC0, CC-BY-4.0, ODbL,
#   OGL; compared case-insensitively). Applies only to inventories with a city
#   block.
# related_resources:
#   - ref: https://eur-lex.europa.eu/eli/dir/2019/1024/oj
#     description: Directive (EU) 2019/1024 on open data and the re-use of public sector information
# custom:
#   id: OPEN-001
#   severity: high
#   principle: openness
#   controls:
#     - GSCA-OD
#     - U4SSC EC:ICT:PS:1A
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

deny contains lib.finding(lib.city, "policy.open_data", msg) if {
	input.city
	not lib.policy("open_data")
	msg := sprintf("city %s has no open_data policy", [input.city.id])
}

deny contains lib.finding(lib.city, "policy.open_data.adopted", msg) if {
	p := lib.policy("open_data")
	object.get(p, "adopted", false) != true
	msg := sprintf("city %s has an open_data policy that is not adopted (adopted = %v)", [input.city.id, object.get(p, "adopted", "unset")])
}

deny contains lib.finding(lib.city, "policy.open_data.default_license", msg) if {
	p := lib.policy("open_data")
	license := object.get(p, "default_license", "unset")
	not lower(license) in open_licenses
	msg := sprintf("city %s's open_data policy has no open default licence (default_license = %s)", [input.city.id, license])
}
