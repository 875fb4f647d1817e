# METADATA
# title: Evidence of conformance
# description: |
#   A claim of accessibility needs recent evidence: an audit that includes
#   manual or user testing, since automated tools find only a fraction of
#   accessibility barriers. How often to audit is this library's own choice
#   (accessibility_audit_months, 12 by default): no law sets an interval for
#   the operator. In the EU, monitoring is the Member States' duty (Web
#   Accessibility Directive Art 8, with the sampling and in-depth methods of
#   Implementing Decision 2018/1524); the rule asks the operator to hold its
#   own evidence of conformance to EN 301 549 / WCAG, evaluated as WCAG-EM
#   describes.
# related_resources:
#   - ref: https://www.w3.org/TR/WCAG-EM/
#     description: W3C Website Accessibility Conformance Evaluation Methodology (WCAG-EM) 1.0
#   - ref: https://eur-lex.europa.eu/eli/dir/2016/2102/oj
#     description: Directive (EU) 2016/2102 (Web Accessibility Directive), Art 8 monitoring by Member States
#   - ref: https://eur-lex.europa.eu/eli/dec_impl/2018/1524/oj
#     description: Commission Implementing Decision (EU) 2018/1524, monitoring methodology
# custom:
#   id: ACC-002
#   severity: medium
#   area: accessibility
#   gsca_principle: equity_inclusion_societal_impact
#   sources:
#     - kind: standard
#       title: EN 301 549
#       clause: cl.9-11, Annex C
#       url: https://www.etsi.org/deliver/etsi_en/301500_301599/301549/03.02.01_60/en_301549v030201p.pdf
#       version: V3.2.1 (2021-03)
#     - kind: practice
#       title: W3C WCAG-EM
#       url: https://www.w3.org/TR/WCAG-EM/
#       version: "1.0 (W3C Working Group Note, 2014)"
#     - kind: law
#       title: WAD
#       clause: Art 8 (monitoring by Member States)
#       url: https://eur-lex.europa.eu/eli/dir/2016/2102/oj
#       version: Directive (EU) 2016/2102
#     - kind: law
#       title: Impl. Dec. 2018/1524
#       clause: Annex I
#       url: https://eur-lex.europa.eu/eli/dec_impl/2018/1524/oj
#       version: (EU) 2018/1524
#     - kind: practice
#       title: citygate default
#       clause: accessibility_audit_months = 12 (no law sets the interval)
#   messages:
#     audit_stale: "system {id} was last audited for accessibility on {date}, more than {months} months ago"
#     automated_only: "system {id} has no manual or user-testing evidence of accessibility (accessibility.method = {method})"
#   remediation: >-
#     Have the interface audited at least every accessibility_audit_months
#     ({params.accessibility_audit_months}) months with manual checks and set
#     accessibility.last_audit to the audit date and accessibility.method to
#     manual, manual+automated or user_testing.
#   fields:
#     - stage
#     - public_facing
#     - user_facing
#     - category
#     - accessibility.last_audit
#     - accessibility.method
package citygate.rules.accessibility.conformance_evidence

import data.citygate.lib

# applicable: the user-facing systems in pilot or production (a bid's
# evidence is its conformance report, ACC-004).
applicable := [s | some s in lib.user_facing_systems; lib.in_service(s)]

applies contains lib.system(s) if some s in applicable

# stated(s, f): accessibility.f is there and not null. object.get, because
# OPA evaluates a ref argument before the negation: with the field missing,
# `not lib.stated(s.accessibility.last_audit)` is undefined, not true.
stated(s, f) if lib.stated(object.get(s, ["accessibility", f], null))

deny contains lib.not_stated(lib.system(s), "accessibility.last_audit") if {
	some s in applicable
	not stated(s, "last_audit")
}

deny contains lib.fail(lib.system(s), "accessibility.last_audit", "audit_stale", {
	"id": s.id,
	"date": s.accessibility.last_audit,
	"months": lib.params.accessibility_audit_months,
}) if {
	some s in applicable
	stated(s, "last_audit")
	lib.older_than_months(s.accessibility.last_audit, lib.params.accessibility_audit_months)
}

deny contains lib.not_stated(lib.system(s), "accessibility.method") if {
	some s in applicable
	not stated(s, "method")
}

deny contains lib.fail(lib.system(s), "accessibility.method", "automated_only", {"id": s.id, "method": s.accessibility.method}) if {
	some s in applicable
	s.accessibility.method == "automated"
}
