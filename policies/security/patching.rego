# METADATA
# title: Patching
# description: |
#   Critical vulnerabilities must be fixed within the patch window, and
#   known-exploited ones within a shorter window, because attackers use them
#   within days of disclosure.
# related_resources:
#   - ref: https://www.cisa.gov/resources-tools/resources/cybersecurity-best-practices-smart-cities
#     description: CISA, Cybersecurity Best Practices for Smart Cities
#   - ref: https://www.cisa.gov/known-exploited-vulnerabilities-catalog
#     description: CISA Known Exploited Vulnerabilities catalog
# custom:
#   id: SEC-009
#   severity: high
#   principle: security
#   controls:
#     - CISA Smart Cities best practices
#     - ETSI EN 303 645 5.3-8
#     - NIST CSF 2.0 ID.RA-01
#   remediation: >-
#     Patch or mitigate the open vulnerabilities and set
#     software.oldest_open_critical_days (0 if none) to at most
#     patch_critical_days (default 30) and software.oldest_open_kev_days to at
#     most patch_kev_days (default 14).
#   fields:
#     - software.oldest_open_critical_days
#     - software.oldest_open_kev_days
package citygate.rules.security.patching

import data.citygate.lib

deny contains lib.finding(lib.system(s), "software.oldest_open_critical_days", msg) if {
	some s in lib.active_systems
	not s.software.oldest_open_critical_days
	msg := sprintf("system %s does not state the age of its oldest open critical vulnerability (software.oldest_open_critical_days is not set)", [s.id])
}

deny contains lib.finding(lib.system(s), "software.oldest_open_critical_days", msg) if {
	some s in lib.active_systems
	days := s.software.oldest_open_critical_days
	limit := lib.params.patch_critical_days
	days > limit
	msg := sprintf("system %s has had a critical vulnerability open for %d days, above the %d-day limit", [s.id, days, limit])
}

deny contains lib.finding(lib.system(s), "software.oldest_open_kev_days", msg) if {
	some s in lib.active_systems
	days := s.software.oldest_open_kev_days
	limit := lib.params.patch_kev_days
	days > limit
	msg := sprintf("system %s has had a known-exploited vulnerability open for %d days, above the %d-day limit", [s.id, days, limit])
}
