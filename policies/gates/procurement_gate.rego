# METADATA
# title: Procurement gate
# description: |
#   A contract must not be awarded while the bid has open critical or high
#   findings. The rule names the systems whose award is requested; the
#   engine fails each one that still has an open critical or high finding
#   after waivers (an approved exception is a waiver on that finding).
# related_resources:
#   - ref: https://www.cisa.gov/resources-tools/resources/connected-communities-procurement-and-implementation-guidance
#     description: CISA Connected Communities procurement guidance
# custom:
#   id: SUST-001
#   severity: critical
#   principle: sustainability
#   controls:
#     - Rabat
#     - SF Admin Code 22I
#     - CISA-CC
#   remediation: >-
#     Resolve every critical and high finding of the system before requesting
#     award, or record an approved exception for it as a waiver block with a
#     reason, approver and expiry; until then set procurement.award_requested
#     to false.
#   fields:
#     - stage
#     - procurement.award_requested
package citygate.gates.procurement_gate

import data.citygate.lib

# gated names the systems at stage procurement whose award is requested.
gated contains lib.finding(lib.system(s), "procurement.award_requested", msg) if {
	some s in input.systems
	lib.bid(s)
	s.procurement.award_requested == true
	msg := sprintf("award of system %s is requested", [s.id])
}
