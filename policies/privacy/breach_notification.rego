# METADATA
# title: Breach notification to regulators and residents
# description: |
#   The city's incident response must notify the supervisory authority of a
#   personal data breach within 72 hours (params regulator_notice_max_hours;
#   GDPR and UK GDPR Art 33) and tell the residents affected when the breach
#   is likely to put their rights at high risk (Art 34). An essential or
#   important entity under NIS2 also owes its CSIRT or authority an early
#   warning of a significant incident within 24 hours (Art 23(4)(a)).
# related_resources:
#   - ref: https://eur-lex.europa.eu/eli/reg/2016/679/oj
#     description: GDPR Art 33 and 34
#   - ref: https://eur-lex.europa.eu/eli/dir/2022/2555/oj
#     description: NIS2 Directive Art 23
# custom:
#   id: PRIV-013
#   severity: high
#   area: privacy
#   gsca_principle: transparency_privacy
#   profiles: [eu, uk]
#   sources:
#     - kind: law
#       title: GDPR
#       clause: Art 33(1), 34(1)
#       url: https://eur-lex.europa.eu/eli/reg/2016/679/oj
#       version: (EU) 2016/679
#     - kind: law
#       title: UK GDPR
#       clause: Art 33, 34
#       url: https://www.legislation.gov.uk/eur/2016/679/contents
#       version: retained (EU) 2016/679, as amended
#     - kind: law
#       title: NIS2
#       clause: Art 23(4)(a)
#       url: https://eur-lex.europa.eu/eli/dir/2022/2555/oj
#       version: (EU) 2022/2555
#   messages:
#     regulator_notice_too_slow: "city {id} notifies the regulator of a personal data breach within {hours} hours, above the {limit}-hour limit (incident_response.regulator_notice_hours)"
#     no_resident_notification: "city {id} does not notify affected residents of a personal data breach (incident_response.resident_notification = false)"
#   remediation: >-
#     Commit in the incident response plan to notify the supervisory authority
#     of a personal data breach within {params.regulator_notice_max_hours}
#     hours and set incident_response.regulator_notice_hours; provide for
#     telling the residents affected and set
#     incident_response.resident_notification = true.
#   fields:
#     - incident_response.regulator_notice_hours
#     - incident_response.resident_notification
package citygate.rules.privacy.breach_notification

import data.citygate.lib

applies contains lib.city if input.city

hours := object.get(input.city, ["incident_response", "regulator_notice_hours"], null)

residents := object.get(input.city, ["incident_response", "resident_notification"], null)

deny contains lib.not_stated(lib.city, "incident_response.regulator_notice_hours") if {
	input.city
	hours == null
}

deny contains lib.fail(lib.city, "incident_response.regulator_notice_hours", "regulator_notice_too_slow", {
	"id": input.city.id, "hours": hours, "limit": lib.params.regulator_notice_max_hours,
}) if {
	lib.stated(hours)
	hours > lib.params.regulator_notice_max_hours
}

deny contains lib.not_stated(lib.city, "incident_response.resident_notification") if {
	input.city
	residents == null
}

deny contains lib.fail(lib.city, "incident_response.resident_notification", "no_resident_notification", {"id": input.city.id}) if {
	residents == false
}
