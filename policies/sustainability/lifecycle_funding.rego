# METADATA
# title: Lifecycle funding
# description: |
#   Operating costs must be funded for as long as the system is supported and
#   in use: tco.opex_funded_until must not be earlier than the latest of
#   software.support_end, evidence.support_end and planned_retirement that are
#   stated. Applies to active vendor systems and to any active system that
#   states tco.opex_funded_until. A vendor system that does not state
#   tco.opex_funded_until, or a system that states none of the three end
#   dates, is not stated (planned_retirement, the date the city can always
#   set).
# related_resources:
#   - ref: https://globalsmartcitiesalliance.org/global/
#     description: G20 Global Smart Cities Alliance guiding principle 4, Operational and Financial Sustainability
# custom:
#   id: SUST-005
#   severity: medium
#   area: sustainability
#   gsca_principle: operational_financial_sustainability
#   sources:
#     - kind: gsca
#       title: GSCA guiding principles
#       clause: "4 Operational and Financial Sustainability"
#       url: https://globalsmartcitiesalliance.org/global/
#   messages:
#     funded_before_end: "system {id} funds operating costs until {funded}, before its {field} of {end}"
#   remediation: >-
#     Fund operating costs at least until the support end and planned
#     retirement, and record the date in tco.opex_funded_until; state
#     planned_retirement (or the support end) so the horizon is known.
#   fields:
#     - vendor
#     - tco.opex_funded_until
#     - software.support_end
#     - evidence.support_end
#     - planned_retirement
package citygate.rules.sustainability.lifecycle_funding

import data.citygate.lib

funded_until(s) := object.get(s, ["tco", "opex_funded_until"], null)

applicable := [s | some s in lib.active_systems; in_scope(s)]

in_scope(s) if s.vendor

in_scope(s) if lib.stated(funded_until(s))

applies contains lib.system(s) if some s in applicable

# ends(s) are the stated [date, field] pairs the system must be funded until.
ends(s) := {[d, f] |
	some f, d in {
		"software.support_end": object.get(s, ["software", "support_end"], null),
		"evidence.support_end": object.get(s, ["evidence", "support_end"], null),
		"planned_retirement": object.get(s, "planned_retirement", null),
	}
	lib.stated(d)
}

deny contains lib.not_stated(lib.system(s), "tco.opex_funded_until") if {
	some s in applicable
	not lib.stated(funded_until(s))
}

deny contains lib.not_stated(lib.system(s), "planned_retirement") if {
	some s in applicable
	count(ends(s)) == 0
}

deny contains lib.fail(lib.system(s), "tco.opex_funded_until", "funded_before_end", {
	"id": s.id, "funded": funded, "field": field, "end": end,
}) if {
	some s in applicable
	funded := funded_until(s)
	lib.stated(funded)
	ends_of_s := ends(s)
	count(ends_of_s) > 0
	[end, field] := max(ends_of_s)
	lib.before(funded, end)
}
