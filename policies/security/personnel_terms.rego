# METADATA
# title: Staff and contractor terms
# description: |
#   Staff and contractors with privileged or remote access must be bound by
#   confidentiality terms and trained in security within the training
#   period, since insiders and their stolen credentials are a leading cause
#   of city incidents. Applies to active systems that describe their
#   privileged personnel or are administered remotely, and to systems that
#   state neither (remote_access is then not stated); a missing
#   confidentiality_terms or last_security_training is not stated.
# related_resources:
#   - ref: https://doi.org/10.6028/NIST.CSWP.29
#     description: NIST Cybersecurity Framework 2.0, PR.AT-01/02 and GV.RR-04
#   - ref: https://www.iso.org/standard/27001
#     description: ISO/IEC 27001:2022 Annex A 6.3 (awareness and training) and 6.6 (confidentiality agreements)
# custom:
#   id: SEC-022
#   severity: medium
#   area: security
#   gsca_principle: safety_security_resiliency
#   sources:
#     - kind: standard
#       title: ISO/IEC 27001
#       clause: Annex A 6.3, 6.6
#       url: https://www.iso.org/standard/27001
#       version: "2022"
#     - kind: practice
#       title: NIST CSF 2.0
#       clause: PR.AT-01, PR.AT-02, GV.RR-04
#       url: https://doi.org/10.6028/NIST.CSWP.29
#       version: "2.0 (2024-02-26)"
#   messages:
#     no_confidentiality_terms: "system {id} has privileged staff or contractors not bound by confidentiality terms (personnel.confidentiality_terms is not true)"
#     old_training: "system {id} last trained its privileged staff and contractors in security on {trained}, more than {months} months ago"
#   remediation: >-
#     State remote_access; bind privileged staff and contractors by
#     confidentiality terms and set personnel.confidentiality_terms = true;
#     train them at least every security_training_months
#     ({params.security_training_months}) and set
#     personnel.last_security_training to the date.
#   fields:
#     - remote_access
#     - personnel.confidentiality_terms
#     - personnel.last_security_training
package citygate.rules.security.personnel_terms

import data.citygate.lib

# privileged: the system describes its privileged personnel, or people
# administer it remotely.
privileged(s) if lib.stated(object.get(s, "personnel", null))

privileged(s) if object.get(s, "remote_access", "none") != "none"

# privileged_access: the active systems with privileged access.
privileged_access := [s | some s in lib.active_systems; privileged(s)]

# access_unknown: active systems that say nothing of their privileged
# access: they may be administered remotely.
access_unknown := [s |
	some s in lib.active_systems
	not lib.stated(object.get(s, "personnel", null))
	not lib.stated(object.get(s, "remote_access", null))
]

applies contains lib.system(s) if some s in privileged_access

applies contains lib.system(s) if some s in access_unknown

deny contains lib.not_stated(lib.system(s), "remote_access") if some s in access_unknown

deny contains lib.not_stated(lib.system(s), "personnel.confidentiality_terms") if {
	some s in privileged_access
	not lib.stated(object.get(s, ["personnel", "confidentiality_terms"], null))
}

deny contains lib.fail(lib.system(s), "personnel.confidentiality_terms", "no_confidentiality_terms", {"id": s.id}) if {
	some s in privileged_access
	s.personnel.confidentiality_terms == false
}

deny contains lib.not_stated(lib.system(s), "personnel.last_security_training") if {
	some s in privileged_access
	not lib.stated(object.get(s, ["personnel", "last_security_training"], null))
}

deny contains lib.fail(lib.system(s), "personnel.last_security_training", "old_training", {
	"id": s.id, "trained": trained, "months": months,
}) if {
	some s in privileged_access
	trained := s.personnel.last_security_training
	months := lib.params.security_training_months
	lib.older_than_months(trained, months)
}
