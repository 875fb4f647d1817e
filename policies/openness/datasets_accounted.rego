# METADATA
# title: Datasets accounted for
# description: |
#   Every dataset a system holds must be either published as open data or given
#   a stated exemption reason, so that closed data is a decision rather than a
#   default. Retired systems are not checked.
# related_resources:
#   - ref: https://globalsmartcitiesalliance.org/global/
#     description: G20 Global Smart Cities Alliance model policies (open data)
# custom:
#   id: OPEN-002
#   severity: medium
#   principle: openness
#   controls:
#     - GSCA-OD
#     - U4SSC EC:ICT:PS:1A
#   remediation: >-
#     In each dataset block set publish = true, or set exemption to the reason
#     the dataset is not published (e.g. personal data, security).
#   fields:
#     - dataset.publish
#     - dataset.exemption
package citygate.rules.openness.datasets_accounted

import data.citygate.lib

deny contains lib.finding(lib.system(s), sprintf("dataset.%s.publish", [d.id]), msg) if {
	some s in lib.active_systems
	some d in s.datasets
	object.get(d, "publish", false) != true
	object.get(d, "exemption", "") == ""
	msg := sprintf("system %s dataset %s is neither published (publish = %v) nor given an exemption reason", [s.id, d.id, object.get(d, "publish", "unset")])
}
