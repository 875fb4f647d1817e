# METADATA
# title: Open access to city ducts
# description: |
#   City ducts laid under Dig Once must be open to every operator on
#   non-discriminatory terms, and their location published in an asset
#   register. Applies when the city has a dig_once policy (BB-001 covers a
#   missing one).
# related_resources:
#   - ref: https://www.shlb.org/
#     description: SHLB Coalition, open-access broadband infrastructure
# custom:
#   id: BB-005
#   severity: medium
#   principle: broadband
#   controls:
#     - SHLB
#     - DCIA
#   remediation: >-
#     In the city's policy "dig_once" block set open_access_terms = true and
#     asset_register_url to the published register of city duct assets.
#   fields:
#     - policy.dig_once.open_access_terms
#     - policy.dig_once.asset_register_url
package citygate.rules.broadband.open_access_ducts

import data.citygate.lib

deny contains lib.finding(lib.city, "policy.dig_once.open_access_terms", msg) if {
	p := lib.policy("dig_once")
	object.get(p, "open_access_terms", false) != true
	msg := sprintf("city %s's dig_once policy grants no open, non-discriminatory access to city ducts (open_access_terms = %v)", [input.city.id, object.get(p, "open_access_terms", "unset")])
}

deny contains lib.finding(lib.city, "policy.dig_once.asset_register_url", msg) if {
	p := lib.policy("dig_once")
	not p.asset_register_url
	msg := sprintf("city %s's dig_once policy has no published asset register (asset_register_url)", [input.city.id])
}
