# METADATA
# title: Incident response
# description: |
#   The city must exercise its incident response at least once per period
#   and include the vendors whose systems it runs, because incidents in
#   smart-city systems cross the boundary between the city and its suppliers.
# related_resources:
#   - ref: https://www.nist.gov/cyberframework
#     description: NIST Cybersecurity Framework 2.0, RS.MA-01 and GV.SC-08
#   - ref: https://eur-lex.europa.eu/eli/dir/2022/2555/oj
#     description: NIS2 Directive (EU) 2022/2555, Article 23
# custom:
#   id: SEC-019
#   severity: high
#   principle: security
#   controls:
#     - NIST CSF 2.0 RS.MA-01
#     - NIST CSF 2.0 GV.SC-08
#     - NIS2 23
#     - CISA Smart Cities best practices
#   remediation: >-
#     Run an incident response exercise at least every
#     incident_exercise_months (default 12) and set
#     incident_response.last_exercise to its date; invite the vendors of the
#     city's systems and set incident_response.vendors_included = true.
#   fields:
#     - incident_response.last_exercise
#     - incident_response.vendors_included
package citygate.rules.security.incident_response

import data.citygate.lib

deny contains lib.finding(lib.city, "incident_response.last_exercise", msg) if {
	input.city
	not input.city.incident_response.last_exercise
	msg := sprintf("city %s states no incident response exercise (incident_response.last_exercise is not set)", [input.city.id])
}

deny contains lib.finding(lib.city, "incident_response.last_exercise", msg) if {
	exercised := input.city.incident_response.last_exercise
	months := lib.params.incident_exercise_months
	lib.older_than_months(exercised, months)
	msg := sprintf("city %s last exercised incident response on %s, more than %d months ago", [input.city.id, exercised, months])
}

# Vendors can only be left out where the inventory has vendor systems.
deny contains lib.finding(lib.city, "incident_response.vendors_included", msg) if {
	input.city
	vendors := {s.vendor | some s in lib.active_systems}
	count(vendors) > 0
	object.get(input.city, ["incident_response", "vendors_included"], false) != true
	msg := sprintf("city %s leaves its vendors (%s) out of incident response exercises (incident_response.vendors_included is not true)", [input.city.id, concat(", ", sort(vendors))])
}
