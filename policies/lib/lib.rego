# METADATA
# description: |
#   The citygate rule library: the one result helper every rule uses to build
#   a finding, resource constructors, and date arithmetic against the
#   evaluation date (never the clock).
package citygate.lib

import rego.v1

# finding is the one result shape every rule emits with `deny contains f if`.
# resource comes from system(s), city, zone(z) or excavation(e); field is the
# inventory path the finding is about ("auth.mfa_privileged",
# "assessment.pia.date"); the engine locates it in the HCL source, falling
# back to the nearest enclosing block when the field is absent.
finding(resource, field, message) := {
	"resource": resource,
	"field": field,
	"message": message,
}

# finding_with_severity is finding for rules whose severity depends on
# context (e.g. critical for OT systems, high otherwise).
finding_with_severity(resource, field, message, severity) := object.union(
	finding(resource, field, message),
	{"severity": severity},
)

# fail is a finding whose message is a template: the engine renders the
# rule's METADATA messages[template] with args ({name} -> args.name), so the
# English text lives in metadata and a translation needs no Rego change.
fail(resource, field, template, args) := {
	"resource": resource,
	"field": field,
	"status": "fail",
	"template": template,
	"args": args,
}

# finding_t is fail under the name the rule contract uses in its examples.
finding_t(resource, field, template, args) := fail(resource, field, template, args)

# fail_with_severity is fail for rules whose severity depends on context.
fail_with_severity(resource, field, template, args, severity) := object.union(
	fail(resource, field, template, args),
	{"severity": severity},
)

# not_stated: the rule applies to resource and field, which it needs to
# decide, is absent. Absence is never compliance: this is a finding at the
# rule's severity, located at the nearest block that is there.
not_stated(resource, field) := {
	"resource": resource,
	"field": field,
	"status": "not_stated",
}

not_stated_with_severity(resource, field, severity) := object.union(
	not_stated(resource, field),
	{"severity": severity},
)

# stated(x): x is not null. Skeletons leave unfilled values as null, so a
# null is as unstated as a missing attribute; a false boolean is stated.
# Pass it object.get(obj, path, null): `not stated(s.data.location)` is
# undefined, not true, when the attribute is missing (OPA evaluates the
# reference outside the negation), and the absence would pass silently.
stated(x) if x != null

# unstated(obj, path): the value at path (a key or a list of keys) is
# missing or null; the safe way to ask "was this said?".
unstated(obj, path) if object.get(obj, path, null) == null

system(s) := {"kind": "system", "id": s.id}

zone(z) := {"kind": "zone", "id": z.id}

excavation(e) := {"kind": "excavation", "id": e.id}

city := {"kind": "city", "id": input.city.id}

# params are the tunable thresholds (policies/params.json, overridable
# under params: in .citygate.yaml).
params := data.citygate.params

# as_of is the evaluation date, YYYY-MM-DD (--as-of, default today).
as_of := data.citygate.as_of

as_of_ns := date_ns(as_of)

date_ns(d) := time.parse_ns("2006-01-02", d)

# The helpers below call time.parse_ns directly rather than date_ns: the
# same parse, without a function call per date (they run in many rules).

# before(a, b): date a is strictly before date b.
before(a, b) if time.parse_ns("2006-01-02", a) < time.parse_ns("2006-01-02", b)

# past(d): d is strictly before the evaluation date.
past(d) if time.parse_ns("2006-01-02", d) < as_of_ns

# older_than_months(d, n): more than n whole months have passed since d;
# exactly n months ago is not older.
older_than_months(d, n) if time.add_date(time.parse_ns("2006-01-02", d), 0, n, 0) < as_of_ns

# older_than_days(d, n): more than n days have passed since d.
older_than_days(d, n) if time.add_date(time.parse_ns("2006-01-02", d), 0, 0, n) < as_of_ns

# stage of a system; absent means production.
stage(s) := object.get(s, "stage", "production")

# active: any stage but retired; rules about systems apply to these.
active(s) if stage(s) != "retired"

# active_systems are the systems that are not retired, computed once per
# evaluation: a rule about active systems iterates them
# (some s in lib.active_systems) instead of testing lib.active(s) in each body.
active_systems := [s | some s in input.systems; active(s)]

