# METADATA
# title: Advance coordination
# description: |
#   Public right-of-way excavations must be announced to ISPs and utilities so
#   they can lay ducts in the same trench: the coordination at the heart of
#   the Alliance's Dig Once model policy. Fails when notice_days is shorter
#   than the dig_once policy's notice_days, or when notified lists nobody;
#   an excavation that does not state its notice (when the policy sets one)
#   or whom it notified is not stated. In the EU, the Gigabit Infrastructure
#   Act makes public bodies publish planned civil works and meet reasonable
#   requests to coordinate them.
# related_resources:
#   - ref: https://www3.weforum.org/docs/WEF_Governing_Smart_Cities_2021.pdf
#     description: "Governing Smart Cities: Policy Benchmarks (G20 Global Smart Cities Alliance, 2021), Appendix 4: Dig Once"
#   - ref: https://www.ctcnet.us/blog/a-technical-guide-to-dig-once-policies/
#     description: CTC Technology & Energy, a technical guide to Dig Once policies
#   - ref: https://eur-lex.europa.eu/eli/reg/2024/1309/oj
#     description: Regulation (EU) 2024/1309 (Gigabit Infrastructure Act), Art 5-6
# custom:
#   id: BB-003
#   severity: medium
#   area: broadband
#   gsca_principle: operational_financial_sustainability
#   gsca_policy: dig_once
#   sources:
#     - kind: gsca
#       title: GSCA Dig Once model policy
#       clause: coordinated excavation
#       url: https://www3.weforum.org/docs/WEF_Governing_Smart_Cities_2021.pdf
#       version: Policy Benchmarks, Appendix 4 (2021)
#     - kind: practice
#       title: CTC Dig Once guide
#       url: https://www.ctcnet.us/blog/a-technical-guide-to-dig-once-policies/
#     - kind: law
#       title: Gigabit Infrastructure Act
#       clause: Art 5-6
#       url: https://eur-lex.europa.eu/eli/reg/2024/1309/oj
#       version: Regulation (EU) 2024/1309
#   messages:
#     short_notice: "excavation {id} gave {days} days of notice, shorter than the {required} days the dig_once policy requires"
#     nobody_notified: "excavation {id} in the public right of way lists no ISPs or utilities in notified"
#   remediation: >-
#     Give at least the dig_once policy's notice_days of advance notice and
#     record it in the excavation's notice_days; list the ISPs and utilities
#     notified in notified.
#   fields:
#     - excavation.public_row
#     - excavation.notice_days
#     - excavation.notified
#     - policy.dig_once.notice_days
package citygate.rules.broadband.advance_coordination

import data.citygate.lib

# excavations in the public right of way (BB-002 reports an unstated
# public_row).
public_digs := [e | some e in input.excavations; e.public_row == true]

applies contains lib.excavation(e) if some e in public_digs

# field(e, f) is the excavation's f, null when not stated. object.get,
# because OPA evaluates a ref argument before a negation.
field(e, f) := object.get(e, f, null)

deny contains lib.fail(lib.excavation(e), "notice_days", "short_notice", {
	"id": e.id,
	"days": e.notice_days,
	"required": required,
}) if {
	some e in public_digs
	required := lib.policy("dig_once").notice_days
	e.notice_days < required
}

# Without a notice period in the city's policy there is nothing to measure
# the notice against, so an unstated notice_days is not a gap here.
deny contains lib.not_stated(lib.excavation(e), "notice_days") if {
	some e in public_digs
	lib.policy("dig_once").notice_days
	not lib.stated(field(e, "notice_days"))
}

deny contains lib.not_stated(lib.excavation(e), "notified") if {
	some e in public_digs
	not lib.stated(field(e, "notified"))
}

deny contains lib.fail(lib.excavation(e), "notified", "nobody_notified", {"id": e.id}) if {
	some e in public_digs
	count(e.notified) == 0
}
