# METADATA
# title: Cyber-accountable officer
# description: |
#   The city must name one cyber-accountable officer who holds decision
#   authority over security and reports to the top executive, so that cyber
#   risk is owned at the level that can fund and accept it. This is the core
#   of the Alliance's Cyber Accountability model policy. A missing role, holder
#   or reporting line is not stated; decision authority defaults to true, so
#   only an explicit false fails.
# related_resources:
#   - ref: https://globalsmartcitiesalliance.org/?p=799
#     description: G20 Global Smart Cities Alliance, Cyber Accountability model policy
#   - ref: https://www.weforum.org/publications/governing-smart-cities-policy-benchmarks-for-ethical-and-responsible-smart-city-development/
#     description: Governing Smart Cities policy benchmarks (WEF/GSCA, 2021), Appendix 3 Accountability for cybersecurity
#   - ref: https://www.nist.gov/cyberframework
#     description: NIST Cybersecurity Framework 2.0, GV.RR-01/02
#   - ref: https://www.ncsc.gov.uk/collection/connected-places-security-principles
#     description: NCSC Connected Places Cyber Security Principles, principle 3 (governance and skills)
# custom:
#   id: SEC-001
#   severity: critical
#   area: security
#   gsca_principle: safety_security_resiliency
#   gsca_policy: cyber_accountability
#   sources:
#     - kind: gsca
#       title: GSCA Cyber Accountability model policy
#       url: https://globalsmartcitiesalliance.org/?p=799
#       version: Global Policy Roadmap (2020)
#     - kind: gsca
#       title: GSC21
#       clause: App.3
#       url: https://www.weforum.org/publications/governing-smart-cities-policy-benchmarks-for-ethical-and-responsible-smart-city-development/
#       version: Governing Smart Cities policy benchmarks, July 2021
#     - kind: practice
#       title: NIST CSF 2.0
#       clause: GV.RR-01
#       url: https://doi.org/10.6028/NIST.CSWP.29
#       version: "2.0 (2024)"
#     - kind: practice
#       title: NIST CSF 2.0
#       clause: GV.RR-02
#       url: https://doi.org/10.6028/NIST.CSWP.29
#       version: "2.0 (2024)"
#     - kind: practice
#       title: NCSC Connected Places principle
#       clause: "3"
#       url: https://www.ncsc.gov.uk/collection/connected-places-security-principles
#       version: "1.0 (2021)"
#   messages:
#     no_holder: "city {id} names no holder for the cyber_accountable_officer role"
#     no_decision_authority: "city {id} gives its cyber_accountable_officer no decision authority (decision_authority = false)"
#     not_top_executive: "city {id} has a cyber_accountable_officer who does not report to a top executive (reports_to = {reports_to})"
#   remediation: >-
#     Add a role "cyber_accountable_officer" block to the city with holder set
#     to the person's name, reports_to set to a top executive (mayor,
#     city_manager, chief_executive or council), and decision_authority not
#     set to false.
#   fields:
#     - role.cyber_accountable_officer
#     - role.cyber_accountable_officer.holder
#     - role.cyber_accountable_officer.reports_to
#     - role.cyber_accountable_officer.decision_authority
package citygate.rules.security.cyber_accountable_officer

import data.citygate.lib

role_name := "cyber_accountable_officer"

# Every city must name the officer: the rule applies to the city itself.
applies contains lib.city if input.city

deny contains lib.not_stated(lib.city, "role.cyber_accountable_officer") if {
	input.city
	not lib.role(role_name)
}

deny contains lib.not_stated(lib.city, "role.cyber_accountable_officer.holder") if {
	r := lib.role(role_name)
	lib.unstated(r, "holder")
}

# A holder that is stated but blank names nobody.
deny contains lib.fail(lib.city, "role.cyber_accountable_officer.holder", "no_holder", {"id": input.city.id}) if {
	r := lib.role(role_name)
	is_string(r.holder)
	trim_space(r.holder) == ""
}

# decision_authority defaults to true (inventory schema), so only an explicit
# false fails; its absence is a stated default, not a gap.
deny contains lib.fail(lib.city, "role.cyber_accountable_officer.decision_authority", "no_decision_authority", {"id": input.city.id}) if {
	r := lib.role(role_name)
	r.decision_authority == false
}

deny contains lib.not_stated(lib.city, "role.cyber_accountable_officer.reports_to") if {
	r := lib.role(role_name)
	lib.unstated(r, "reports_to")
}

deny contains lib.fail(lib.city, "role.cyber_accountable_officer.reports_to", "not_top_executive", {
	"id": input.city.id,
	"reports_to": r.reports_to,
}) if {
	r := lib.role(role_name)
	lib.stated(r.reports_to)
	not r.reports_to in {e | some e in lib.params.top_executives}
}
