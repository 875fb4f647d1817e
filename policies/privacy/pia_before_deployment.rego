# METADATA
# title: PIA before deployment
# description: |
#   A system that processes personal data needs a completed privacy impact
#   assessment (PIA) dated no later than go-live, no older than the maximum
#   age and no older than the system's last major change. Biometric or
#   public-space monitoring systems are escalated to critical. This is the
#   Alliance's Privacy Impact Assessment model policy and applies everywhere;
#   GDPR Art 35 (DPIA, PRIV-002) is the EU/UK law that goes further. A
#   system that holds a dataset marked personal but does not state
#   data.personal is not stated.
# related_resources:
#   - ref: https://globalsmartcitiesalliance.org/?tag=privacy-impact-assessment
#     description: G20 Global Smart Cities Alliance, Privacy Impact Assessment model policy
#   - ref: https://www.iso.org/standard/62289.html
#     description: ISO/IEC 29134, guidelines for privacy impact assessment
# custom:
#   id: PRIV-001
#   severity: high
#   area: privacy
#   gsca_principle: transparency_privacy
#   gsca_policy: privacy_impact_assessment
#   sources:
#     - kind: gsca
#       title: GSCA Privacy Impact Assessment model policy
#       url: https://globalsmartcitiesalliance.org/?tag=privacy-impact-assessment
#       version: v1.0 (Nov 2020)
#     - kind: gsca
#       title: Governing Smart Cities, Policy Benchmarks
#       clause: Appendix 2
#       url: https://www.weforum.org/publications/governing-smart-cities-policy-benchmarks-for-ethical-and-responsible-smart-city-development/
#       version: July 2021
#     - kind: standard
#       title: ISO/IEC 29134
#       clause: 6.5.4, 6.5.5
#       url: https://www.iso.org/standard/62289.html
#       version: "2017"
#     - kind: law
#       title: GDPR
#       clause: Art 35(1), 35(11)
#       url: https://eur-lex.europa.eu/eli/reg/2016/679/oj
#       version: (EU) 2016/679
#   messages:
#     none: "system {id} processes personal data and has no completed PIA (assessment \"pia\")"
#     after_go_live: "system {id} has a PIA dated {date}, after go_live {go_live}"
#     too_old: "system {id} has a PIA dated {date}, older than {months} months"
#     before_change: "system {id} has a PIA dated {date}, older than its last major change on {changed}"
#   remediation: >-
#     Carry out a privacy impact assessment before go-live and record it as
#     assessment "pia" { date = "YYYY-MM-DD" } on the system, with a date no
#     later than go_live; repeat it at least every pia_max_age_months
#     ({params.pia_max_age_months}) months and after every last_major_change.
#     State data.personal on every system that must describe its data, and
#     go_live on systems in service.
#   fields:
#     - data.personal
#     - data.biometric
#     - data.public_space_monitoring
#     - stage
#     - go_live
#     - last_major_change
#     - assessment.pia.date
#     - assessment.pia.completed
#     - dataset.personal
package citygate.rules.privacy.pia_before_deployment

import data.citygate.lib

# applicable: the systems that are not retired and process personal data,
# or must describe their data and do not say whether it is personal.
applicable := [s | some s in lib.active_systems; lib.personal_or_unknown(s)]

# undeclared: systems that hold a dataset marked personal, so process
# personal data, and do not say so (nor must describe their data otherwise).
undeclared := [s |
	some s in lib.active_systems
	not lib.personal_or_unknown(s)
	some d in object.get(s, "datasets", [])
	d.personal == true
	lib.unstated(s, ["data", "personal"])
]

applies contains lib.system(s) if some s in applicable

applies contains lib.system(s) if some s in undeclared

# escalated: biometric or public-space monitoring makes the finding critical.
escalated(s) if s.data.biometric == true

escalated(s) if s.data.public_space_monitoring == true

# pias are the system's completed PIA blocks.
pias(s) := [a | some a in object.get(s, "assessments", []); a.kind == "pia"; object.get(a, "completed", true) != false]

# dates are the dates of the system's completed, dated PIAs.
dates(s) := [a.date | some a in pias(s); lib.stated(a.date)]

# personal: the applicable systems that say they process personal data,
# each with the dates of its PIAs.
personal := [[s, dates(s)] | some s in applicable; lib.personal(s)]

# unstated pairs a system with a field it must state for this rule to decide.
unstated contains [s, "data.personal"] if {
	some s in applicable
	lib.personal_unknown(s)
}

unstated contains [s, "data.personal"] if some s in undeclared

# A completed PIA with no date cannot be shown to precede go-live.
unstated contains [s, "assessment.pia.date"] if {
	some [s, ds] in personal
	count(pias(s)) > 0
	count(ds) == 0
}

# A system in service must say when it went live, or the PIA's order
# cannot be checked.
unstated contains [s, "go_live"] if {
	some [s, ds] in personal
	count(ds) > 0
	lib.in_service(s)
	object.get(s, "go_live", null) == null
}

violations contains {"s": s, "template": "none", "args": {"id": s.id}} if {
	some [s, _] in personal
	count(pias(s)) == 0
}

# A PIA must precede go-live; once a system has run longer than the PIA
# renewal period, the current PIA is necessarily a later renewal, so the
# order is only checked while go-live is within that period or ahead. A
# later renewal beside a PIA on or before go-live is expected.
violations contains {"s": s, "template": "after_go_live", "args": {"id": s.id, "date": min(ds), "go_live": s.go_live}} if {
	some [s, ds] in personal
	count(ds) > 0
	lib.stated(s.go_live)
	not lib.older_than_months(s.go_live, lib.params.pia_max_age_months)
	lib.before(s.go_live, min(ds))
}

# Age and last major change are judged on the latest PIA: an older one
# beside a renewal is history, not a violation.
violations contains {"s": s, "template": "too_old", "args": {"id": s.id, "date": max(ds), "months": lib.params.pia_max_age_months}} if {
	some [s, ds] in personal
	count(ds) > 0
	lib.older_than_months(max(ds), lib.params.pia_max_age_months)
}

violations contains {"s": s, "template": "before_change", "args": {"id": s.id, "date": max(ds), "changed": s.last_major_change}} if {
	some [s, ds] in personal
	count(ds) > 0
	lib.stated(s.last_major_change)
	lib.before(max(ds), s.last_major_change)
}

deny contains lib.fail(lib.system(v.s), "assessment.pia.date", v.template, v.args) if {
	some v in violations
	not escalated(v.s)
}

deny contains lib.fail_with_severity(lib.system(v.s), "assessment.pia.date", v.template, v.args, "critical") if {
	some v in violations
	escalated(v.s)
}

deny contains lib.not_stated(lib.system(s), field) if {
	some [s, field] in unstated
	not escalated(s)
}

deny contains lib.not_stated_with_severity(lib.system(s), field, "critical") if {
	some [s, field] in unstated
	escalated(s)
}
