package citygate.rules.accessibility.alternative_channels_test

import data.citygate.rules.accessibility.alternative_channels as rule

city := {"id": "lisboa", "official_languages": ["pt", "en"]}

lisboa := {"kind": "city", "id": "lisboa"}

svc(ch) := {"id": "e-services-portal", "category": "web_service", "essential_service": true, "channels": ch}

eportal := {"kind": "system", "id": "e-services-portal"}

test_compliant_passes if {
	inv := {"city": city, "systems": [
		svc({"offline_alternative": true, "languages": ["pt", "en"]}),
		object.union(svc({"assisted": true, "languages": ["PT-pt", "en-GB"]}), {"id": "b"}),
	]}
	count(rule.deny) == 0 with input as inv
	rule.applies == {lisboa, eportal, {"kind": "system", "id": "b"}} with input as inv
}

test_no_alternative_channel_fires if {
	r := rule.deny with input as {"city": city, "systems": [svc({"offline_alternative": false, "assisted": false, "languages": ["pt", "en"]})]}
	r == {{
		"resource": eportal,
		"field": "channels.offline_alternative",
		"status": "fail",
		"template": "no_alternative",
		"args": {"id": "e-services-portal"},
	}}
}

test_offline_false_assisted_not_stated if {
	r := rule.deny with input as {"city": city, "systems": [svc({"offline_alternative": false, "languages": ["pt", "en"]})]}
	r == {{"resource": eportal, "field": "channels.assisted", "status": "not_stated"}}
}

test_assisted_false_offline_not_stated if {
	r := rule.deny with input as {"city": city, "systems": [svc({"assisted": false, "languages": ["pt", "en"]})]}
	r == {{"resource": eportal, "field": "channels.offline_alternative", "status": "not_stated"}}
}

test_one_channel_suffices_when_the_other_is_not_stated if {
	count(rule.deny) == 0 with input as {"city": city, "systems": [svc({"assisted": true, "languages": ["pt", "en"]})]}
}

test_missing_language_fires if {
	r := rule.deny with input as {"city": city, "systems": [svc({"assisted": true, "languages": ["pt"]})]}
	r == {{
		"resource": eportal,
		"field": "channels.languages",
		"status": "fail",
		"template": "missing_languages",
		"args": {"id": "e-services-portal", "languages": "en"},
	}}
}

test_missing_languages_are_sorted if {
	r := rule.deny with input as {"city": city, "systems": [svc({"assisted": true, "languages": ["fr"]})]}
	r == {{
		"resource": eportal,
		"field": "channels.languages",
		"status": "fail",
		"template": "missing_languages",
		"args": {"id": "e-services-portal", "languages": "en, pt"},
	}}
}

test_languages_not_stated if {
	r := rule.deny with input as {"city": city, "systems": [svc({"offline_alternative": true})]}
	r == {{"resource": eportal, "field": "channels.languages", "status": "not_stated"}}
}

test_no_channels_block_is_not_stated if {
	r := rule.deny with input as {"city": city, "systems": [{"id": "portal", "public_facing": true, "essential_service": true}]}
	r == {
		{"resource": {"kind": "system", "id": "portal"}, "field": "channels.offline_alternative", "status": "not_stated"},
		{"resource": {"kind": "system", "id": "portal"}, "field": "channels.assisted", "status": "not_stated"},
		{"resource": {"kind": "system", "id": "portal"}, "field": "channels.languages", "status": "not_stated"},
	}
}

test_city_official_languages_not_stated if {
	inv := {"city": {"id": "lisboa"}, "systems": [svc({"offline_alternative": true})]}
	rule.deny == {{"resource": lisboa, "field": "official_languages", "status": "not_stated"}} with input as inv
	rule.applies == {lisboa, eportal} with input as inv
}

test_without_a_city_languages_are_not_decided if {
	inv := {"systems": [svc({"offline_alternative": true})]}
	count(rule.deny) == 0 with input as inv
	rule.applies == {eportal} with input as inv
}

test_city_without_essential_services_does_not_apply if {
	inv := {"city": {"id": "lisboa"}, "systems": [{"id": "events", "category": "web_service"}]}
	count(rule.applies) == 0 with input as inv
	count(rule.deny) == 0 with input as inv
}

test_non_essential_does_not_apply if {
	inv := {"city": city, "systems": [
		{"id": "events", "category": "web_service"},
		{"id": "news", "category": "web_service", "essential_service": false},
	]}
	count(rule.applies) == 0 with input as inv
	count(rule.deny) == 0 with input as inv
}

test_not_user_facing_does_not_apply if {
	inv := {"city": city, "systems": [{"id": "water-scada", "category": "ot", "essential_service": true}]}
	count(rule.applies) == 0 with input as inv
	count(rule.deny) == 0 with input as inv
}

test_retired_does_not_apply if {
	inv := {"city": city, "systems": [object.union(svc({}), {"stage": "retired"})]}
	count(rule.applies) == 0 with input as inv
	count(rule.deny) == 0 with input as inv
}
