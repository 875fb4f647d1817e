# METADATA
# title: Open APIs and portability
# description: |
#   A vendor-supplied system must come with a documented open API, stated as
#   contract.open_api_spec { format, url } in a known open format (OpenAPI,
#   AsyncAPI, GraphQL, OData 4, NGSI-LD, OCPI 2, WSDL, gRPC proto), and a
#   contractual export of the city's data in an open format, so the city is
#   not locked in. Free text ("proprietary REST API, documentation on
#   request") states no format and does not satisfy the rule. A missing
#   format, url or exit_data_format is not stated. Applies to systems with a
#   vendor that are not retired.
# related_resources:
#   - ref: https://globalsmartcitiesalliance.org/global/
#     description: G20 Global Smart Cities Alliance guiding principle 3, Interoperability and Openness
#   - ref: https://spec.openapis.org/oas/latest.html
#     description: OpenAPI Specification
#   - ref: https://www.etsi.org/committee/cim
#     description: ETSI ISG CIM, NGSI-LD API (GS CIM 009)
#   - ref: https://oascities.org/minimal-interoperability-mechanisms/
#     description: OASC Minimal Interoperability Mechanisms (MIMs)
# custom:
#   id: OPEN-005
#   severity: high
#   area: openness
#   gsca_principle: interoperability_openness
#   sources:
#     - kind: gsca
#       title: GSCA guiding principles
#       clause: "3 Interoperability and Openness"
#       url: https://globalsmartcitiesalliance.org/global/
#     - kind: standard
#       title: OpenAPI Specification
#       url: https://spec.openapis.org/oas/latest.html
#       version: "3.1"
#     - kind: standard
#       title: ETSI GS CIM 009
#       clause: NGSI-LD API
#       url: https://www.etsi.org/committee/cim
#     - kind: practice
#       title: OASC MIMs
#       clause: "MIM1 context information management"
#       url: https://oascities.org/minimal-interoperability-mechanisms/
#   messages:
#     no_open_api: "system {id} from vendor {vendor} has no documented open API (contract.open_api_spec)"
#     no_open_export: "system {id} from vendor {vendor} has no data export in an open format (contract.exit_data_format)"
#   remediation: >-
#     In the system's contract block add open_api_spec { format = "openapi-3.1"
#     (or openapi-3, asyncapi-3, graphql, odata-4, ngsi-ld, ...), url = "<where
#     the description is published>" } and set exit_data_format to the open
#     export format (e.g. CSV, GeoJSON, JSON-LD).
#   fields:
#     - vendor
#     - contract.open_api_spec.format
#     - contract.open_api_spec.url
#     - contract.exit_data_format
package citygate.rules.openness.open_apis

import data.citygate.lib

# open_api_formats are the API description formats the inventory schema
# accepts; the rule checks them again so that a rule set loaded against an
# older schema cannot pass a proprietary string.
open_api_formats := {
	"openapi-2", "openapi-3", "openapi-3.1", "asyncapi-2", "asyncapi-3", "graphql",
	"odata-4", "ngsi-ld", "ocpi-2", "wsdl", "grpc-proto",
}

closed_formats := {upper(f) | some f in lib.params.non_machine_readable_formats}

applies contains lib.system(s) if some s in lib.vendor_systems

# spec(s, key) reads the open_api_spec block with object.get: a free-text
# open_api_spec (the version-1 string) has no format or url and so states
# neither.
spec(s, key) := object.get(s, ["contract", "open_api_spec", key], null)

deny contains lib.not_stated(lib.system(s), "contract.open_api_spec.format") if {
	some s in lib.vendor_systems
	not lib.stated(spec(s, "format"))
}

deny contains lib.fail(lib.system(s), "contract.open_api_spec.format", "no_open_api", {"id": s.id, "vendor": s.vendor}) if {
	some s in lib.vendor_systems
	format := spec(s, "format")
	lib.stated(format)
	not lower(format) in open_api_formats
}

deny contains lib.not_stated(lib.system(s), "contract.open_api_spec.url") if {
	some s in lib.vendor_systems
	not lib.stated(spec(s, "url"))
}

deny contains lib.not_stated(lib.system(s), "contract.exit_data_format") if {
	some s in lib.vendor_systems
	not lib.stated(object.get(s, ["contract", "exit_data_format"], null))
}

deny contains lib.fail(lib.system(s), "contract.exit_data_format", "no_open_export", {"id": s.id, "vendor": s.vendor}) if {
	some s in lib.vendor_systems
	format := s.contract.exit_data_format
	lib.stated(format)
	upper(format) in closed_formats
}
