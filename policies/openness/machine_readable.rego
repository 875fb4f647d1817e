# METADATA
# title: Machine-readable data
# description: |
#   Published datasets must be machine-readable: not only in a document format
#   (the non_machine_readable_formats parameter: PDF, XLS, DOC, DOCX; compared
#   case-insensitively), with machine-readable metadata, and served by an API
#   when the data is dynamic. A published dataset that does not state its
#   format or metadata, or (without an API) whether it is dynamic, is not
#   stated. Applies to active systems that publish a dataset.
# related_resources:
#   - ref: https://globalsmartcitiesalliance.org/global/
#     description: G20 Global Smart Cities Alliance policy framework (Open Data model policy)
#   - ref: https://www.w3.org/TR/vocab-dcat-3/
#     description: W3C Data Catalog Vocabulary (DCAT) Version 3
#   - ref: https://eur-lex.europa.eu/eli/dir/2019/1024/oj
#     description: "Where EU law applies: Directive (EU) 2019/1024, Art 5 (machine-readable formats, APIs for dynamic data)"
# custom:
#   id: OPEN-003
#   severity: medium
#   area: openness
#   gsca_principle: interoperability_openness
#   gsca_policy: open_data
#   sources:
#     - kind: gsca
#       title: GSCA Open Data model policy
#       clause: "7 Technical measures to underpin open data practice"
#       url: https://globalsmartcitiesalliance.org/global/
#       version: "2022"
#     - kind: practice
#       title: International Open Data Charter
#       clause: Principle 3 (accessible and usable)
#       url: https://opendatacharter.org/principles/
#       version: "2015"
#     - kind: standard
#       title: W3C DCAT
#       clause: dataset and distribution metadata
#       url: https://www.w3.org/TR/vocab-dcat-3/
#       version: "3"
#   messages:
#     closed_format: "system {id} publishes dataset {dataset} only as {format}, not a machine-readable format"
#     no_metadata: "system {id} publishes dataset {dataset} without machine-readable metadata (metadata = false)"
#     no_api: "system {id} publishes dynamic dataset {dataset} with no API (api = false)"
#   remediation: >-
#     Publish the dataset in an open machine-readable format (set format to
#     CSV, JSON, GeoJSON, ...), set metadata = true once DCAT metadata is
#     published, and for dynamic data serve it through an API (api = true);
#     state dynamic = false for data that does not change often.
#   fields:
#     - dataset.publish
#     - dataset.format
#     - dataset.metadata
#     - dataset.dynamic
#     - dataset.api
package citygate.rules.openness.machine_readable

import data.citygate.lib

closed_formats := {upper(f) | some f in lib.params.non_machine_readable_formats}

published := [[s, d] | some s in lib.active_systems; some d in object.get(s, "datasets", []); d.publish == true]

applies contains lib.system(s) if some [s, _] in published

field(d, name) := concat(".", ["dataset", d.id, name])

deny contains lib.not_stated(lib.system(s), field(d, "format")) if {
	some [s, d] in published
	not lib.stated(object.get(d, "format", null))
}

deny contains lib.fail(lib.system(s), field(d, "format"), "closed_format", {"id": s.id, "dataset": d.id, "format": d.format}) if {
	some [s, d] in published
	lib.stated(d.format)
	upper(d.format) in closed_formats
}

deny contains lib.not_stated(lib.system(s), field(d, "metadata")) if {
	some [s, d] in published
	not lib.stated(object.get(d, "metadata", null))
}

deny contains lib.fail(lib.system(s), field(d, "metadata"), "no_metadata", {"id": s.id, "dataset": d.id}) if {
	some [s, d] in published
	d.metadata == false
}

# Whether the data is dynamic decides whether an API is required; a dataset
# served by an API passes either way.
deny contains lib.not_stated(lib.system(s), field(d, "dynamic")) if {
	some [s, d] in published
	object.get(d, "api", null) != true
	not lib.stated(object.get(d, "dynamic", null))
}

deny contains lib.not_stated(lib.system(s), field(d, "api")) if {
	some [s, d] in published
	d.dynamic == true
	not lib.stated(object.get(d, "api", null))
}

deny contains lib.fail(lib.system(s), field(d, "api"), "no_api", {"id": s.id, "dataset": d.id}) if {
	some [s, d] in published
	d.dynamic == true
	d.api == false
}
