package citygate.lib_test

import data.citygate.lib

test_finding_shape if {
	lib.finding({"kind": "system", "id": "a"}, "auth", "m") == {"resource": {"kind": "system", "id": "a"}, "field": "auth", "message": "m"}
}

test_finding_with_severity if {
	f := lib.finding_with_severity({"kind": "zone", "id": "z"}, "sl_target", "m", "critical")
	f.severity == "critical"
	f.resource == {"kind": "zone", "id": "z"}
}

test_older_than_months_boundary if {
	not lib.older_than_months("2024-01-01", 24)
	lib.older_than_months("2023-12-31", 24)
}

# time.add_date overflows a day the target month lacks: 31 January plus
# one month is 3 March 2025, so as of 2 March it is not yet a month old,
# while 1 February (plus one month: 1 March) is.
test_older_than_months_month_end_overflow if {
	not lib.older_than_months("2025-01-31", 1) with data.citygate.as_of as "2025-03-02"
	lib.older_than_months("2025-02-01", 1) with data.citygate.as_of as "2025-03-02"
	lib.older_than_months("2025-01-28", 1) with data.citygate.as_of as "2025-03-02"
	not lib.older_than_months("2025-01-29", 1) with data.citygate.as_of as "2025-03-01"
}

test_older_than_months_leap_years if {
	# 29 January 2024 plus one month is 29 February: a leap year.
	lib.older_than_months("2024-01-29", 1) with data.citygate.as_of as "2024-03-01"
	not lib.older_than_months("2024-01-30", 1) with data.citygate.as_of as "2024-03-01"
	# 2000 is a leap year (divisible by 400), 2100 is not.
	lib.older_than_months("2000-01-29", 1) with data.citygate.as_of as "2000-03-01"
	not lib.older_than_months("2100-01-29", 1) with data.citygate.as_of as "2100-03-01"
}

# Dates far from today are compared as the time functions compare them.
test_dates_far_from_today if {
	lib.before("1677-12-31", "2025-01-01")
	lib.past("1677-12-31")
	lib.older_than_months("1677-12-31", 12)
	not lib.older_than_months("2025-12-31", 1201)
}

test_older_than_days_boundary if {
	not lib.older_than_days("2025-12-02", 30)
	lib.older_than_days("2025-12-01", 30)
}

test_past_and_before if {
	lib.past("2025-12-31")
	not lib.past("2026-01-01")
	lib.before("2025-01-01", "2025-01-02")
	not lib.before("2025-01-02", "2025-01-02")
}

test_as_of_from_data if {
	lib.as_of == "2026-06-30" with data.citygate.as_of as "2026-06-30"
}

test_active if {
	lib.active({"id": "a"})
	lib.active({"id": "a", "stage": "procurement"})
	not lib.active({"id": "a", "stage": "retired"})
}

systems := [
	{"id": "prod"},
	{"id": "pilot", "stage": "pilot", "vendor": "acme", "public_facing": true},
	{"id": "bid", "stage": "procurement", "vendor": "acme", "category": "kiosk"},
	{"id": "old", "stage": "retired", "vendor": "acme", "category": "web_service"},
]

ids(ss) := [s.id | some s in ss]

test_active_systems if {
	ids(lib.active_systems) == ["prod", "pilot", "bid"] with input as {"systems": systems}
	lib.active_systems == [] with input as {}
}

test_in_service_systems if {
	ids(lib.in_service_systems) == ["prod", "pilot"] with input as {"systems": systems}
}

test_vendor_systems if {
	ids(lib.vendor_systems) == ["pilot", "bid"] with input as {"systems": systems}
}

test_user_facing_systems if {
	ids(lib.user_facing_systems) == ["pilot", "bid"] with input as {"systems": systems}
}

test_fail_shape if {
	lib.fail({"kind": "system", "id": "a"}, "data.location", "outside", {"x": 1}) == {"resource": {"kind": "system", "id": "a"}, "field": "data.location", "status": "fail", "template": "outside", "args": {"x": 1}}
	lib.finding_t({"kind": "city", "id": "c"}, "f", "t", {}) == lib.fail({"kind": "city", "id": "c"}, "f", "t", {})
	lib.fail_with_severity({"kind": "zone", "id": "z"}, "f", "t", {}, "low").severity == "low"
}

test_not_stated_shape if {
	lib.not_stated({"kind": "system", "id": "a"}, "data.personal") == {"resource": {"kind": "system", "id": "a"}, "field": "data.personal", "status": "not_stated"}
	lib.not_stated_with_severity({"kind": "system", "id": "a"}, "f", "critical").severity == "critical"
}

test_stated if {
	lib.stated(false)
	lib.stated("x")
	not lib.stated(null)
	lib.unstated({"data": {}}, ["data", "location"])
	lib.unstated({"data": {"location": null}}, ["data", "location"])
	not lib.unstated({"data": {"location": "PT"}}, ["data", "location"])
	not lib.unstated({"public_facing": false}, "public_facing")
}

test_must_describe_data if {
	lib.must_describe_data({"id": "a", "category": "iot"})
	lib.must_describe_data({"id": "a", "category": "ot", "sensing": ["camera"]})
	lib.must_describe_data({"id": "a", "category": "ot", "public_space": true})
	lib.must_describe_data({"id": "a", "category": "it", "data": {"personal": true}})
	lib.must_describe_data({"id": "a", "category": "it", "ai": {}})
	not lib.must_describe_data({"id": "a", "category": "ot", "sensing": [], "public_space": false, "ai": null})
	[s.id | some s in lib.data_systems] == ["k"] with input as {"systems": [{"id": "k", "category": "kiosk"}, {"id": "o", "category": "ot"}, {"id": "r", "category": "kiosk", "stage": "retired"}]}
}

test_personal_unknown if {
	lib.personal_unknown({"id": "a", "category": "iot"})
	lib.personal_unknown({"id": "a", "category": "iot", "data": {"personal": null}})
	not lib.personal_unknown({"id": "a", "category": "iot", "data": {"personal": false}})
	not lib.personal_unknown({"id": "a", "category": "ot"})
	lib.personal_or_unknown({"id": "a", "category": "iot"})
	lib.personal_or_unknown({"id": "a", "category": "it", "data": {"personal": true}})
	not lib.personal_or_unknown({"id": "a", "category": "iot", "data": {"personal": false}})
}

test_region_groups if {
	lib.upper_code(" vn ") == "VN"
	"PT" in lib.region_members("eu")
	lib.region_members("vn") == {"VN"}
	lib.location_allowed("pt", ["EU"])
	lib.location_allowed("EU", ["EEA"])
	not lib.location_allowed("EEA", ["EU"])
	not lib.location_allowed("US", ["EU", "VN"])
	lib.location_allowed("vn", ["VN"])
}

test_eu_uk_case_insensitive if {
	lib.eu_uk with input as {"city": {"jurisdictions": ["eu"]}}
	not lib.eu_uk with input as {"city": {"jurisdictions": ["VN"]}}
}
