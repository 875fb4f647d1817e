package citygate.rules.broadband.connectivity_kpis_test

import data.citygate.rules.broadband.connectivity_kpis as rule

lisboa := {"kind": "city", "id": "lisboa"}

codes := ["EC:ICT:ICT:1C", "EC:ICT:ICT:2C", "EC:ICT:ICT:3C", "EC:ICT:ICT:4C", "EC:ICT:ICT:5C"]

kpis(year) := [{"code": c, "value": 90, "year": year} | some c in codes]

test_missing_kpi_not_stated if {
	inv := {"city": {"id": "lisboa", "kpis": [k | some k in kpis(2025); k.code != "EC:ICT:ICT:3C"]}}
	rule.deny == {{"resource": lisboa, "field": "kpi.EC:ICT:ICT:3C", "status": "not_stated"}} with input as inv
	rule.applies == {lisboa} with input as inv
}

test_no_kpis_not_stated_per_code if {
	r := rule.deny with input as {"city": {"id": "lisboa"}}
	r == {{"resource": lisboa, "field": sprintf("kpi.%s", [c]), "status": "not_stated"} | some c in codes}
}

test_stale_kpi_fires if {
	stale := [object.union(k, {"year": 2023}) | some k in kpis(2025); k.code == "EC:ICT:ICT:1C"]
	fresh := [k | some k in kpis(2025); k.code != "EC:ICT:ICT:1C"]
	r := rule.deny with input as {"city": {"id": "lisboa", "kpis": array.concat(stale, fresh)}}
	r == {{
		"resource": lisboa,
		"field": "kpi.EC:ICT:ICT:1C",
		"status": "fail",
		"template": "stale",
		"args": {"id": "lisboa", "code": "EC:ICT:ICT:1C", "year": "2023", "months": 24},
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
	inv := {"city": {"id": "lisboa", "kpis": kpis(2024)}}
	count(rule.deny) == 0 with input as inv
	rule.applies == {lisboa} with input as inv
}

test_bid_without_city_does_not_apply if {
	inv := {"systems": [{"id": "acme", "vendor": "acme", "stage": "procurement"}]}
	count(rule.applies) == 0 with input as inv
	count(rule.deny) == 0 with input as inv
}
