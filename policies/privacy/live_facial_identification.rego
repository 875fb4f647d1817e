# METADATA
# title: Live facial identification for law enforcement
# description: |
#   The EU AI Act Art 5(1)(h) prohibits real-time remote biometric
#   identification (such as live facial recognition) in publicly accessible
#   spaces for the purposes of law enforcement, except where strictly
#   necessary for one of its narrow objectives (targeted search for victims
#   of abduction, trafficking or sexual exploitation and for missing persons;
#   preventing a specific, substantial and imminent threat to life or a
#   terrorist attack; locating or identifying a suspect of a serious
#   criminal offence) and only under Art 5(2)-(5): national law that allows
#   it, a fundamental rights impact assessment, registration, and prior
#   authorisation by a judicial authority or an independent administrative
#   authority (in urgency, requested within 24 hours). The rule cannot judge
#   whether an exception holds; it requires the authorisation to be
#   recorded. A law-enforcement purpose is read from data.purposes: a
#   purpose that names law enforcement, police, crime or criminal offences,
#   suspects, terrorism, missing persons, abduction, trafficking, or public
#   security or safety. Real-time remote biometric identification for other
#   purposes is not banned by Art 5(1)(h) (it is high-risk, Annex III 1(a),
#   and needs a DPIA: PRIV-002, PRIV-007). A city's own ban on facial
#   recognition is PRIV-014.
# related_resources:
#   - ref: https://eur-lex.europa.eu/eli/reg/2024/1689/oj
#     description: EU AI Act Art 5(1)(h) and 5(2)-(5)
#   - ref: https://www.edpb.europa.eu/our-work-tools/our-documents/guidelines/guidelines-32019-processing-personal-data-through-video_en
#     description: EDPB Guidelines 3/2019 on video devices, section 5
# custom:
#   id: PRIV-006
#   severity: critical
#   area: privacy
#   gsca_principle: transparency_privacy
#   profiles: [eu]
#   sources:
#     - kind: law
#       title: EU AI Act
#       clause: Art 5(1)(h)
#       url: https://eur-lex.europa.eu/eli/reg/2024/1689/oj
#       version: (EU) 2024/1689
#     - kind: law
#       title: EU AI Act
#       clause: Art 5(2)-(5)
#       url: https://eur-lex.europa.eu/eli/reg/2024/1689/oj
#       version: (EU) 2024/1689
#     - kind: practice
#       title: EDPB Guidelines 3/2019
#       clause: section 5
#       url: https://www.edpb.europa.eu/our-work-tools/our-documents/guidelines/guidelines-32019-processing-personal-data-through-video_en
#       version: "2.0 (2020)"
#   messages:
#     no_authorisation: "system {id} runs real-time remote biometric identification in public space with no prior authorisation (ai.authorization_ref)"
#   remediation: >-
#     Turn off real-time remote biometric identification
#     (ai.realtime_remote_biometric_id = false), or, where national law
#     allows it for one of the Art 5(1)(h) objectives, record the prior
#     authorisation by a judicial or independent administrative authority
#     in ai.authorization_ref. Systems that can identify people (cameras,
#     biometric readers, video or biometric data) state
#     ai.realtime_remote_biometric_id; live identification states whether
#     it watches public space (data.public_space_monitoring) and its
#     purposes (data.purposes).
#   fields:
#     - sensing
#     - public_space
#     - data.biometric
#     - data.kind
#     - data.public_space_monitoring
#     - data.purposes
#     - ai.realtime_remote_biometric_id
#     - ai.authorization_ref
package citygate.rules.privacy.live_facial_identification

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

# applicable: the systems that are not retired and identify people live or
# could.
applicable := [s | some s in lib.active_systems; relevant(s)]

applies contains lib.system(s) if some s in applicable

deny contains lib.not_stated(lib.system(s), "ai.realtime_remote_biometric_id") if {
	some s in applicable
	object.get(s, ["ai", "realtime_remote_biometric_id"], null) == null
}

in_public(s) if s.data.public_space_monitoring == true

in_public(s) if object.get(s, "public_space", null) == true

# lives are the applicable systems that identify people live.
lives := [s | some s in applicable; live(s)]

deny contains lib.not_stated(lib.system(s), "data.public_space_monitoring") if {
	some s in lives
	object.get(s, ["data", "public_space_monitoring"], null) == null
	object.get(s, "public_space", null) == null
}

# in_public_space are the systems that identify people live in publicly
# accessible space.
in_public_space := [s | some s in lives; in_public(s)]

# law_enforcement_words mark a purpose as law enforcement (AI Act Art 3(46):
# preventing, investigating, detecting or prosecuting criminal offences,
# including safeguarding against threats to public security).
law_enforcement_words := [
	"law enforcement", "law_enforcement", "law-enforcement", "police", "policing",
	"crime", "criminal", "offence", "offense", "suspect", "terror",
	"missing person", "abduct", "trafficking", "public security", "public safety",
]

law_enforcement(s) if {
	some p in s.data.purposes
	some w in law_enforcement_words
	contains(lower(p), w)
}

deny contains lib.not_stated(lib.system(s), "data.purposes") if {
	some s in in_public_space
	object.get(s, ["data", "purposes"], null) == null
}

deny contains lib.fail(lib.system(s), "ai.authorization_ref", "no_authorisation", {"id": s.id}) if {
	some s in in_public_space
	law_enforcement(s)
	object.get(s, ["ai", "authorization_ref"], null) == null
}
