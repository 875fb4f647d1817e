# METADATA
# title: Retention limits
# description: |
#   Video, location and biometric data must not be kept longer than the
#   retention limit for its kind unless the inventory states why. The limits
#   are the library's defaults (params retention_max_days: video 30,
#   location 3, biometric 1 days), which a city sets to its own policy; no
#   law fixes them. Storage limitation is an ISO/IEC 29100 privacy principle
#   and GDPR Art 5(1)(e); the EDPB expects reasons for keeping video beyond
#   about 72 hours.
# related_resources:
#   - ref: https://www.iso.org/standard/45123.html
#     description: ISO/IEC 29100, privacy framework, 5.6
#   - ref: https://www.edpb.europa.eu/our-work-tools/our-documents/guidelines/guidelines-32019-processing-personal-data-through-video_en
#     description: EDPB Guidelines 3/2019 on video devices, section 8
#   - ref: https://eur-lex.europa.eu/eli/reg/2016/679/oj
#     description: GDPR Art 5(1)(e)
# custom:
#   id: PRIV-005
#   severity: high
#   area: privacy
#   gsca_principle: transparency_privacy
#   sources:
#     - kind: practice
#       title: citygate default retention limits
#       clause: params retention_max_days
#     - kind: standard
#       title: ISO/IEC 29100
#       clause: 5.6 (use, retention and disclosure limitation)
#       url: https://www.iso.org/standard/45123.html
#       version: "2011"
#     - kind: practice
#       title: EDPB Guidelines 3/2019
#       clause: section 8
#       url: https://www.edpb.europa.eu/our-work-tools/our-documents/guidelines/guidelines-32019-processing-personal-data-through-video_en
#       version: "2.0 (2020)"
#     - kind: law
#       title: GDPR
#       clause: Art 5(1)(e)
#       url: https://eur-lex.europa.eu/eli/reg/2016/679/oj
#       version: (EU) 2016/679
#   messages:
#     above_limit: "system {id} keeps {kind} data for {days} days, above the {limit}-day limit, with no retention_justification"
#   remediation: >-
#     Set data.retention_days to at most the limit for data.kind (video
#     {params.retention_max_days.video}, location
#     {params.retention_max_days.location}, biometric
#     {params.retention_max_days.biometric} days; params retention_max_days),
#     or state the reason for a longer period in data.retention_justification.
#     A system with personal data states its data.kind.
#   fields:
#     - data.personal
#     - data.kind
#     - data.retention_days
#     - data.retention_justification
package citygate.rules.privacy.retention_limits

import data.citygate.lib

# limited pairs each system that is not retired, not stated to hold no
# personal data, whose data kind has a retention limit, with that limit.
limited := [[s, limit] |
	some s in lib.active_systems
	object.get(s, ["data", "personal"], null) != false
	limit := lib.params.retention_max_days[s.data.kind]
]

# kindless: the systems with personal data (or that must say whether they
# have it) whose data kind is not stated, so no limit can be chosen.
kindless := [s |
	some s in lib.active_systems
	lib.personal_or_unknown(s)
	object.get(s, ["data", "kind"], null) == null
]

applies contains lib.system(s) if some [s, _] in limited

applies contains lib.system(s) if some s in kindless

unjustified := [[s, limit] | some [s, limit] in limited; object.get(s, ["data", "retention_justification"], null) == null]

deny contains lib.fail(lib.system(s), "data.retention_days", "above_limit", {
	"id": s.id, "kind": s.data.kind, "days": s.data.retention_days, "limit": limit,
}) if {
	some [s, limit] in unjustified
	s.data.retention_days > limit
}

deny contains lib.not_stated(lib.system(s), "data.retention_days") if {
	some [s, _] in unjustified
	object.get(s, ["data", "retention_days"], null) == null
}

deny contains lib.not_stated(lib.system(s), "data.personal") if {
	some s in kindless
	lib.personal_unknown(s)
}

deny contains lib.not_stated(lib.system(s), "data.kind") if {
	some s in kindless
	lib.personal(s)
}
