# METADATA
# title: Machine-readable data
# description: |
#   Published datasets must be machine-readable: not only in a document format
#   (the non_machine_readable_formats parameter: PDF, XLS, DOC, DOCX; compared
#   case-insensitively; a missing format is a finding), with machine-readable
#   metadata, and served by an API when the data is dynamic.
# related_resources:
#   - ref: https://eur-lex.europa.eu/eli/dir/2019/1024/oj
#     description: Directive (EU) 2019/1024, Art 5 (machine-readable formats, APIs for dynamic data)
#   - ref: https://eur-lex.europa.eu/eli/reg_impl/2023/138/oj
#     description: Implementing Regulation (EU) 2023/138, high-value datasets
# custom:
#   id: OPEN-003
#   severity: medium
#   principle: openness
#   controls:
#     - GSCA-OD §7-8
#     - EIF
#     - Dir. 2019/1024
#     - HVD Reg. 2023/138
#   remediation: >-
#     Publish the dataset in an open machine-readable format (set format to
#     CSV, JSON, GeoJSON, ...), set metadata = true once DCAT metadata is
#     published, and for dynamic data serve it through an API (api = true).
#   fields:
#     - dataset.publish
#     - dataset.format
#     - dataset.metadata
#     - dataset.dynamic
#     - dataset.api
package citygate.rules.openness.machine_readable

import data.citygate.lib

closed_formats := {upper(f) | some f in lib.params.non_machine_readable_formats}

published := [[s, d] | some s in lib.active_systems; some d in s.datasets; d.publish == true]

deny contains lib.finding(lib.system(s), sprintf("dataset.%s.format", [d.id]), msg) if {
	some [s, d] in published
	format := object.get(d, "format", "unset")
	upper(format) in closed_formats
	msg := sprintf("system %s publishes dataset %s only as %s, not a machine-readable format", [s.id, d.id, format])
}

deny contains lib.finding(lib.system(s), sprintf("dataset.%s.format", [d.id]), msg) if {
	some [s, d] in published
	not d.format
	msg := sprintf("system %s publishes dataset %s with no stated format", [s.id, d.id])
}

deny contains lib.finding(lib.system(s), sprintf("dataset.%s.metadata", [d.id]), msg) if {
	some [s, d] in published
	object.get(d, "metadata", false) != true
	msg := sprintf("system %s publishes dataset %s without machine-readable metadata (metadata = %v)", [s.id, d.id, object.get(d, "metadata", "unset")])
}

deny contains lib.finding(lib.system(s), sprintf("dataset.%s.api", [d.id]), msg) if {
	some [s, d] in published
	d.dynamic == true
	object.get(d, "api", false) != true
	msg := sprintf("system %s publishes dynamic dataset %s with no API (api = %v)", [s.id, d.id, object.get(d, "api", "unset")])
}
