# METADATA
# title: Procurement gate
# description: |
#   A contract must not be awarded while the bid has open critical or high
#   findings. The rule names the systems whose award is requested; the
#   engine fails each one that still has an open critical or high finding
#   after waivers (an approved exception is a waiver on that finding), and
#   appends to the message how many findings are open and which rules they
#   come from. Applies to systems at stage procurement whose award is
#   requested.
# related_resources:
#   - ref: https://www.cisa.gov/resources-tools/resources/connected-communities-procurement-and-implementation-guidance
#     description: CISA Connected Communities procurement guidance
# custom:
#   id: SUST-001
#   severity: critical
#   area: sustainability
#   gsca_principle: operational_financial_sustainability
#   sources:
#     - kind: practice
#       title: CISA Connected Communities guidance
#       clause: procurement and implementation
#       url: https://www.cisa.gov/resources-tools/resources/connected-communities-procurement-and-implementation-guidance
#   messages:
#     award_requested: "award of system {id} is requested"
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

# requested are the systems at stage procurement whose award is requested.
requested := [s | some s in input.systems; lib.bid(s); s.procurement.award_requested == true]

applies contains lib.system(s) if some s in requested

# gated names them; the engine decides from their open findings whether the
# gate fails, so a gate result is never a not_stated.
gated contains lib.fail(lib.system(s), "procurement.award_requested", "award_requested", {"id": s.id}) if some s in requested
