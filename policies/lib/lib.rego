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

# The date helpers below compare ISO dates (YYYY-MM-DD) as strings, against
# thresholds computed once per evaluation (rules without arguments, and
# functions of the evaluation date only, which OPA caches per evaluation).
# String order is date order for such dates, and the compiled evaluator
# (--evaluator wasm) runs these comparisons natively, where time.parse_ns
# and time.add_date are calls back into Go for every date.
#
# A value that is not a date between 1678 and 2261 (the range OPA's time
# functions represent) takes the old path, time.parse_ns: a malformed date
# is an evaluation error, never a silent pass. The results are those of the
# time functions exactly, month-end overflow included (policies/lib/dates.go
# tests both paths against each other over every day of several years).

# iso(d): d is a real calendar day, YYYY-MM-DD, from 1678 to 2261.
iso(d) if {
	d >= "1678-01-01"
	d < "2262-01-01"
	regex.match(iso_date, d)
}

# iso_date matches YYYY-MM-DD with a day that exists in its month; 29
# February only in leap years (of the four-digit years iso admits, 2000 is
# the only century year that is one).
iso_date := `^\d{4}-(?:(?:0[13578]|1[02])-(?:0[1-9]|[12]\d|3[01])|(?:0[469]|11)-(?:0[1-9]|[12]\d|30)|02-(?:0[1-9]|1\d|2[0-8]))$|^(?:\d\d(?:0[48]|[2468][048]|[13579][26])|2000)-02-29$`

as_of_iso if iso(as_of)

# before(a, b): date a is strictly before date b.
before(a, b) if {
	iso(a)
	iso(b)
	a < b
}

before(a, b) if {
	not both_iso(a, b)
	time.parse_ns("2006-01-02", a) < time.parse_ns("2006-01-02", b)
}

both_iso(a, b) if {
	iso(a)
	iso(b)
}

# past(d): d is strictly before the evaluation date.
past(d) if {
	as_of_iso
	iso(d)
	d < as_of
}

past(d) if {
	not past_iso(d)
	time.parse_ns("2006-01-02", d) < as_of_ns
}

past_iso(d) if {
	as_of_iso
	iso(d)
}

# older_than_months(d, n): more than n whole months have passed since d;
# exactly n months ago is not older. "n months after d" is time.add_date's:
# a day the target month lacks overflows into the next (31 March + 1 month
# is 1 May), so the dates that are older are those before the cutoff (the
# evaluation date's day, n months earlier) except a few month-end days
# whose overflow reaches the evaluation date (month_cutoff).
older_than_months(d, n) if {
	c := month_cutoff(n)
	iso(d)
	d < c.max
	d < c.before
	not c.overflow[d]
}

older_than_months(d, n) if {
	not fast_months(d, n)
	time.add_date(time.parse_ns("2006-01-02", d), 0, n, 0) < as_of_ns
}

# fast_months(d, n): the string comparison gives time.add_date's answer:
# both dates are ISO dates, n is a whole number of months from 0 to 1200
# (month_cutoff is undefined otherwise), and d plus n months stays inside
# the range OPA's time functions accept (d < max).
fast_months(d, n) if {
	c := month_cutoff(n)
	iso(d)
	d < c.max
}

# month_cutoff(n) is computed once per n and evaluation. With A the
# evaluation date and C the month n months before A's: d + n months < A
# exactly when d is before day A.day of C, except for the days of the month
# before C that time.add_date overflows into A's month on or after A's day.
month_cutoff(n) := {"before": date_string(cy, cm, as_of_day), "overflow": overflow, "max": limit} if {
	as_of_iso
	is_number(n)
	n >= 0
	n <= 1200
	n == floor(n)
	limit := concat("", [format_int(2261 - ((n - (n % 12)) / 12), 10), "-01-01"])
	c := as_of_month_index - n
	cy := (c - (c % 12)) / 12
	cm := (c % 12) + 1
	p := c - 1
	py := (p - (p % 12)) / 12
	pm := (p % 12) + 1
	t := as_of_month_index - 1
	in_target := days_in((t - (t % 12)) / 12, (t % 12) + 1)
	in_p := days_in(py, pm)
	overflow := {date_string(py, pm, k) |
		some k in numbers.range(1, 31)
		k <= in_p
		k - in_target >= as_of_day
	}
}

# as_of_month_index counts months since year 0: year * 12 + month - 1.
as_of_month_index := (to_number(substring(as_of, 0, 4)) * 12 + to_number(substring(as_of, 5, 2))) - 1

as_of_day := to_number(substring(as_of, 8, 2))

# days_in(y, m) is the number of days of month m (1-12) of year y.
days_in(y, m) := 29 if {
	m == 2
	leap_year(y)
} else := month_days[m]

month_days := [0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]

leap_year(y) if {
	y % 4 == 0
	y % 100 != 0
}

leap_year(y) if y % 400 == 0

# date_string(y, m, d) is YYYY-MM-DD (y has four digits here; d may exceed
# the month's days: it is only compared, never parsed).
date_string(y, m, d) := concat("-", [format_int(y, 10), two_digits[m], two_digits[d]])

two_digits := [concat("", [substring("0", 0, 2 - count(format_int(i, 10))), format_int(i, 10)]) | some i in numbers.range(0, 31)]

# older_than_days(d, n): more than n days have passed since d. No built-in
# rule uses it; it keeps the time functions (a day cutoff needs calendar
# arithmetic the string path would have to reimplement).
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
