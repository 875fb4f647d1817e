# METADATA
# title: No personal data published
# description: |
#   A published dataset that holds personal or person-derived data
#   (personal = true) must have passed an anonymisation review before
#   publication. A published dataset that does not say whether it holds
#   personal data is not stated, unless its system states that it processes
#   no personal data (data.personal = false). Checked on retired systems too: the
#   published data outlives the system.
# related_resources:
#   - ref: https://globalsmartcitiesalliance.org/global/
#     description: G20 Global Smart Cities Alliance policy framework (Open Data model policy)
#   - ref: https://www.iso.org/standard/69373.html
#     description: ISO/IEC 20889:2018 Privacy enhancing data de-identification techniques
#   - ref: https://eur-lex.europa.eu/eli/reg/2016/679/oj
#     description: "Where EU law applies: GDPR, recital 26 (anonymous information)"
# custom:
#   id: OPEN-004
#   severity: critical
#   area: openness
#   gsca_principle: interoperability_openness
#   gsca_policy: open_data
#   sources:
#     - kind: gsca
#       title: GSCA Open Data model policy
#       clause: "2 The fundamentals of open data"
#       url: https://globalsmartcitiesalliance.org/global/
#       version: "2022"
#     - kind: standard
#       title: ISO/IEC 20889
#       clause: de-identification techniques
#       url: https://www.iso.org/standard/69373.html
#       version: "2018"
#   messages:
#     not_reviewed: "system {id} publishes dataset {dataset} holding personal data with no anonymisation_review"
#   remediation: >-
#     Unpublish the dataset (publish = false with an exemption), or anonymise
#     it and record the date of the anonymisation review in
#     anonymisation_review. State personal = false for a dataset that holds
#     no personal or person-derived data.
#   fields:
#     - data.personal
#     - dataset.publish
#     - dataset.personal
#     - dataset.anonymisation_review
package citygate.rules.openness.no_personal_data_published

import data.citygate.lib

published := [[s, d] | some s in input.systems; some d in object.get(s, "datasets", []); d.publish == true]

applies contains lib.system(s) if some [s, _] in published

# A dataset of a system that states it processes no personal data holds
# none; otherwise the dataset must say.
deny contains lib.not_stated(lib.system(s), concat(".", ["dataset", d.id, "personal"])) if {
	some [s, d] in published
	not lib.stated(object.get(d, "personal", null))
	object.get(s, ["data", "personal"], null) != false
}

# A missing review on published personal data is the breach itself, not a
# gap in the inventory: the rule requires the review before publication.
deny contains lib.fail(lib.system(s), concat(".", ["dataset", d.id, "anonymisation_review"]), "not_reviewed", {"id": s.id, "dataset": d.id}) if {
	some [s, d] in published
	d.personal == true
	not lib.stated(object.get(d, "anonymisation_review", null))
}
