# METADATA
# title: Patching
# description: |
#   Critical vulnerabilities must be fixed within the patch window, and
#   known-exploited ones within a shorter window, because attackers use them
#   within days of disclosure. The 14-day window for known-exploited
#   vulnerabilities follows CISA BOD 22-01 (binding on US federal agencies
#   only, used here as practice); the 30-day window for critical ones is the
#   library's default (param patch_critical_days). A system that does not
#   state the age of its oldest open critical or known-exploited
#   vulnerability (0 if none) is not stated. ETSI EN 303 645 is a consumer-IoT
#   standard applied here by analogy.
# related_resources:
#   - ref: https://www.cisa.gov/resources-tools/resources/cybersecurity-best-practices-smart-cities
#     description: CISA, Cybersecurity Best Practices for Smart Cities
#   - ref: https://www.cisa.gov/known-exploited-vulnerabilities-catalog
#     description: CISA Known Exploited Vulnerabilities catalog
#   - ref: https://www.cisa.gov/news-events/directives/bod-22-01-reducing-significant-risk-known-exploited-vulnerabilities
#     description: CISA BOD 22-01, Reducing the Significant Risk of Known Exploited Vulnerabilities
# custom:
#   id: SEC-009
#   severity: high
#   area: security
#   gsca_principle: safety_security_resiliency
#   sources:
#     - kind: practice
#       title: CISA Smart Cities best practices
#       url: https://www.cisa.gov/resources-tools/resources/cybersecurity-best-practices-smart-cities
#       version: April 2023
#     - kind: practice
#       title: CISA BOD 22-01
#       url: https://www.cisa.gov/news-events/directives/bod-22-01-reducing-significant-risk-known-exploited-vulnerabilities
#       version: November 2021
#     - kind: standard
#       title: ETSI EN 303 645 (consumer IoT, applied by analogy)
#       clause: 5.3-8
#       url: https://www.etsi.org/deliver/etsi_en/303600_303699/303645/
#       version: V2.1.1 (2020-06)
#     - kind: practice
#       title: NIST CSF 2.0
#       clause: ID.RA-01
#       url: https://doi.org/10.6028/NIST.CSWP.29
#       version: "2.0 (2024)"
#     - kind: practice
#       title: NIST CSF 2.0
#       clause: PR.PS-02
#       url: https://doi.org/10.6028/NIST.CSWP.29
#       version: "2.0 (2024)"
#   messages:
#     critical_over_limit: "system {id} has had a critical vulnerability open for {days} days, above the {limit}-day limit"
#     kev_over_limit: "system {id} has had a known-exploited vulnerability open for {days} days, above the {limit}-day limit"
#   remediation: >-
#     Patch or mitigate the open vulnerabilities and set
#     software.oldest_open_critical_days (0 if none) to at most
#     patch_critical_days ({params.patch_critical_days}) and
#     software.oldest_open_kev_days (0 if none) to at most patch_kev_days
#     ({params.patch_kev_days}).
#   fields:
#     - software.oldest_open_critical_days
#     - software.oldest_open_kev_days
package citygate.rules.security.patching

import data.citygate.lib

applies contains lib.system(s) if some s in lib.active_systems

# deciding_fields: both ages decide, so each must be stated (0 if none open).
deciding_fields := ["software.oldest_open_critical_days", "software.oldest_open_kev_days"]

deny contains lib.not_stated(lib.system(s), field) if {
	some s in lib.active_systems
	some field in deciding_fields
	lib.unstated(s, split(field, "."))
}

deny contains lib.fail(lib.system(s), "software.oldest_open_critical_days", "critical_over_limit", {
	"id": s.id,
	"days": days,
	"limit": limit,
}) if {
	some s in lib.active_systems
	days := s.software.oldest_open_critical_days
	lib.stated(days)
	limit := lib.params.patch_critical_days
	days > limit
}

deny contains lib.fail(lib.system(s), "software.oldest_open_kev_days", "kev_over_limit", {
	"id": s.id,
	"days": days,
	"limit": limit,
}) if {
	some s in lib.active_systems
	days := s.software.oldest_open_kev_days
	lib.stated(days)
	limit := lib.params.patch_kev_days
	days > limit
}
