# METADATA
# title: MFA for privileged and remote access
# description: |
#   Privileged accounts, and remote access where the system offers it, must
#   require multi-factor authentication; stolen or guessed passwords are the
#   most common way into city systems. Critical for OT and critical systems.
# related_resources:
#   - ref: https://www.cisa.gov/resources-tools/resources/cybersecurity-best-practices-smart-cities
#     description: CISA, Cybersecurity Best Practices for Smart Cities
#   - ref: https://eur-lex.europa.eu/eli/dir/2022/2555/oj
#     description: NIS2 Directive (EU) 2022/2555, Article 21(2)(j)
# custom:
#   id: SEC-006
#   severity: high
#   principle: security
#   controls:
#     - CISA Smart Cities best practices
#     - NIS2 21(2)(j)
#     - NIST CSF 2.0 PR.AA-03
#     - IEC 62443-3-3 SR1.1
#     - IEC 62443-3-3 SR1.13
#     - Moscow (U4SSC case study)
#   remediation: >-
#     Enforce MFA for privileged accounts and set auth.mfa_privileged = true;
#     when remote_access is vpn, zero_trust or direct, enforce MFA on remote
#     sessions and set auth.mfa_remote = true.
#   fields:
#     - auth.mfa_privileged
#     - auth.mfa_remote
#     - remote_access
package citygate.rules.security.mfa

import data.citygate.lib

# level is critical for OT and critical systems, high otherwise.
level(s) := "critical" if lib.critical_system(s)

else := "high"

deny contains lib.finding_with_severity(lib.system(s), "auth.mfa_privileged", msg, level(s)) if {
	some s in lib.active_systems
	object.get(s, ["auth", "mfa_privileged"], false) != true
	msg := sprintf("system %s does not require MFA for privileged accounts (auth.mfa_privileged is not true)", [s.id])
}

deny contains lib.finding_with_severity(lib.system(s), "auth.mfa_remote", msg, level(s)) if {
	some s in lib.active_systems
	remote := object.get(s, "remote_access", "none")
	remote != "none"
	object.get(s, ["auth", "mfa_remote"], false) != true
	msg := sprintf("system %s allows remote access (remote_access = %s) without MFA (auth.mfa_remote is not true)", [s.id, remote])
}
