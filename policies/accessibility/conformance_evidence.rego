# METADATA
# title: Evidence of conformance
# description: |
#   A claim of accessibility needs recent evidence: an audit within the last
#   12 months that includes manual or user testing, since automated tools
#   find only a fraction of accessibility barriers.
# related_resources:
#   - ref: https://eur-lex.europa.eu/eli/dec_impl/2018/1524/oj
#     description: Commission Implementing Decision (EU) 2018/1524, monitoring methodology
# custom:
#   id: ACC-002
#   severity: medium
#   principle: accessibility
#   controls:
#     - GSC21 App.1
#     - Impl. Dec. 2018/1524
#   remediation: >-
#     Have the interface audited at least every accessibility_audit_months
#     (12) months with manual checks and set accessibility.last_audit to the
#     audit date and accessibility.method to manual, manual+automated or
#     user_testing.
#   fields:
#     - stage
#     - accessibility.last_audit
#     - accessibility.method
package citygate.rules.accessibility.conformance_evidence

import data.citygate.lib

# applicable: the user-facing systems in pilot or production (a bid's
# evidence is its conformance report, ACC-004).
applicable := [s | some s in lib.user_facing_systems; lib.in_service(s)]

deny contains lib.finding(lib.system(s), "accessibility.last_audit", msg) if {
	some s in applicable
	not s.accessibility.last_audit
	msg := sprintf("system %s is user-facing and has no accessibility audit (accessibility.last_audit)", [s.id])
}

deny contains lib.finding(lib.system(s), "accessibility.last_audit", msg) if {
	some s in applicable
	lib.older_than_months(s.accessibility.last_audit, lib.params.accessibility_audit_months)
	msg := sprintf("system %s was last audited for accessibility on %s, more than %d months ago", [s.id, s.accessibility.last_audit, lib.params.accessibility_audit_months])
}

deny contains lib.finding(lib.system(s), "accessibility.method", msg) if {
	some s in applicable
	method := object.get(s, ["accessibility", "method"], "not set")
	method in {"automated", "not set"}
	msg := sprintf("system %s has no manual or user-testing evidence of accessibility (accessibility.method = %s)", [s.id, method])
}
