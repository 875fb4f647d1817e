package citygate.rules.broadband.connectivity_kpis_test

import data.citygate.rules.broadband.connectivity_kpis as rule

kpis(year) := [{"code": c, "value": 90, "year": year} | some c in ["EC:ICT:ICT:1C", "EC:ICT:ICT:2C", "EC:ICT:ICT:3C", "EC:ICT:ICT:4C", "EC:ICT:ICT:5C"]]

test_missing_kpi_fires if {
	r := rule.deny with input as {"city": {"id": "lisboa", "kpis": [k | some k in kpis(2025); k.code != "EC:ICT:ICT:3C"]}}
	r == {{
		"resource": {"kind": "city", "id": "lisboa"},
		"field": "kpi.EC:ICT:ICT:3C",
		"message": "city lisboa does not report KPI EC:ICT:ICT:3C",
	}}
}

test_no_kpis_fires_per_code if {
	count(rule.deny) == 5 with input as {"city": {"id": "lisboa"}}
}

test_stale_kpi_fires if {
	stale := [object.union(k, {"year": 2023}) | some k in kpis(2025); k.code == "EC:ICT:ICT:1C"]
	fresh := [k | some k in kpis(2025); k.code != "EC:ICT:ICT:1C"]
	r := rule.deny with input as {"city": {"id": "lisboa", "kpis": array.concat(stale, fresh)}}
	r == {{
		"resource": {"kind": "city", "id": "lisboa"},
		"field": "kpi.EC:ICT:ICT:1C",
		"message": "city lisboa reports KPI EC:ICT:ICT:1C for 2023, older than 24 months",
	}}
}

test_latest_year_counts if {
	old := [object.union(k, {"year": 2020}) | some k in kpis(2025)]
	count(rule.deny) == 0 with input as {"city": {"id": "lisboa", "kpis": array.concat(old, kpis(2025))}}
}

# A 2023 value is dated 2023-12-31: exactly 24 months before 2025-12-31,
# one day more on 2026-01-01.
test_age_boundary if {
	count(rule.deny) == 0 with input as {"city": {"id": "lisboa", "kpis": kpis(2023)}}
		with data.citygate.as_of as "2025-12-31"
	count(rule.deny) == 5 with input as {"city": {"id": "lisboa", "kpis": kpis(2023)}}
		with data.citygate.as_of as "2026-01-01"
}

test_fresh_passes if {
	count(rule.deny) == 0 with input as {"city": {"id": "lisboa", "kpis": kpis(2024)}}
}

test_bid_without_city_passes if {
	count(rule.deny) == 0 with input as {"systems": [{"id": "acme", "vendor": "acme", "stage": "procurement"}]}
}
