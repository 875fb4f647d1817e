# METADATA
# title: Exit and decommissioning
# description: |
#   The contract for a vendor system must leave the city owning its data, name
#   an open export format for exit, and say how data is wiped at
#   decommissioning. Applies to systems with a vendor that are not retired.
# related_resources:
#   - ref: https://csrc.nist.gov/pubs/sp/800/88/r1/final
#     description: NIST SP 800-88 Rev. 1, Guidelines for Media Sanitization
#   - ref: https://www.nist.gov/cyberframework
#     description: NIST Cybersecurity Framework 2.0 (GV.SC-10)
# custom:
#   id: SUST-006
#   severity: medium
#   principle: sustainability
#   controls:
#     - CSF GV.SC-10
#     - NIST 8259A Data Protection
#     - ETSI EN 303 645 5.11-1
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

deny contains lib.finding(lib.system(s), "contract.data_owner", msg) if {
	some s in lib.vendor_systems
	owner := object.get(s, ["contract", "data_owner"], "unset")
	owner != "city"
	msg := sprintf("system %s from vendor %s does not leave the data owned by the city (contract.data_owner = %s)", [s.id, s.vendor, owner])
}

deny contains lib.finding(lib.system(s), "contract.exit_data_format", msg) if {
	some s in lib.vendor_systems
	not s.contract.exit_data_format
	msg := sprintf("system %s from vendor %s names no open data export format for exit (contract.exit_data_format)", [s.id, s.vendor])
}

deny contains lib.finding(lib.system(s), "contract.data_wipe_method", msg) if {
	some s in lib.vendor_systems
	not s.contract.data_wipe_method
	msg := sprintf("system %s from vendor %s names no data-wipe method for decommissioning (contract.data_wipe_method)", [s.id, s.vendor])
}