# vendor_systems are the active systems that name a vendor.
vendor_systems := [s | some s in active_systems; s.vendor]

# in_service: the system runs or is about to (pilot or production).
in_service(s) if stage(s) in {"pilot", "production"}

# in_service_systems are the systems in pilot or production, computed once
# per evaluation like active_systems.
in_service_systems := [s | some s in input.systems; in_service(s)]

# bid: a system offered by a vendor in procurement.
bid(s) if stage(s) == "procurement"

# public_body: the deployer is a public body (the default).
public_body(s) if object.get(s, "deployer", "public_body") == "public_body"

# user_facing: people use the system's interface directly.
user_facing(s) if s.public_facing == true

user_facing(s) if s.user_facing == true

user_facing(s) if s.category in {"web_service", "mobile_app", "kiosk"}

# user_facing_systems are the active systems that are user facing, computed
# once per evaluation like active_systems.
user_facing_systems := [s | some s in active_systems; user_facing(s)]

# ot_or_iot: operational technology or connected devices.
ot_or_iot(s) if s.category in {"ot", "iot"}

# critical_system: OT, or rated critical.
critical_system(s) if s.category == "ot"

critical_system(s) if s.criticality == "critical"

# eu_uk: the city is under EU or UK law. Rules that enforce a law declare
# its profile in METADATA instead (custom.profiles); this stays for custom
# rules written against version 1.
eu_uk if {
	some j in input.city.jurisdictions
	upper(j) in {"EU", "UK"}
}

# must_describe_data(s): systems whose data handling must be stated, because
# they observe people or serve them: cameras and sensors (IoT, anything that
# senses, anything in public space), kiosks, web services and apps, anything
# that says it processes personal data, and anything with an AI block. For
# these a missing data block is not stated, never compliant.
must_describe_data(s) if s.category in {"iot", "kiosk", "web_service", "mobile_app"}

must_describe_data(s) if count(object.get(s, "sensing", [])) > 0

must_describe_data(s) if s.public_space == true

must_describe_data(s) if s.data.personal == true

must_describe_data(s) if stated(s.ai)

# data_systems are the active systems that must describe their data.
data_systems := [s | some s in active_systems; must_describe_data(s)]

# personal(s): the system says it processes personal data.
personal(s) if s.data.personal == true

# personal_unknown(s): the system must describe its data and does not say
# whether it processes personal data.
personal_unknown(s) if {
	must_describe_data(s)
	not stated(object.get(s, ["data", "personal"], null))
}

# personal_or_unknown(s): personal data rules apply: the system processes
# personal data or must say whether it does and has not.
personal_or_unknown(s) if personal(s)

personal_or_unknown(s) if personal_unknown(s)

# upper_code(c) is a country code or region-group name in upper case:
# codes are matched case-insensitively ("vn" is VN).
upper_code(c) := upper(trim_space(c))

# region_members(r) is the set of country codes r stands for: the members
# of a region group defined in params.region_groups (EU, EEA, ...), or the
# code itself.
region_members(r) := members if {
	group := params.region_groups[upper_code(r)]
	members := {upper_code(m) | some m in group}
}

region_members(r) := {upper_code(r)} if not params.region_groups[upper_code(r)]

# allowed_codes(allowed) are the country codes a list of codes and groups
# admits.
allowed_codes(allowed) := {c | some r in allowed; some c in region_members(r)}

# location_allowed(loc, allowed): every country loc stands for (one code, or
# all members of a group) lies inside the allowed codes and groups.
location_allowed(loc, allowed) if {
	codes := allowed_codes(allowed)
	every c in region_members(loc) {
		c in codes
	}
}

# assessment(s, kind) is the system's assessment block of that kind.
assessment(s, kind) := a if {
	some a in s.assessments
	a.kind == kind
}

# policy(name) is the city's adopted policy block of that name.
policy(name) := p if {
	some p in input.city.policies
	p.name == name
}

# role(name) is the city's role block of that name.
role(name) := r if {
	some r in input.city.roles
	r.name == name
}
