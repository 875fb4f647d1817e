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
