# METADATA
# title: Exit and decommissioning
# description: |
#   The contract for a vendor system must leave the city owning its data, name
#   an open export format for exit (not a document format such as PDF), and
#   say how data is wiped at decommissioning. A contract that does not state
#   one of them is not stated. Applies to systems with a vendor that are not
#   retired.
# related_resources:
#   - ref: https://globalsmartcitiesalliance.org/global/
#     description: G20 Global Smart Cities Alliance guiding principle 4, Operational and Financial Sustainability
#   - ref: https://www.nist.gov/cyberframework
#     description: NIST Cybersecurity Framework 2.0 (GV.SC-10)
#   - ref: https://csrc.nist.gov/pubs/sp/800/88/r1/final
#     description: NIST SP 800-88 Rev. 1, Guidelines for Media Sanitization
# custom:
#   id: SUST-006
#   severity: medium
#   area: sustainability
#   gsca_principle: operational_financial_sustainability
#   sources:
#     - kind: gsca
#       title: GSCA guiding principles
#       clause: "4 Operational and Financial Sustainability"
#       url: https://globalsmartcitiesalliance.org/global/
#     - kind: practice
#       title: NIST CSF
#       clause: GV.SC-10
#       url: https://www.nist.gov/cyberframework
#       version: "2.0"
#     - kind: practice
#       title: NIST SP 800-88
#       clause: media sanitization
#       url: https://csrc.nist.gov/pubs/sp/800/88/r1/final
#       version: Rev. 1
#   messages:
#     not_city_owned: "system {id} from vendor {vendor} does not leave the data owned by the city (contract.data_owner = {owner})"
#     no_open_exit_format: "system {id} from vendor {vendor} names no open data export format for exit (contract.exit_data_format)"
#   remediation: >-
#     In the contract block set data_owner = "city", exit_data_format to an
#     open export format (e.g. CSV, GeoJSON) and data_wipe_method (e.g.
#     "NIST 800-88 purge").
#   fields:
#     - vendor
#     - contract.data_owner
#     - contract.exit_data_format
#     - contract.data_wipe_method
package citygate.rules.sustainability.exit_decommissioning

import data.citygate.lib

closed_formats := {upper(f) | some f in lib.params.non_machine_readable_formats}

applies contains lib.system(s) if some s in lib.vendor_systems

contract(s, key) := object.get(s, ["contract", key], null)

deny contains lib.not_stated(lib.system(s), concat(".", ["contract", key])) if {
	some s in lib.vendor_systems
	some key in ["data_owner", "exit_data_format", "data_wipe_method"]
	not lib.stated(contract(s, key))
}

deny contains lib.fail(lib.system(s), "contract.data_owner", "not_city_owned", {"id": s.id, "vendor": s.vendor, "owner": owner}) if {
	some s in lib.vendor_systems
	owner := contract(s, "data_owner")
	lib.stated(owner)
	owner != "city"
}

deny contains lib.fail(lib.system(s), "contract.exit_data_format", "no_open_exit_format", {"id": s.id, "vendor": s.vendor}) if {
	some s in lib.vendor_systems
	format := contract(s, "exit_data_format")
	lib.stated(format)
	upper(format) in closed_formats
}
