# METADATA
# title: Retention limits
# description: |
#   Video, location and biometric data must not be kept longer than the
#   retention limit for its kind (default 30, 3 and 1 days) unless the
#   inventory states why. The EDPB expects reasons for keeping video beyond
#   about 72 hours (GDPR storage limitation).
# related_resources:
#   - ref: https://www.edpb.europa.eu/our-work-tools/our-documents/guidelines/guidelines-32019-processing-personal-data-through-video_en
#     description: EDPB Guidelines 3/2019 on video devices, section 8
#   - ref: https://eur-lex.europa.eu/eli/reg/2016/679/oj
#     description: GDPR Art 5(1)(e)
# custom:
#   id: PRIV-005
#   severity: high
#   principle: privacy
#   controls:
#     - EDPB 3/2019 §8
#     - GDPR 5(1)(e)
#   remediation: >-
#     Set data.retention_days to at most the limit for data.kind (video 30,
#     location 3, biometric 1 days; params retention_max_days), or state the
#     reason for a longer period in data.retention_justification.
#   fields:
#     - data.personal
#     - data.kind
#     - data.retention_days
#     - data.retention_justification
package citygate.rules.privacy.retention_limits

import data.citygate.lib

# limited pairs each system that is not retired, not stated to hold no
# personal data, whose data kind has a retention limit and no stated
# justification, with that limit.
limited := [[s, limit] |
	some s in lib.active_systems
	object.get(s, ["data", "personal"], true) != false
	limit := lib.params.retention_max_days[s.data.kind]
	not s.data.retention_justification
]

deny contains lib.finding(lib.system(s), "data.retention_days", msg) if {
	some [s, limit] in limited
	s.data.retention_days > limit
	msg := sprintf("system %s keeps %s data for %d days, above the %d-day limit, with no retention_justification", [s.id, s.data.kind, s.data.retention_days, limit])
}

deny contains lib.finding(lib.system(s), "data.retention_days", msg) if {
	some [s, _] in limited
	not s.data.retention_days
	msg := sprintf("system %s holds %s data and states no retention_days", [s.id, s.data.kind])
}
