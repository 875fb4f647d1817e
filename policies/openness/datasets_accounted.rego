# METADATA
# title: Datasets accounted for
# description: |
#   Every dataset a system holds must be either published as open data or given
#   a stated exemption reason, so that closed data is a decision rather than a
#   default. A dataset that states neither publish nor an exemption is not
#   stated. Applies to active systems that list datasets.
# related_resources:
#   - ref: https://globalsmartcitiesalliance.org/global/
#     description: G20 Global Smart Cities Alliance policy framework (Open Data model policy)
#   - ref: https://opendatacharter.org/principles/
#     description: International Open Data Charter, principle 1 (open by default)
# custom:
#   id: OPEN-002
#   severity: medium
#   area: openness
#   gsca_principle: interoperability_openness
#   gsca_policy: open_data
#   sources:
#     - kind: gsca
#       title: GSCA Open Data model policy
#       clause: "2 The fundamentals of open data"
#       url: https://globalsmartcitiesalliance.org/global/
#       version: "2022"
#     - kind: practice
#       title: International Open Data Charter
#       clause: Principle 1 (open by default)
#       url: https://opendatacharter.org/principles/
#       version: "2015"
#   messages:
#     not_accounted: "system {id} dataset {dataset} is neither published (publish = false) nor given an exemption reason"
#   remediation: >-
#     In each dataset block set publish = true, or set exemption to the reason
#     the dataset is not published (e.g. personal data, security).
#   fields:
#     - dataset.publish
#     - dataset.exemption
package citygate.rules.openness.datasets_accounted

import data.citygate.lib

applicable := [s | some s in lib.active_systems; count(object.get(s, "datasets", [])) > 0]

applies contains lib.system(s) if some s in applicable

# unexplained: the dataset is not published and gives no exemption reason.
unexplained := [[s, d] |
	some s in applicable
	some d in s.datasets
	object.get(d, "publish", null) != true
	object.get(d, "exemption", null) in {null, ""}
]

deny contains lib.not_stated(lib.system(s), concat(".", ["dataset", d.id, "publish"])) if {
	some [s, d] in unexplained
	not lib.stated(object.get(d, "publish", null))
}

deny contains lib.fail(lib.system(s), concat(".", ["dataset", d.id, "publish"]), "not_accounted", {"id": s.id, "dataset": d.id}) if {
	some [s, d] in unexplained
	d.publish == false
}
