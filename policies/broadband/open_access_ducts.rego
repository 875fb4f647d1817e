# METADATA
# title: Open access to city ducts
# description: |
#   City ducts laid under Dig Once must be open to every operator on
#   non-discriminatory terms, and their location published in an asset
#   register, so that competing operators can use them. Applies when the
#   city has a dig_once policy (BB-001 covers a missing one); a policy that
#   does not state its access terms or its register is not stated. In the
#   EU, the Gigabit Infrastructure Act gives operators a right of access to
#   public bodies' physical infrastructure and to information about it.
# related_resources:
#   - ref: https://www.shlb.org/
#     description: SHLB Coalition, open-access broadband infrastructure
#   - ref: https://eur-lex.europa.eu/eli/reg/2024/1309/oj
#     description: Regulation (EU) 2024/1309 (Gigabit Infrastructure Act), Art 3-4
# custom:
#   id: BB-005
#   severity: medium
#   area: broadband
#   gsca_principle: interoperability_openness
#   sources:
#     - kind: practice
#       title: SHLB open access
#       url: https://www.shlb.org/
#     - kind: practice
#       title: CTC Dig Once guide
#       url: https://www.ctcnet.us/blog/a-technical-guide-to-dig-once-policies/
#     - kind: law
#       title: Gigabit Infrastructure Act
#       clause: Art 3-4
#       url: https://eur-lex.europa.eu/eli/reg/2024/1309/oj
#       version: Regulation (EU) 2024/1309
#   messages:
#     closed: "city {id}'s dig_once policy grants no open, non-discriminatory access to city ducts (open_access_terms = false)"
#   remediation: >-
#     In the city's policy "dig_once" block set open_access_terms = true and
#     asset_register_url to the published register of city duct assets.
#   fields:
#     - policy.dig_once
#     - policy.dig_once.open_access_terms
#     - policy.dig_once.asset_register_url
package citygate.rules.broadband.open_access_ducts

import data.citygate.lib

# The city, when it has a dig_once policy (BB-001 reports a missing one).
applies contains lib.city if lib.policy("dig_once")

deny contains lib.not_stated(lib.city, "policy.dig_once.open_access_terms") if {
	p := lib.policy("dig_once")
	not lib.stated(object.get(p, "open_access_terms", null))
}

deny contains lib.fail(lib.city, "policy.dig_once.open_access_terms", "closed", {"id": input.city.id}) if {
	lib.policy("dig_once").open_access_terms == false
}

deny contains lib.not_stated(lib.city, "policy.dig_once.asset_register_url") if {
	p := lib.policy("dig_once")
	not lib.stated(object.get(p, "asset_register_url", null))
}
