# METADATA
# title: MFA for privileged and remote access
# description: |
#   Privileged accounts, and remote access where the system offers it, must
#   require multi-factor authentication; stolen or guessed passwords are the
#   most common way into city systems. Critical for OT and critical systems.
#   The requirement rests on IEC 62443 and NIST practice and applies
#   everywhere; NIS2 Article 21(2)(j) is cited as a supporting EU law. A
#   system that does not state its MFA or how it is reached remotely is not
#   stated.
# related_resources:
#   - ref: https://www.cisa.gov/resources-tools/resources/cybersecurity-best-practices-smart-cities
#     description: CISA, Cybersecurity Best Practices for Smart Cities
#   - ref: https://www.isa.org/standards-and-publications/isa-standards/isa-iec-62443-series-of-standards
#     description: IEC 62443-3-3 SR 1.1 (RE 2, multifactor authentication for untrusted networks) and SR 1.13 (access via untrusted networks)
#   - ref: https://eur-lex.europa.eu/eli/dir/2022/2555/oj
#     description: NIS2 Directive (EU) 2022/2555, Article 21(2)(j)
# custom:
#   id: SEC-006
#   severity: high
#   area: security
#   gsca_principle: safety_security_resiliency
#   sources:
#     - kind: standard
#       title: IEC 62443-3-3
#       clause: SR 1.1
#       url: https://www.isa.org/standards-and-publications/isa-standards/isa-iec-62443-series-of-standards
#       version: Edition 1.0 (2013)
#     - kind: standard
#       title: IEC 62443-3-3
#       clause: SR 1.13
#       url: https://www.isa.org/standards-and-publications/isa-standards/isa-iec-62443-series-of-standards
#       version: Edition 1.0 (2013)
#     - kind: practice
#       title: NIST CSF 2.0
#       clause: PR.AA-03
#       url: https://doi.org/10.6028/NIST.CSWP.29
#       version: "2.0 (2024)"
#     - kind: practice
#       title: CISA Smart Cities best practices
#       url: https://www.cisa.gov/resources-tools/resources/cybersecurity-best-practices-smart-cities
#       version: April 2023
#     - kind: law
#       title: NIS2
#       clause: Art 21(2)(j)
#       url: https://eur-lex.europa.eu/eli/dir/2022/2555/oj
#       version: (EU) 2022/2555
#   messages:
#     no_privileged_mfa: "system {id} does not require MFA for privileged accounts (auth.mfa_privileged is not true)"
#     no_remote_mfa: "system {id} allows remote access (remote_access = {remote}) without MFA (auth.mfa_remote is not true)"
#   remediation: >-
#     Enforce MFA for privileged accounts and set auth.mfa_privileged = true;
#     set remote_access (none, vpn, zero_trust or direct), and when it is not
#     none, enforce MFA on remote sessions and set auth.mfa_remote = true.
#   fields:
#     - auth.mfa_privileged
#     - auth.mfa_remote
#     - remote_access
#     - category
#     - criticality
package citygate.rules.security.mfa

import data.citygate.lib

# level is critical for OT and critical systems, high otherwise.
level(s) := "critical" if lib.critical_system(s)

else := "high"

applies contains lib.system(s) if some s in lib.active_systems

deny contains lib.not_stated_with_severity(lib.system(s), "auth.mfa_privileged", level(s)) if {
	some s in lib.active_systems
	lib.unstated(s, ["auth", "mfa_privileged"])
}

deny contains lib.fail_with_severity(lib.system(s), "auth.mfa_privileged", "no_privileged_mfa", {"id": s.id}, level(s)) if {
	some s in lib.active_systems
	s.auth.mfa_privileged == false
}

deny contains lib.not_stated_with_severity(lib.system(s), "remote_access", level(s)) if {
	some s in lib.active_systems
	lib.unstated(s, "remote_access")
}

# remote: the system states that administrators can reach it remotely.
remote(s) if {
	lib.stated(s.remote_access)
	s.remote_access != "none"
}

deny contains lib.not_stated_with_severity(lib.system(s), "auth.mfa_remote", level(s)) if {
	some s in lib.active_systems
	remote(s)
	lib.unstated(s, ["auth", "mfa_remote"])
}

deny contains lib.fail_with_severity(lib.system(s), "auth.mfa_remote", "no_remote_mfa", {"id": s.id, "remote": s.remote_access}, level(s)) if {
	some s in lib.active_systems
	remote(s)
	s.auth.mfa_remote == false
}
