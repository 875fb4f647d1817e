# METADATA
# title: City ban on facial recognition
# description: |
#   Where the city has banned facial recognition technology
#   (city.bans_facial_recognition = true), no system may run real-time
#   remote biometric identification, whatever its purpose or authorisation.
#   This enforces the city's own decision, so it applies in every
#   jurisdiction (San Francisco's 2019 ordinance is the best-known example).
#   A city that does not state a ban has none: the rule does not apply.
# related_resources:
#   - ref: https://sfbos.org/sites/default/files/o0103-19.pdf
#     description: San Francisco Ordinance 103-19 (Stop Secret Surveillance), Administrative Code Chapter 19B
# custom:
#   id: PRIV-014
#   severity: critical
#   area: privacy
#   gsca_principle: transparency_privacy
#   sources:
#     - kind: practice
#       title: San Francisco Ord. 103-19
#       clause: Admin. Code Ch. 19B
#       url: https://sfbos.org/sites/default/files/o0103-19.pdf
#       version: "2019"
#   messages:
#     banned: "system {id} runs real-time remote biometric identification, which city {city} has banned"
#   remediation: >-
#     Turn off real-time remote biometric identification
#     (ai.realtime_remote_biometric_id = false) or retire the system; systems
#     that can identify people (cameras, biometric readers, video or
#     biometric data) state ai.realtime_remote_biometric_id.
#   fields:
#     - city.bans_facial_recognition
#     - sensing
#     - data.biometric
#     - data.kind
#     - ai.realtime_remote_biometric_id
package citygate.rules.privacy.facial_recognition_ban

import data.citygate.lib

# can_identify: the system can identify people, so it must say whether it
# does so live.
can_identify(s) if {
	some sense in object.get(s, "sensing", [])
	sense in {"camera", "biometric_reader"}
}

can_identify(s) if s.data.biometric == true

can_identify(s) if s.data.kind in {"video", "biometric"}

live(s) if s.ai.realtime_remote_biometric_id == true

relevant(s) if live(s)

relevant(s) if can_identify(s)

# applicable: in a city that bans facial recognition, the systems that are
# not retired and identify people live or could.
applicable := [s |
	input.city.bans_facial_recognition == true
	some s in lib.active_systems
	relevant(s)
]

applies contains lib.system(s) if some s in applicable

deny contains lib.not_stated(lib.system(s), "ai.realtime_remote_biometric_id") if {
	some s in applicable
	object.get(s, ["ai", "realtime_remote_biometric_id"], null) == null
}

deny contains lib.fail(lib.system(s), "ai.realtime_remote_biometric_id", "banned", {"id": s.id, "city": input.city.id}) if {
	some s in applicable
	live(s)
}
