# METADATA
# title: Connectivity KPIs
# description: |
#   The city must report the U4SSC ICT-infrastructure KPIs listed in the
#   required_kpis parameter (household internet access, fixed and wireless
#   broadband, network coverage, public Wi-Fi): they show who is left
#   offline. A KPI the city does not report is not stated. A KPI is stale
#   when the last day of its measurement year (Dec 31) is more than
#   kpi_max_age_months before the evaluation date; the most recent year
#   reported for a code counts. The KPIs are an ITU-T standard, not an
#   Alliance text; the 24-month freshness is this library's choice.
# related_resources:
#   - ref: https://www.itu.int/rec/T-REC-Y.4903
#     description: ITU-T Y.4903/L.1603, KPIs for smart sustainable cities
#   - ref: https://www.itu.int/rec/T-REC-Y.4901
#     description: ITU-T Y.4901/L.1601, KPIs related to the use of ICT in smart sustainable cities
# custom:
#   id: BB-006
#   severity: low
#   area: broadband
#   gsca_principle: equity_inclusion_societal_impact
#   sources:
#     - kind: standard
#       title: ITU-T Y.4903/L.1603
#       clause: EC:ICT:ICT
#       url: https://www.itu.int/rec/T-REC-Y.4903
#     - kind: standard
#       title: ITU-T Y.4901/L.1601
#       url: https://www.itu.int/rec/T-REC-Y.4901
#     - kind: standard
#       title: ISO 37122
#       clause: telecommunication
#       url: https://www.iso.org/standard/69050.html
#       version: "2019"
#     - kind: practice
#       title: citygate default
#       clause: kpi_max_age_months = 24
#   messages:
#     stale: "city {id} reports KPI {code} for {year}, older than {months} months"
#   remediation: >-
#     Add a kpi "<code>" block to the city for each required U4SSC ICT KPI
#     (household internet, fixed and wireless broadband, 3G/4G coverage,
#     public Wi-Fi) with a value and a year within the last
#     {params.kpi_max_age_months} months.
#   fields:
#     - city.kpi.code
#     - city.kpi.year
package citygate.rules.broadband.connectivity_kpis

import data.citygate.lib

# A city-level rule: a bid (no city block) is not in scope.
applies contains lib.city if input.city

years(code) := [k.year | some k in input.city.kpis; k.code == code]

deny contains lib.not_stated(lib.city, concat(".", ["kpi", code])) if {
	input.city
	some code in lib.params.required_kpis
	count(years(code)) == 0
}

deny contains lib.fail(lib.city, concat(".", ["kpi", code]), "stale", {
	"id": input.city.id,
	"code": code,
	# A year is a label, not a quantity: a string, so reports in other
	# languages never group its digits ("2 021").
	"year": format_int(latest, 10),
	"months": lib.params.kpi_max_age_months,
}) if {
	input.city
	some code in lib.params.required_kpis
	latest := max(years(code))
	lib.older_than_months(concat("", [format_int(latest, 10), "-12-31"]), lib.params.kpi_max_age_months)
}
