# METADATA
# title: Business case and whole-life cost before award
# description: |
#   A vendor system from procurement on (procurement, pilot, production)
#   states an approved business case with its whole-life cost over a stated
#   horizon: business_case { approved_on, whole_life_cost, horizon_years,
#   url }. The case must be approved before award: a bid whose award is
#   requested needs an approval dated no later than the evaluation date, and
#   a system in service one dated no later than its go_live. A missing
#   approved_on, whole_life_cost or horizon_years is not stated, as is the
#   go_live of a system in service.
# related_resources:
#   - ref: https://globalsmartcitiesalliance.org/global/
#     description: G20 Global Smart Cities Alliance guiding principle 4, Operational and Financial Sustainability
#   - ref: https://www.gov.uk/government/publications/the-green-book-appraisal-and-evaluation-in-central-government
#     description: HM Treasury Green Book and the five case model for business cases
#   - ref: https://legalinstruments.oecd.org/en/instruments/OECD-LEGAL-0411
#     description: OECD Recommendation of the Council on Public Procurement (OECD/LEGAL/0411)
# custom:
#   id: SUST-008
#   severity: medium
#   area: sustainability
#   gsca_principle: operational_financial_sustainability
#   sources:
#     - kind: gsca
#       title: GSCA guiding principles
#       clause: "4 Operational and Financial Sustainability"
#       url: https://globalsmartcitiesalliance.org/global/
#     - kind: practice
#       title: HM Treasury Green Book
#       clause: five case model (economic and financial cases)
#       url: https://www.gov.uk/government/publications/the-green-book-appraisal-and-evaluation-in-central-government
#     - kind: practice
#       title: OECD Recommendation on Public Procurement
#       clause: efficiency and value for money
#       url: https://legalinstruments.oecd.org/en/instruments/OECD-LEGAL-0411
#       version: "2015"
#   messages:
#     approved_after_go_live: "system {id} approved its business case on {approved}, after go_live {go_live}"
#     not_approved_before_award: "award of system {id} is requested but its business case is approved only on {approved}"
#   remediation: >-
#     Approve a business case (strategic, economic, commercial, financial and
#     management cases) before award, and state it in the system's
#     business_case block: approved_on, whole_life_cost (capital and
#     operating cost over the horizon), horizon_years and url.
#   fields:
#     - vendor
#     - stage
#     - go_live
#     - procurement.award_requested
#     - business_case.approved_on
#     - business_case.whole_life_cost
#     - business_case.horizon_years
package citygate.rules.sustainability.business_case

import data.citygate.lib

applicable := [s | some s in lib.vendor_systems; lib.stage(s) in {"procurement", "pilot", "production"}]

applies contains lib.system(s) if some s in applicable

# case(s, key) reads the business_case block; a missing block states nothing.
case(s, key) := object.get(s, ["business_case", key], null)

deny contains lib.not_stated(lib.system(s), concat(".", ["business_case", key])) if {
	some s in applicable
	some key in ["approved_on", "whole_life_cost", "horizon_years"]
	not lib.stated(case(s, key))
}

deny contains lib.fail(lib.system(s), "business_case.approved_on", "not_approved_before_award", {"id": s.id, "approved": approved}) if {
	some s in applicable
	lib.bid(s)
	s.procurement.award_requested == true
	approved := case(s, "approved_on")
	lib.stated(approved)
	lib.before(lib.as_of, approved)
}

deny contains lib.not_stated(lib.system(s), "go_live") if {
	some s in applicable
	lib.in_service(s)
	lib.stated(case(s, "approved_on"))
	not lib.stated(object.get(s, "go_live", null))
}

deny contains lib.fail(lib.system(s), "business_case.approved_on", "approved_after_go_live", {
	"id": s.id, "approved": approved, "go_live": s.go_live,
}) if {
	some s in applicable
	lib.in_service(s)
	approved := case(s, "approved_on")
	lib.stated(approved)
	lib.stated(s.go_live)
	lib.before(s.go_live, approved)
}
