# METADATA
# title: Conduit in qualifying digs
# description: |
#   A public right-of-way excavation at least as long as the Dig Once threshold
#   (policy dig_once min_length_m, else the dig_once_min_length_m parameter)
#   must lay telecom conduit with at least the policy's min_spare_ducts, unless
#   a Dig Once waiver is recorded. An excavation with no stated length is
#   treated as qualifying, since the inventory must say it.
# related_resources:
#   - ref: https://www.ctcnet.us/blog/a-technical-guide-to-dig-once-policies/
#     description: CTC Technology & Energy, a technical guide to Dig Once policies
# custom:
#   id: BB-002
#   severity: high
#   principle: broadband
#   controls:
#     - GSCA-DO
#     - CTC
#     - NEO Connect
#     - SHLB
#   remediation: >-
#     Set conduit_installed = true and spare_ducts to at least the dig_once
#     policy's min_spare_ducts on the excavation, or record the approved waiver
#     reference in dig_once_waiver.
#   fields:
#     - excavation.public_row
#     - excavation.length_m
#     - excavation.conduit_installed
#     - excavation.spare_ducts
#     - excavation.dig_once_waiver
#     - policy.dig_once.min_length_m
#     - policy.dig_once.min_spare_ducts
package citygate.rules.broadband.conduit_in_digs

import data.citygate.lib

# min_length is the length from which an excavation must carry conduit.
min_length := n if {
	n := lib.policy("dig_once").min_length_m
} else := lib.params.dig_once_min_length_m

# qualifying excavations: public right of way, long enough, not waived.
qualifying := [e |
	some e in input.excavations
	e.public_row == true
	object.get(e, "dig_once_waiver", "") == ""
	object.get(e, "length_m", min_length) >= min_length
]

length(e) := sprintf("%v m", [e.length_m])

length(e) := "unstated length" if not e.length_m

deny contains lib.finding(lib.excavation(e), "conduit_installed", msg) if {
	some e in qualifying
	object.get(e, "conduit_installed", false) != true
	msg := sprintf("excavation %s in the public right of way (%s, threshold %v m) lays no conduit and has no dig_once_waiver", [e.id, length(e), min_length])
}

deny contains lib.finding(lib.excavation(e), "spare_ducts", msg) if {
	some e in qualifying
	e.conduit_installed == true
	required := lib.policy("dig_once").min_spare_ducts
	spare := object.get(e, "spare_ducts", 0)
	spare < required
	msg := sprintf("excavation %s has %d spare ducts, fewer than the %d the dig_once policy requires, and no dig_once_waiver", [e.id, spare, required])
}
