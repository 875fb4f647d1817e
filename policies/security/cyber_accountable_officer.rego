# METADATA
# title: Cyber-accountable officer
# description: |
#   The city must name one cyber-accountable officer who holds decision
#   authority over security and reports to the top executive, so that cyber
#   risk is owned at the level that can fund and accept it.
# related_resources:
#   - ref: https://www.nist.gov/cyberframework
#     description: NIST Cybersecurity Framework 2.0, GV.RR-01/02
#   - ref: https://www.gov.uk/government/publications/secure-connected-places-playbook-documents
#     description: NCSC Secure Connected Places playbook, principle 3
# custom:
#   id: SEC-001
#   severity: critical
#   principle: security
#   controls:
#     - GSCA Cyber Accountability model policy
#     - GSC21 App.3
#     - NIST CSF 2.0 GV.RR-01
#     - NIST CSF 2.0 GV.RR-02
#     - NCSC Connected Places principle 3
#   remediation: >-
#     Add a role "cyber_accountable_officer" block to the city with holder set
#     to the person's name, reports_to set to a top executive (mayor,
#     city_manager, chief_executive or council), and decision_authority not
#     set to false.
#   fields:
#     - role.cyber_accountable_officer.holder
#     - role.cyber_accountable_officer.reports_to
#     - role.cyber_accountable_officer.decision_authority
package citygate.rules.security.cyber_accountable_officer

import data.citygate.lib

role_name := "cyber_accountable_officer"

deny contains lib.finding(lib.city, "role.cyber_accountable_officer", msg) if {
	input.city
	not lib.role(role_name)
	msg := sprintf("city %s has no role \"cyber_accountable_officer\"", [input.city.id])
}

deny contains lib.finding(lib.city, "role.cyber_accountable_officer.holder", msg) if {
	r := lib.role(role_name)
	object.get(r, "holder", "") == ""
	msg := sprintf("city %s names no holder for the cyber_accountable_officer role", [input.city.id])
}

deny contains lib.finding(lib.city, "role.cyber_accountable_officer.decision_authority", msg) if {
	r := lib.role(role_name)
	r.decision_authority == false
	msg := sprintf("city %s gives its cyber_accountable_officer no decision authority (decision_authority = false)", [input.city.id])
}

deny contains lib.finding(lib.city, "role.cyber_accountable_officer.reports_to", msg) if {
	r := lib.role(role_name)
	reports_to := object.get(r, "reports_to", "unset")
	not reports_to in {e | some e in lib.params.top_executives}
	msg := sprintf("city %s has a cyber_accountable_officer who does not report to a top executive (reports_to = %s)", [input.city.id, reports_to])
}
