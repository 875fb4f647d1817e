# METADATA
# title: Live facial identification in public space
# description: |
#   Real-time remote biometric identification (live facial recognition) in
#   publicly accessible space is prohibited under the EU AI Act unless a
#   prior judicial or independent authorisation covers it, and is not allowed
#   at all where the city has banned facial recognition technology.
# related_resources:
#   - ref: https://eur-lex.europa.eu/eli/reg/2024/1689/oj
#     description: EU AI Act Art 5(1)(h) and 5(3)
#   - ref: https://www.edpb.europa.eu/our-work-tools/our-documents/guidelines/guidelines-32019-processing-personal-data-through-video_en
#     description: EDPB Guidelines 3/2019 on video devices, section 5
# custom:
#   id: PRIV-006
#   severity: critical
#   principle: privacy
#   controls:
#     - EU AI Act 5(1)(h)
#     - EU AI Act 5(3)
#     - SF Ord. 103-19
#     - EDPB 3/2019 §5
#   remediation: >-
#     Turn off real-time remote biometric identification
#     (ai.realtime_remote_biometric_id = false), or, where the law allows it
#     and the city has not banned facial recognition, record the prior
#     judicial or independent authorisation in ai.authorization_ref.
#   fields:
#     - ai.realtime_remote_biometric_id
#     - ai.authorization_ref
#     - data.public_space_monitoring
#     - city.bans_facial_recognition
package citygate.rules.privacy.live_facial_identification

import data.citygate.lib

# live_frt: the systems that are not retired and run live facial identification.
live_frt := [s | some s in lib.active_systems; s.ai.realtime_remote_biometric_id == true]

# An absent data.public_space_monitoring cannot rule public space out.
deny contains lib.finding(lib.system(s), "ai.authorization_ref", msg) if {
	some s in live_frt
	object.get(s, ["data", "public_space_monitoring"], true) != false
	not s.ai.authorization_ref
	msg := sprintf("system %s runs real-time remote biometric identification in public space with no prior authorisation (ai.authorization_ref)", [s.id])
}

deny contains lib.finding(lib.system(s), "ai.realtime_remote_biometric_id", msg) if {
	input.city.bans_facial_recognition == true
	some s in live_frt
	msg := sprintf("system %s runs real-time remote biometric identification, which city %s has banned", [s.id, input.city.id])
}
