# METADATA
# title: No personal data published
# description: |
#   A published dataset that holds personal or person-derived data
#   (personal = true) must have passed an anonymisation review before
#   publication. Checked on retired systems too: the published data outlives
#   the system.
# related_resources:
#   - ref: https://eur-lex.europa.eu/eli/reg/2016/679/oj
#     description: GDPR (Regulation (EU) 2016/679)
# custom:
#   id: OPEN-004
#   severity: critical
#   principle: openness
#   controls:
#     - GSCA-OD
#     - GDPR
#   remediation: >-
#     Unpublish the dataset (publish = false with an exemption), or anonymise
#     it and record the date of the anonymisation review in
#     anonymisation_review.
#   fields:
#     - dataset.publish
#     - dataset.personal
#     - dataset.anonymisation_review
package citygate.rules.openness.no_personal_data_published

import data.citygate.lib

deny contains lib.finding(lib.system(s), sprintf("dataset.%s.anonymisation_review", [d.id]), msg) if {
	some s in input.systems
	some d in s.datasets
	d.publish == true
	d.personal == true
	not d.anonymisation_review
	msg := sprintf("system %s publishes dataset %s holding personal data with no anonymisation_review", [s.id, d.id])
}
