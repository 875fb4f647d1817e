# METADATA
# title: Incident response
# description: |
#   The city must exercise its incident response at least once per period
#   and include the vendors whose systems it runs, because incidents in
#   smart-city systems cross the boundary between the city and its suppliers.
#   Applies to the city; a city that does not state
#   incident_response.last_exercise, or (when it runs vendor systems)
#   incident_response.vendors_included, is not stated.
# related_resources:
#   - ref: https://doi.org/10.6028/NIST.CSWP.29
#     description: NIST Cybersecurity Framework 2.0, ID.IM-02, ID.IM-04 and GV.SC-08
#   - ref: https://www.cisa.gov/resources-tools/resources/cybersecurity-best-practices-smart-cities
#     description: CISA et al., Cybersecurity Best Practices for Smart Cities (incident response and recovery plans)
#   - ref: https://eur-lex.europa.eu/eli/dir/2022/2555/oj
#     description: NIS2 Directive (EU) 2022/2555, Article 21(2)(b) and (c), where EU law applies
# custom:
#   id: SEC-019
#   severity: high
#   area: security
#   gsca_principle: safety_security_resiliency
#   sources:
#     - kind: practice
#       title: NIST CSF 2.0
#       clause: ID.IM-02, ID.IM-04, GV.SC-08
#       url: https://doi.org/10.6028/NIST.CSWP.29
#       version: "2.0 (2024-02-26)"
#     - kind: practice
#       title: NIST SP 800-84
#       url: https://doi.org/10.6028/NIST.SP.800-84
#       version: September 2006
#     - kind: practice
#       title: CISA Cybersecurity Best Practices for Smart Cities
#       clause: operational resilience
#       url: https://www.cisa.gov/resources-tools/resources/cybersecurity-best-practices-smart-cities
#       version: April 2023
#     - kind: law
#       title: NIS2
#       clause: Art 21(2)(b), (c)
#       url: https://eur-lex.europa.eu/eli/dir/2022/2555/oj
#       version: (EU) 2022/2555
#   messages:
#     old_exercise: "city {id} last exercised incident response on {exercised}, more than {months} months ago"
#     vendors_left_out: "city {id} leaves its vendors ({vendors}) out of incident response exercises (incident_response.vendors_included is not true)"
#   remediation: >-
#     Run an incident response exercise at least every
#     incident_exercise_months ({params.incident_exercise_months}) and set
#     incident_response.last_exercise to its date; invite the vendors of the
#     city's systems and set incident_response.vendors_included = true.
#   fields:
#     - vendor
#     - incident_response.last_exercise
#     - incident_response.vendors_included
package citygate.rules.security.incident_response

import data.citygate.lib

applies contains lib.city if input.city

# Vendors can only be left out where the inventory has vendor systems.
vendors := {s.vendor | some s in lib.vendor_systems}

deny contains lib.not_stated(lib.city, "incident_response.last_exercise") if {
	input.city
	not lib.stated(object.get(input.city, ["incident_response", "last_exercise"], null))
}

deny contains lib.fail(lib.city, "incident_response.last_exercise", "old_exercise", {
	"id": input.city.id, "exercised": exercised, "months": months,
}) if {
	exercised := input.city.incident_response.last_exercise
	months := lib.params.incident_exercise_months
	lib.older_than_months(exercised, months)
}

deny contains lib.not_stated(lib.city, "incident_response.vendors_included") if {
	input.city
	count(vendors) > 0
	not lib.stated(object.get(input.city, ["incident_response", "vendors_included"], null))
}

deny contains lib.fail(lib.city, "incident_response.vendors_included", "vendors_left_out", {
	"id": input.city.id, "vendors": concat(", ", sort(vendors)),
}) if {
	count(vendors) > 0
	input.city.incident_response.vendors_included == false
}
