# METADATA
# title: Community engagement
# description: |
#   A system that processes biometric data or monitors public space must not
#   be deployed (pilot or production) without a public consultation held
#   before go-live: engagement.public_consultation missing, or dated after
#   go_live, is a finding. A deployed system that does not say whether it
#   processes biometric data (when it processes personal data or does not
#   say whether it does) or whether it monitors public space (when it is in
#   public space or senses anything) is not stated, as is the go_live date
#   a consultation must precede.
# related_resources:
#   - ref: https://globalsmartcitiesalliance.org/global/
#     description: G20 Global Smart Cities Alliance guiding principle 5, Equity, Inclusion and Societal Impact
#   - ref: https://www.seattle.gov/tech/data-privacy/surveillance-technologies
#     description: Seattle Surveillance Ordinance (SMC 14.18) community engagement
# custom:
#   id: SUST-007
#   severity: medium
#   area: equity
#   gsca_principle: equity_inclusion_societal_impact
#   sources:
#     - kind: gsca
#       title: GSCA guiding principles
#       clause: "5 Equity, Inclusion and Societal Impact"
#       url: https://globalsmartcitiesalliance.org/global/
#     - kind: practice
#       title: Seattle Surveillance Ordinance
#       clause: SMC 14.18 community engagement
#       url: https://www.seattle.gov/tech/data-privacy/surveillance-technologies
#   messages:
#     no_consultation: "system {id} processes biometric data or monitors public space and is in {stage} with no public consultation"
#     consultation_after_go_live: "system {id} held its public consultation on {consulted}, after go_live {go_live}"
#   remediation: >-
#     Hold a public consultation before deployment and record its date in
#     engagement.public_consultation (and the record in engagement.url). State
#     data.biometric and data.public_space_monitoring for every deployed
#     system that observes or serves people.
#   fields:
#     - category
#     - data.personal
#     - public_space
#     - sensing
#     - data.biometric
#     - data.public_space_monitoring
#     - stage
#     - go_live
#     - engagement.public_consultation
package citygate.rules.sustainability.community_engagement

import data.citygate.lib

sensitive(s) if s.data.biometric == true

sensitive(s) if s.data.public_space_monitoring == true

deployed := [s | some s in lib.in_service_systems; sensitive(s)]

# undecided are deployed systems that leave open whether they are
# sensitive: biometric for a system that processes personal data or does
# not say (biometric data is personal data), public_space_monitoring for
# one that is in public space or senses anything.
undecided := [[s, field] |
	some s in lib.in_service_systems
	not sensitive(s)
	some field in ["biometric", "public_space_monitoring"]
	may_be(s, field)
	not lib.stated(object.get(s, ["data", field], null))
]

may_be(s, "biometric") if lib.personal_or_unknown(s)

may_be(s, "public_space_monitoring") if s.public_space == true

may_be(s, "public_space_monitoring") if count(object.get(s, "sensing", [])) > 0

applies contains lib.system(s) if some s in deployed

applies contains lib.system(s) if some [s, _] in undecided

deny contains lib.not_stated(lib.system(s), concat(".", ["data", field])) if some [s, field] in undecided

# A deployed sensitive system with no consultation is the breach itself:
# the rule forbids deployment before one.
deny contains lib.fail(lib.system(s), "engagement.public_consultation", "no_consultation", {"id": s.id, "stage": lib.stage(s)}) if {
	some s in deployed
	not lib.stated(object.get(s, ["engagement", "public_consultation"], null))
}

deny contains lib.not_stated(lib.system(s), "go_live") if {
	some s in deployed
	lib.stated(object.get(s, ["engagement", "public_consultation"], null))
	not lib.stated(object.get(s, "go_live", null))
}

deny contains lib.fail(lib.system(s), "engagement.public_consultation", "consultation_after_go_live", {
	"id": s.id, "consulted": consulted, "go_live": s.go_live,
}) if {
	some s in deployed
	consulted := s.engagement.public_consultation
	lib.stated(consulted)
	lib.stated(s.go_live)
	lib.before(s.go_live, consulted)
}
