# METADATA
# title: Staff and contractor terms
# description: |
#   Staff and contractors with privileged or remote access must be bound by
#   confidentiality terms and trained in security within the training
#   period, since insiders and their stolen credentials are a leading cause
#   of city incidents.
# related_resources:
#   - ref: https://www.nist.gov/cyberframework
#     description: NIST Cybersecurity Framework 2.0, PR.AT-01/02 and GV.RR-04
# custom:
#   id: SEC-022
#   severity: medium
#   principle: security
#   controls:
#     - Moscow (U4SSC case study, staff contracts)
#     - NIST CSF 2.0 PR.AT-01
#     - NIST CSF 2.0 PR.AT-02
#     - NIST CSF 2.0 GV.RR-04
#   remediation: >-
#     Bind privileged staff and contractors by confidentiality terms and set
#     personnel.confidentiality_terms = true; train them at least every
#     security_training_months (default 12) and set
#     personnel.last_security_training to the date.
#   fields:
#     - personnel.confidentiality_terms
#     - personnel.last_security_training
#     - remote_access
package citygate.rules.security.personnel_terms

import data.citygate.lib

# privileged: the system describes its privileged personnel, or people
# administer it remotely.
privileged(s) if s.personnel

privileged(s) if object.get(s, "remote_access", "none") != "none"

# privileged_access: the systems that are not retired and privileged.
privileged_access := [s | some s in lib.active_systems; privileged(s)]

deny contains lib.finding(lib.system(s), "personnel.confidentiality_terms", msg) if {
	some s in privileged_access
	object.get(s, ["personnel", "confidentiality_terms"], false) != true
	msg := sprintf("system %s has privileged staff or contractors not bound by confidentiality terms (personnel.confidentiality_terms is not true)", [s.id])
}

deny contains lib.finding(lib.system(s), "personnel.last_security_training", msg) if {
	some s in privileged_access
	not s.personnel.last_security_training
	msg := sprintf("system %s states no security training of its privileged staff and contractors (personnel.last_security_training is not set)", [s.id])
}

deny contains lib.finding(lib.system(s), "personnel.last_security_training", msg) if {
	some s in privileged_access
	trained := s.personnel.last_security_training
	months := lib.params.security_training_months
	lib.older_than_months(trained, months)
	msg := sprintf("system %s last trained its privileged staff and contractors in security on %s, more than %d months ago", [s.id, trained, months])
}
