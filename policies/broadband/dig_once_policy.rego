# METADATA
# title: Dig Once policy
# description: |
#   A city must have a formally adopted Dig Once policy so that every public
#   works excavation is used to lay telecom conduit. The rule applies only to
#   inventories with a city block and fires when policy "dig_once" is missing
#   or not marked adopted.
# related_resources:
#   - ref: https://www.weforum.org/agenda/2022/02/how-dig-once-policies-can-democratize-digitial-connectivity/
#     description: WEF / G20 Global Smart Cities Alliance on Dig Once policies (2022)
# custom:
#   id: BB-001
#   severity: high
#   principle: broadband
#   controls:
#     - GSCA-DO
#     - GSC21 App.4
#     - WEF 2022 (17-city workshops)
#   remediation: >-
#     Add a policy "dig_once" block to the city with adopted = true (and
#     adopted_on, url, min_length_m, min_spare_ducts, notice_days).
#   fields:
#     - policy.dig_once
#     - policy.dig_once.adopted
package citygate.rules.broadband.dig_once_policy

import data.citygate.lib

deny contains lib.finding(lib.city, "policy.dig_once", msg) if {
	input.city
	not lib.policy("dig_once")
	msg := sprintf("city %s has no dig_once policy", [input.city.id])
}

deny contains lib.finding(lib.city, "policy.dig_once.adopted", msg) if {
	p := lib.policy("dig_once")
	object.get(p, "adopted", false) != true
	msg := sprintf("city %s has a dig_once policy that is not adopted (adopted = %v)", [input.city.id, object.get(p, "adopted", "unset")])
}
