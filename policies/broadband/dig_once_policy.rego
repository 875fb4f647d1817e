# METADATA
# title: Dig Once policy
# description: |
#   A city must have a formally adopted Dig Once policy so that every public
#   works excavation is used to lay telecom conduit: the Alliance's Dig Once
#   model policy, which cuts the cost of broadband by coordinating
#   excavation. The rule applies only to inventories with a city block; a
#   city without policy "dig_once" is not stated, and a policy marked
#   adopted = false fails.
# related_resources:
#   - ref: https://www3.weforum.org/docs/WEF_Governing_Smart_Cities_2021.pdf
#     description: "Governing Smart Cities: Policy Benchmarks (G20 Global Smart Cities Alliance, 2021), Appendix 4: Dig Once"
#   - ref: https://www.weforum.org/agenda/2022/02/how-dig-once-policies-can-democratize-digitial-connectivity/
#     description: WEF / G20 Global Smart Cities Alliance on Dig Once policies (2022)
# custom:
#   id: BB-001
#   severity: high
#   area: broadband
#   gsca_principle: operational_financial_sustainability
#   gsca_policy: dig_once
#   sources:
#     - kind: gsca
#       title: GSCA Dig Once model policy
#       url: https://www3.weforum.org/docs/WEF_Governing_Smart_Cities_2021.pdf
#       version: Policy Benchmarks, Appendix 4 (2021)
#     - kind: practice
#       title: CTC Dig Once guide
#       url: https://www.ctcnet.us/blog/a-technical-guide-to-dig-once-policies/
#   messages:
#     not_adopted: "city {id} has a dig_once policy that is not adopted (adopted = false)"
#   remediation: >-
#     Add a policy "dig_once" block to the city with adopted = true (and
#     adopted_on, url, min_length_m, min_spare_ducts, notice_days).
#   fields:
#     - policy.dig_once
#     - policy.dig_once.adopted
package citygate.rules.broadband.dig_once_policy

import data.citygate.lib

# A city-level rule: a bid (no city block) is not in scope.
applies contains lib.city if input.city

deny contains lib.not_stated(lib.city, "policy.dig_once") if {
	input.city
	not lib.policy("dig_once")
}

deny contains lib.not_stated(lib.city, "policy.dig_once.adopted") if {
	p := lib.policy("dig_once")
	not lib.stated(object.get(p, "adopted", null))
}

deny contains lib.fail(lib.city, "policy.dig_once.adopted", "not_adopted", {"id": input.city.id}) if {
	lib.policy("dig_once").adopted == false
}
