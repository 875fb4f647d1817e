# METADATA
# title: Community engagement
# description: |
#   A system that processes biometric data or monitors public space must not
#   be deployed (pilot or production) without a public consultation held
#   before go-live: engagement.public_consultation missing, or dated after
#   go_live, is a finding.
# related_resources:
#   - ref: https://www.seattle.gov/tech/data-privacy/surveillance-technologies
#     description: Seattle Surveillance Ordinance (CCOPS) community engagement
# custom:
#   id: SUST-007
#   severity: medium
#   principle: sustainability
#   controls:
#     - GSCA principle 5
#     - Seattle ordinance/CCOPS
#   remediation: >-
#     Hold a public consultation before deployment and record its date in
#     engagement.public_consultation (and the record in engagement.url).
#   fields:
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

deny contains lib.finding(lib.system(s), "engagement.public_consultation", msg) if {
	some s in deployed
	not s.engagement.public_consultation
	msg := sprintf("system %s processes biometric data or monitors public space and is in %s with no public consultation", [s.id, lib.stage(s)])
}

deny contains lib.finding(lib.system(s), "engagement.public_consultation", msg) if {
	some s in deployed
	consulted := s.engagement.public_consultation
	lib.before(s.go_live, consulted)
	msg := sprintf("system %s held its public consultation on %s, after go_live %s", [s.id, consulted, s.go_live])
}
