# METADATA
# title: Connectivity KPIs
# description: |
#   The city must report the U4SSC ICT-infrastructure KPIs listed in the
#   required_kpis parameter. A KPI is stale when the last day of its
#   measurement year (Dec 31) is more than kpi_max_age_months before the
#   evaluation date; the most recent year reported for a code counts.
# related_resources:
#   - ref: https://www.itu.int/rec/T-REC-Y.4903
#     description: ITU-T Y.4903/L.1603, KPIs for smart sustainable cities
# custom:
#   id: BB-006
#   severity: low
#   principle: broadband
#   controls:
#     - ITU-T Y.4903/L.1603 (EC:ICT:ICT:*)
#     - ITU-T Y.4901
#     - ISO 37122 (telecom)
#   remediation: >-
#     Add a kpi "<code>" block to the city for each required U4SSC ICT KPI
#     (household internet, fixed and wireless broadband, 3G/4G coverage,
#     public Wi-Fi) with a value and a year within the last 24 months.
#   fields:
#     - city.kpi.code
#     - city.kpi.year
package citygate.rules.broadband.connectivity_kpis

import data.citygate.lib

years(code) := [k.year | some k in input.city.kpis; k.code == code]

deny contains lib.finding(lib.city, sprintf("kpi.%s", [code]), msg) if {
	input.city
	some code in lib.params.required_kpis
	count(years(code)) == 0
	msg := sprintf("city %s does not report KPI %s", [input.city.id, code])
}

deny contains lib.finding(lib.city, sprintf("kpi.%s", [code]), msg) if {
	input.city
	some code in lib.params.required_kpis
	latest := max(years(code))
	lib.older_than_months(sprintf("%d-12-31", [latest]), lib.params.kpi_max_age_months)
	msg := sprintf("city %s reports KPI %s for %d, older than %d months", [input.city.id, code, latest, lib.params.kpi_max_age_months])
}
