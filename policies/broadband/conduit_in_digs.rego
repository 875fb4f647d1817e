# METADATA
# title: Conduit in qualifying digs
# description: |
#   A public right-of-way excavation at least as long as the Dig Once threshold
#   (policy dig_once min_length_m, else the dig_once_min_length_m parameter)
#   must lay telecom conduit with at least the policy's min_spare_ducts, unless
#   a Dig Once waiver is recorded: the core of the Alliance's Dig Once model
#   policy. Whatever the rule needs and the excavation does not state is not
#   stated: whether it is in the public right of way, whether conduit was
#   laid, its length when no conduit was laid (or too few spare ducts), and
#   its spare ducts when the policy requires some.
# related_resources:
#   - ref: https://www3.weforum.org/docs/WEF_Governing_Smart_Cities_2021.pdf
#     description: "Governing Smart Cities: Policy Benchmarks (G20 Global Smart Cities Alliance, 2021), Appendix 4: Dig Once"
#   - ref: https://www.ctcnet.us/blog/a-technical-guide-to-dig-once-policies/
#     description: CTC Technology & Energy, a technical guide to Dig Once policies
# custom:
#   id: BB-002
#   severity: high
#   area: broadband
#   gsca_principle: operational_financial_sustainability
#   gsca_policy: dig_once
#   sources:
#     - kind: gsca
#       title: GSCA Dig Once model policy
#       clause: conduit in public works
#       url: https://www3.weforum.org/docs/WEF_Governing_Smart_Cities_2021.pdf
#       version: Policy Benchmarks, Appendix 4 (2021)
#     - kind: practice
#       title: CTC Dig Once guide
#       url: https://www.ctcnet.us/blog/a-technical-guide-to-dig-once-policies/
#     - kind: practice
#       title: NEO Connect Dig Once and shadow conduit guide
#     - kind: practice
#       title: citygate default
#       clause: dig_once_min_length_m = 100
#   messages:
#     no_conduit: "excavation {id} in the public right of way ({length}, threshold {threshold} m) lays no conduit and has no dig_once_waiver"
#     few_spare_ducts: "excavation {id} has {spare} spare ducts, fewer than the {required} the dig_once policy requires, and no dig_once_waiver"
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

# field(e, f) is the excavation's f, null when not stated. object.get,
# because OPA evaluates a ref argument before a negation.
field(e, f) := object.get(e, f, null)

# excavations in scope: every one not stated to be off the public right of
# way (an unstated public_row is reported, not passed).
in_scope := [e | some e in input.excavations; field(e, "public_row") != false]

applies contains lib.excavation(e) if some e in in_scope

deny contains lib.not_stated(lib.excavation(e), "public_row") if {
	some e in in_scope
	not lib.stated(field(e, "public_row"))
}

# open: in the public right of way and not waived under Dig Once.
open := [e | some e in in_scope; e.public_row == true; not lib.stated(field(e, "dig_once_waiver"))]

short(e) if e.length_m < min_length

qualifies(e) if e.length_m >= min_length

deny contains lib.not_stated(lib.excavation(e), "conduit_installed") if {
	some e in open
	not short(e)
	not lib.stated(field(e, "conduit_installed"))
}

deny contains lib.fail(lib.excavation(e), "conduit_installed", "no_conduit", {
	"id": e.id,
	"length": sprintf("%v m", [e.length_m]),
	"threshold": min_length,
}) if {
	some e in open
	e.conduit_installed == false
	qualifies(e)
}

# spare_short: conduit was laid with fewer spare ducts than the policy asks.
spare_short(e) if e.spare_ducts < lib.policy("dig_once").min_spare_ducts

# The length decides only when conduit is missing or short of spare ducts.
deny contains lib.not_stated(lib.excavation(e), "length_m") if {
	some e in open
	e.conduit_installed == false
	not lib.stated(field(e, "length_m"))
}

deny contains lib.not_stated(lib.excavation(e), "length_m") if {
	some e in open
	e.conduit_installed == true
	spare_short(e)
	not lib.stated(field(e, "length_m"))
}

deny contains lib.not_stated(lib.excavation(e), "spare_ducts") if {
	some e in open
	e.conduit_installed == true
	lib.policy("dig_once").min_spare_ducts
	not short(e)
	not lib.stated(field(e, "spare_ducts"))
}

deny contains lib.fail(lib.excavation(e), "spare_ducts", "few_spare_ducts", {
	"id": e.id,
	"spare": e.spare_ducts,
	"required": lib.policy("dig_once").min_spare_ducts,
}) if {
	some e in open
	e.conduit_installed == true
	spare_short(e)
	qualifies(e)
}
