# METADATA
# title: Purpose, register, notice
# description: |
#   A system that processes personal data or senses public space must state
#   its purposes, have an entry in the city's public register, and tell
#   people about it: layered signs for public-space sensing, and signs or a
#   privacy notice for other personal-data systems. Purpose specification and
#   notice are ISO/IEC 29100 privacy principles; ETSI EN 303 645 asks the
#   same of consumer IoT (applied here to city devices by analogy).
# related_resources:
#   - ref: https://www.iso.org/standard/45123.html
#     description: ISO/IEC 29100, privacy framework, 5.3 and 5.8
#   - ref: https://www.etsi.org/deliver/etsi_en/303600_303699/303645/
#     description: ETSI EN 303 645, provisions 5.8-3 and 6-1
#   - ref: https://www.edpb.europa.eu/our-work-tools/our-documents/guidelines/guidelines-32019-processing-personal-data-through-video_en
#     description: EDPB Guidelines 3/2019 on video devices, section 7 (transparency)
# custom:
#   id: PRIV-008
#   severity: medium
#   area: privacy
#   gsca_principle: transparency_privacy
#   sources:
#     - kind: standard
#       title: ISO/IEC 29100
#       clause: 5.3, 5.8
#       url: https://www.iso.org/standard/45123.html
#       version: "2011"
#     - kind: standard
#       title: ETSI EN 303 645 (consumer IoT, by analogy)
#       clause: 5.8-3, 6-1
#       url: https://www.etsi.org/deliver/etsi_en/303600_303699/303645/
#       version: V2.1.1 (2020-06)
#     - kind: practice
#       title: EDPB Guidelines 3/2019
#       clause: section 7
#       url: https://www.edpb.europa.eu/our-work-tools/our-documents/guidelines/guidelines-32019-processing-personal-data-through-video_en
#       version: "2.0 (2020)"
#     - kind: practice
#       title: Seattle Surveillance Ordinance
#       clause: SMC 14.18
#   messages:
#     no_purposes: "system {id} states no purposes of processing (data.purposes)"
#     no_register: "system {id} has no public register entry (transparency.register_url)"
#     no_signage: "system {id} monitors public space with no signage (transparency.signage)"
#     no_notice: "system {id} processes personal data with no signage or privacy notice (transparency.notice_url)"
#   remediation: >-
#     List the purposes of processing in data.purposes, publish the system in
#     the city's surveillance or algorithm register and set
#     transparency.register_url, and set transparency.signage = true once
#     layered signs are in place (for systems that do not sense public space,
#     a privacy notice in transparency.notice_url also serves). Sensors
#     state data.public_space_monitoring.
#   fields:
#     - data.personal
#     - sensing
#     - data.public_space_monitoring
#     - public_space
#     - data.purposes
#     - transparency.register_url
#     - transparency.signage
#     - transparency.notice_url
package citygate.rules.privacy.purpose_register_notice

import data.citygate.lib

sensing(s) if s.data.public_space_monitoring == true

sensing(s) if object.get(s, "public_space", null) == true

# in_scope: the system processes personal data, senses public space, or
# must say whether it processes personal data and has not.
in_scope(s) if lib.personal_or_unknown(s)

in_scope(s) if sensing(s)

applicable := [s | some s in lib.active_systems; in_scope(s)]

applies contains lib.system(s) if some s in applicable

# undecided: all the rule knows is that the system must describe its data.
deny contains lib.not_stated(lib.system(s), "data.personal") if {
	some s in applicable
	lib.personal_unknown(s)
	not sensing(s)
}

# decided are the applicable systems that process personal data or sense
# public space.
decided := [s | some s in applicable; not undecided(s)]

undecided(s) if {
	lib.personal_unknown(s)
	not sensing(s)
}

deny contains lib.not_stated(lib.system(s), "data.purposes") if {
	some s in decided
	object.get(s, ["data", "purposes"], null) == null
}

deny contains lib.fail(lib.system(s), "data.purposes", "no_purposes", {"id": s.id}) if {
	some s in decided
	s.data.purposes == []
}

deny contains lib.fail(lib.system(s), "transparency.register_url", "no_register", {"id": s.id}) if {
	some s in decided
	object.get(s, ["transparency", "register_url"], null) == null
}

deny contains lib.fail(lib.system(s), "transparency.signage", "no_signage", {"id": s.id}) if {
	some s in decided
	sensing(s)
	s.transparency.signage == false
}

deny contains lib.not_stated(lib.system(s), "transparency.signage") if {
	some s in decided
	sensing(s)
	object.get(s, ["transparency", "signage"], null) == null
}

# A sensor that does not say whether it watches public space cannot be told
# which notice it owes (signs, or a privacy notice).
deny contains lib.not_stated(lib.system(s), "data.public_space_monitoring") if {
	some s in decided
	count(object.get(s, "sensing", [])) > 0
	object.get(s, ["data", "public_space_monitoring"], null) == null
	object.get(s, "public_space", null) == null
}

deny contains lib.fail(lib.system(s), "transparency.notice_url", "no_notice", {"id": s.id}) if {
	some s in decided
	not sensing(s)
	object.get(s, ["transparency", "signage"], null) != true
	object.get(s, ["transparency", "notice_url"], null) == null
}
