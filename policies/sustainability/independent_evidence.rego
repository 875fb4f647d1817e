# METADATA
# title: Independent evidence
# description: |
#   A vendor system must be backed by independent security evidence: an
#   EN 303 645 assessment (TS 103 701), IEC 62443-4-1 or 4-2 certification, or
#   a penetration test no older than pentest_max_age_months (12, citygate's
#   parameter). Any one suffices. Applies to systems with a vendor that are
#   not retired. A system that states none of the three is not stated; one
#   whose stated evidence does not qualify fails. EN 303 645 and TS 103 701
#   are consumer-IoT standards, accepted here by analogy for city devices.
#   Supply-chain security: area security, whatever the rule id says.
# related_resources:
#   - ref: https://www.isa.org/standards-and-publications/isa-standards/isa-iec-62443-series-of-standards
#     description: ISA/IEC 62443-4-1 (secure product development) and 62443-4-2 (component requirements)
#   - ref: https://www.etsi.org/deliver/etsi_ts/103700_103799/103701/
#     description: ETSI TS 103 701, conformance assessment of EN 303 645 (consumer IoT, applied by analogy)
#   - ref: https://doi.org/10.6028/NIST.SP.800-115
#     description: NIST SP 800-115, technical guide to security testing (penetration testing)
# custom:
#   id: SUST-004
#   severity: high
#   area: security
#   gsca_principle: safety_security_resiliency
#   sources:
#     - kind: standard
#       title: IEC 62443-4-1
#       url: https://www.isa.org/standards-and-publications/isa-standards/isa-iec-62443-series-of-standards
#       version: "2018"
#     - kind: standard
#       title: IEC 62443-4-2
#       url: https://www.isa.org/standards-and-publications/isa-standards/isa-iec-62443-series-of-standards
#       version: "2019"
#     - kind: standard
#       title: ETSI TS 103 701 (consumer IoT, applied by analogy)
#       clause: conformance assessment of EN 303 645
#       url: https://www.etsi.org/deliver/etsi_ts/103700_103799/103701/
#       version: V1.1.1 (2021-08)
#     - kind: practice
#       title: NIST SP 800-115
#       clause: 5.2 (penetration testing)
#       url: https://doi.org/10.6028/NIST.SP.800-115
#       version: September 2008
#     - kind: practice
#       title: NIST CSF 2.0
#       clause: GV.SC-07
#       url: https://doi.org/10.6028/NIST.CSWP.29
#       version: "2.0 (2024-02-26)"
#   messages:
#     stale_pentest: "system {id} from vendor {vendor} has no EN 303 645 or IEC 62443-4-1/4-2 evidence and its last pentest ({date}) is older than {months} months"
#     no_evidence: "system {id} from vendor {vendor} has no independent security evidence (EN 303 645 assessment, IEC 62443-4-1/4-2, or a pentest within {months} months)"
#     not_stated: "system {id} states no independent security evidence (evidence.en303645_assessment, evidence.iec62443 or evidence.pentest_date)"
#   remediation: >-
#     Obtain and record one of: evidence.en303645_assessment (the TS 103 701
#     report), evidence.iec62443 including "4-1" or "4-2", or an independent
#     penetration test dated within {params.pentest_max_age_months} months in
#     evidence.pentest_date.
#   fields:
#     - vendor
#     - evidence.en303645_assessment
#     - evidence.iec62443
#     - evidence.pentest_date
package citygate.rules.sustainability.independent_evidence

import data.citygate.lib

evidence_fields := ["en303645_assessment", "iec62443", "pentest_date"]

evidenced(s) if lib.stated(object.get(s, ["evidence", "en303645_assessment"], null))

evidenced(s) if {
	some part in s.evidence.iec62443
	part in {"4-1", "4-2"}
}

evidenced(s) if {
	d := s.evidence.pentest_date
	not lib.older_than_months(d, lib.params.pentest_max_age_months)
}

# states_evidence(s): the system states at least one kind of evidence.
states_evidence(s) if {
	some f in evidence_fields
	lib.stated(object.get(s, ["evidence", f], null))
}

unevidenced := [s | some s in lib.vendor_systems; not evidenced(s)]

applies contains lib.system(s) if some s in lib.vendor_systems

deny contains lib.not_stated(lib.system(s), "evidence.en303645_assessment") if {
	some s in unevidenced
	not states_evidence(s)
}

deny contains lib.fail(lib.system(s), "evidence.pentest_date", "stale_pentest", {
	"id": s.id, "vendor": s.vendor, "date": d, "months": lib.params.pentest_max_age_months,
}) if {
	some s in unevidenced
	d := s.evidence.pentest_date
}

# Stated evidence that does not qualify (IEC 62443 parts other than 4-1 and
# 4-2), with no pentest to fall back on.
deny contains lib.fail(lib.system(s), "evidence.en303645_assessment", "no_evidence", {
	"id": s.id, "vendor": s.vendor, "months": lib.params.pentest_max_age_months,
}) if {
	some s in unevidenced
	states_evidence(s)
	not lib.stated(object.get(s, ["evidence", "pentest_date"], null))
}
