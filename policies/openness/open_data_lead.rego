# METADATA
# title: Open data lead and data quality
# description: |
#   The city names an open-data lead (role "open_data_lead" with a holder)
#   and its open_data policy records a periodic data quality assessment
#   (last_quality_assessment) no older than the
#   data_quality_assessment_months parameter (12). The model policy asks
#   for periodic assessments; 12 months is the library's default, which
#   params can change. A missing role, holder, policy or date is not stated.
#   Applies only to inventories with a city block.
# related_resources:
#   - ref: https://globalsmartcitiesalliance.org/global/
#     description: G20 Global Smart Cities Alliance policy framework (Open Data model policy)
# custom:
#   id: OPEN-007
#   severity: medium
#   area: openness
#   gsca_principle: interoperability_openness
#   gsca_policy: open_data
#   sources:
#     - kind: gsca
#       title: GSCA Open Data model policy
#       clause: "4 Governance and process for accountability and compliance"
#       url: https://globalsmartcitiesalliance.org/global/
#       version: "2022"
#     - kind: practice
#       title: citygate default
#       clause: data_quality_assessment_months = 12
#   messages:
#     quality_assessment_old: "city {id} last assessed the quality of its open data on {date}, more than {months} months ago"
#   remediation: >-
#     Add role "open_data_lead" { holder = "<name>" } to the city block, assess
#     the availability, quality, interoperability and discoverability of the
#     published datasets at least every {params.data_quality_assessment_months}
#     months, and record the date in last_quality_assessment of the policy
#     "open_data" block.
#   fields:
#     - role.open_data_lead
#     - role.open_data_lead.holder
#     - policy.open_data.last_quality_assessment
package citygate.rules.openness.open_data_lead

import data.citygate.lib

applies contains lib.city if input.city

deny contains lib.not_stated(lib.city, "role.open_data_lead") if {
	input.city
	not lib.role("open_data_lead")
}

deny contains lib.not_stated(lib.city, "role.open_data_lead.holder") if {
	r := lib.role("open_data_lead")
	not lib.stated(object.get(r, "holder", null))
}

# last_quality_assessment is read with object.get: a missing policy block
# and a missing date are the same gap, and both are not stated.
default last_quality_assessment := null

last_quality_assessment := object.get(lib.policy("open_data"), "last_quality_assessment", null)

deny contains lib.not_stated(lib.city, "policy.open_data.last_quality_assessment") if {
	input.city
	not lib.stated(last_quality_assessment)
}

deny contains lib.fail(lib.city, "policy.open_data.last_quality_assessment", "quality_assessment_old", {
	"id": input.city.id, "date": last_quality_assessment, "months": months,
}) if {
	lib.stated(last_quality_assessment)
	months := lib.params.data_quality_assessment_months
	lib.older_than_months(last_quality_assessment, months)
}
