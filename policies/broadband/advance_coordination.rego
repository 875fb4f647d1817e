# METADATA
# title: Advance coordination
# description: |
#   Public right-of-way excavations must be announced to ISPs and utilities so
#   they can lay ducts in the same trench. Fires when notice_days is shorter
#   than (or absent despite) the dig_once policy's notice_days, when the policy
#   states one, or when no ISP or utility is listed in notified.
# related_resources:
#   - ref: https://www.ctcnet.us/blog/a-technical-guide-to-dig-once-policies/
#     description: CTC Technology & Energy, a technical guide to Dig Once policies
# custom:
#   id: BB-003
#   severity: medium
#   principle: broadband
#   controls:
#     - CTC
#     - London Dig-Once/IMA
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

deny contains lib.finding(lib.excavation(e), "notice_days", msg) if {
	some e in input.excavations
	e.public_row == true
	required := lib.policy("dig_once").notice_days
	e.notice_days < required
	msg := sprintf("excavation %s gave %d days of notice, shorter than the %d days the dig_once policy requires", [e.id, e.notice_days, required])
}

deny contains lib.finding(lib.excavation(e), "notice_days", msg) if {
	some e in input.excavations
	e.public_row == true
	required := lib.policy("dig_once").notice_days
	not e.notice_days
	msg := sprintf("excavation %s states no notice_days; the dig_once policy requires %d days of notice", [e.id, required])
}

deny contains lib.finding(lib.excavation(e), "notified", msg) if {
	some e in input.excavations
	e.public_row == true
	count(object.get(e, "notified", [])) == 0
	msg := sprintf("excavation %s in the public right of way lists no ISPs or utilities in notified", [e.id])
}
