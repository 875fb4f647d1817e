# METADATA
# title: Lifecycle funding
# description: |
#   Operating costs must be funded for as long as the system is supported and
#   in use: tco.opex_funded_until must not be earlier than the latest of
#   software.support_end, evidence.support_end and planned_retirement that are
#   stated. A vendor system with no tco.opex_funded_until is a finding.
#   Retired systems are not checked.
# related_resources:
#   - ref: https://globalsmartcitiesalliance.org/global/
#     description: G20 Global Smart Cities Alliance principles (operational and financial sustainability)
# custom:
#   id: SUST-005
#   severity: medium
#   principle: sustainability
#   controls:
#     - GSCA principle 4
#   remediation: >-
#     Fund operating costs at least until the support end and planned
#     retirement, and record the date in tco.opex_funded_until.
#   fields:
#     - vendor
#     - tco.opex_funded_until
#     - software.support_end
#     - evidence.support_end
#     - planned_retirement
package citygate.rules.sustainability.lifecycle_funding

import data.citygate.lib

# horizon(s) is the latest [date, field] the system must be funded until.
horizon(s) := max(ends) if {
	ends := {[d, f] |
		some f, d in {
			"software.support_end": object.get(s, ["software", "support_end"], ""),
			"evidence.support_end": object.get(s, ["evidence", "support_end"], ""),
			"planned_retirement": object.get(s, "planned_retirement", ""),
		}
		d != ""
	}
	count(ends) > 0
}

deny contains lib.finding(lib.system(s), "tco.opex_funded_until", msg) if {
	some s in lib.active_systems
	funded := s.tco.opex_funded_until
	[end, field] := horizon(s)
	lib.before(funded, end)
	msg := sprintf("system %s funds operating costs until %s, before its %s of %s", [s.id, funded, field, end])
}

deny contains lib.finding(lib.system(s), "tco.opex_funded_until", msg) if {
	some s in lib.vendor_systems
	not s.tco.opex_funded_until
	msg := sprintf("system %s from vendor %s states no tco.opex_funded_until", [s.id, s.vendor])
}
