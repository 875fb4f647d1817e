# METADATA
# title: Open APIs and portability
# description: |
#   A vendor-supplied system must come with a documented open API (such as
#   OpenAPI or NGSI-LD) and a contractual export of the city's data in an open
#   format, so the city is not locked in. Applies to systems with a vendor that
#   are not retired.
# related_resources:
#   - ref: https://smartdatamodels.org/
#     description: Smart Data Models (NGSI-LD) initiative
#   - ref: https://spec.openapis.org/oas/latest.html
#     description: OpenAPI Specification
# custom:
#   id: OPEN-005
#   severity: high
#   principle: openness
#   controls:
#     - GSCA principle 3
#     - U4SSC MIMs
#     - smart-data-models
#   remediation: >-
#     In the system's contract block set open_api_spec to the documented open
#     API (e.g. "OpenAPI 3.1", "NGSI-LD") and exit_data_format to the open
#     export format (e.g. CSV, GeoJSON, JSON-LD).
#   fields:
#     - vendor
#     - contract.open_api_spec
#     - contract.exit_data_format
package citygate.rules.openness.open_apis

import data.citygate.lib

deny contains lib.finding(lib.system(s), "contract.open_api_spec", msg) if {
	some s in lib.vendor_systems
	not s.contract.open_api_spec
	msg := sprintf("system %s from vendor %s has no documented open API (contract.open_api_spec)", [s.id, s.vendor])
}

deny contains lib.finding(lib.system(s), "contract.exit_data_format", msg) if {
	some s in lib.vendor_systems
	not s.contract.exit_data_format
	msg := sprintf("system %s from vendor %s has no data export in an open format (contract.exit_data_format)", [s.id, s.vendor])
}
