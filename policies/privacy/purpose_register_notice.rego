# METADATA
# title: Purpose, register, notice
# description: |
#   A system that processes personal data or senses public space must state
#   its purposes, have an entry in the city's public register, and tell
#   people about it: layered signs for public-space sensing, and signs or a
#   privacy notice for other personal-data systems.
# related_resources:
#   - ref: https://www.edpb.europa.eu/our-work-tools/our-documents/guidelines/guidelines-32019-processing-personal-data-through-video_en
#     description: EDPB Guidelines 3/2019 on video devices, section 7 (transparency)
#   - ref: https://www.etsi.org/deliver/etsi_en/303600_303699/303645/
#     description: ETSI EN 303 645, provisions 5.8-3 and 6-1
# custom:
#   id: PRIV-008
#   severity: medium
#   principle: privacy
#   controls:
#     - EDPB 3/2019 §7
#     - ETSI EN 303 645 5.8-3
#     - ETSI EN 303 645 6-1
#     - Seattle/CCOPS
#   remediation: >-
#     List the purposes of processing in data.purposes, publish the system in
#     the city's surveillance or algorithm register and set
#     transparency.register_url, and set transparency.signage = true once
#     layered signs are in place (for systems that do not sense public space,
#     a privacy notice in transparency.notice_url also serves).
#   fields:
#     - data.personal
#     - data.public_space_monitoring
#     - data.purposes
#     - transparency.register_url
#     - transparency.signage
#     - transparency.notice_url
package citygate.rules.privacy.purpose_register_notice

import data.citygate.lib

sensing(s) if s.data.public_space_monitoring == true

# applies: the system processes personal data or senses public space.
applies(s) if s.data.personal == true

applies(s) if sensing(s)

# applicable: the systems that are not retired and to which the rule applies.
applicable := [s | some s in lib.active_systems; applies(s)]

no_signage(s) if object.get(s, ["transparency", "signage"], false) != true

deny contains lib.finding(lib.system(s), "data.purposes", msg) if {
	some s in applicable
	count(object.get(s, ["data", "purposes"], [])) == 0
	msg := sprintf("system %s states no purposes of processing (data.purposes)", [s.id])
}

deny contains lib.finding(lib.system(s), "transparency.register_url", msg) if {
	some s in applicable
	not s.transparency.register_url
	msg := sprintf("system %s has no public register entry (transparency.register_url)", [s.id])
}

deny contains lib.finding(lib.system(s), "transparency.signage", msg) if {
	some s in applicable
	sensing(s)
	no_signage(s)
	msg := sprintf("system %s monitors public space with no signage (transparency.signage)", [s.id])
}

deny contains lib.finding(lib.system(s), "transparency.notice_url", msg) if {
	some s in applicable
	not sensing(s)
	no_signage(s)
	not s.transparency.notice_url
	msg := sprintf("system %s processes personal data with no signage or privacy notice (transparency.notice_url)", [s.id])
}
