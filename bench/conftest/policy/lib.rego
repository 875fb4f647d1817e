# The citygate.lib helpers the 20 rules use, over Conftest's HCL2 input.
package lib

import rego.v1

# Blocks that appear once in a system: hcl2json gives each as a list.
single_blocks := {
	"auth", "software", "data", "devices", "logging", "resilience", "interfaces",
	"transparency", "accessibility", "contract", "evidence", "tco",
	"due_diligence", "business_case", "procurement", "engagement", "ai",
}

# norm(body) is one system body in citygate's shape: single blocks as
# objects, assessment "<kind>" blocks as a list carrying their kind.
norm(id, body) := object.union(
	{k: v | some k, v in body; not k in single_blocks; k != "assessment"},
	object.union(
		{k: v[0] | some k, v in body; k in single_blocks},
		{"id": id, "assessments": [object.union(a, {"kind": kind}) | some kind, blocks in object.get(body, "assessment", {}); some a in blocks]},
	),
)

systems := [norm(id, b) | some id, bodies in object.get(input, "system", {}); some b in bodies]

params := data.params

as_of_ns := time.parse_ns("2006-01-02", data.as_of)

stated(x) if x != null

unstated(obj, path) if object.get(obj, path, null) == null

before(a, b) if time.parse_ns("2006-01-02", a) < time.parse_ns("2006-01-02", b)

past(d) if time.parse_ns("2006-01-02", d) < as_of_ns

older_than_months(d, n) if time.add_date(time.parse_ns("2006-01-02", d), 0, n, 0) < as_of_ns

stage(s) := object.get(s, "stage", "production")

active(s) if stage(s) != "retired"

active_systems := [s | some s in systems; active(s)]

vendor_systems := [s | some s in active_systems; s.vendor]

in_service(s) if stage(s) in {"pilot", "production"}

in_service_systems := [s | some s in systems; in_service(s)]

bid(s) if stage(s) == "procurement"

user_facing(s) if s.public_facing == true

user_facing(s) if s.user_facing == true

user_facing(s) if s.category in {"web_service", "mobile_app", "kiosk"}

user_facing_systems := [s | some s in active_systems; user_facing(s)]

critical_system(s) if s.category == "ot"

critical_system(s) if s.criticality == "critical"

must_describe_data(s) if s.category in {"iot", "kiosk", "web_service", "mobile_app"}

must_describe_data(s) if count(object.get(s, "sensing", [])) > 0

must_describe_data(s) if s.public_space == true

must_describe_data(s) if s.data.personal == true

must_describe_data(s) if stated(s.ai)

personal(s) if s.data.personal == true

personal_unknown(s) if {
	must_describe_data(s)
	not stated(object.get(s, ["data", "personal"], null))
}

personal_or_unknown(s) if personal(s)

personal_or_unknown(s) if personal_unknown(s)

assessment(s, kind) := a if {
	some a in s.assessments
	a.kind == kind
}

# not_stated and fail are the messages: Conftest has no templates.
not_stated(rule, s, field) := sprintf("%s: system %s does not state %s", [rule, s.id, field])

fail(rule, msg) := sprintf("%s: %s", [rule, msg])
