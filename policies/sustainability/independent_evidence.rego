# METADATA
# title: Independent evidence
# description: |
#   A vendor system must be backed by independent security evidence: an
#   EN 303 645 assessment (TS 103 701), IEC 62443-4-1 or 4-2 certification, or
#   a penetration test no older than pentest_max_age_months (12). Any one
#   suffices. Applies to systems with a vendor that are not retired.
# related_resources:
#   - ref: https://www.etsi.org/deliver/etsi_ts/103700_103799/103701/
#     description: ETSI TS 103 701, conformance assessment of EN 303 645
# custom:
#   id: SUST-004
#   severity: high
#   principle: sustainability
#   controls:
#     - ETSI TS 103 701
#     - IEC 62443-4-1
#     - IEC 62443-4-2
#   remediation: >-
#     Obtain and record one of: evidence.en303645_assessment (the TS 103 701
#     report), evidence.iec62443 including "4-1" or "4-2", or an independent
#     penetration test dated within 12 months in evidence.pentest_date.
#   fields:
#     - vendor
#     - evidence.en303645_assessment
#     - evidence.iec62443
#     - evidence.pentest_date
package citygate.rules.sustainability.independent_evidence

import data.citygate.lib

evidenced(s) if s.evidence.en303645_assessment

evidenced(s) if {
	some part in s.evidence.iec62443
	part in {"4-1", "4-2"}
}

evidenced(s) if {
	d := s.evidence.pentest_date
	not lib.older_than_months(d, lib.params.pentest_max_age_months)
}

unevidenced := [s | some s in lib.vendor_systems; not evidenced(s)]

deny contains lib.finding(lib.system(s), "evidence.pentest_date", msg) if {
	some s in unevidenced
	d := s.evidence.pentest_date
	msg := sprintf("system %s from vendor %s has no EN 303 645 or IEC 62443-4-1/4-2 evidence and its last pentest (%s) is older than %d months", [s.id, s.vendor, d, lib.params.pentest_max_age_months])
}

deny contains lib.finding(lib.system(s), "evidence.en303645_assessment", msg) if {
	some s in unevidenced
	not s.evidence.pentest_date
	msg := sprintf("system %s from vendor %s has no independent security evidence (EN 303 645 assessment, IEC 62443-4-1/4-2, or a pentest within %d months)", [s.id, s.vendor, lib.params.pentest_max_age_months])
}
