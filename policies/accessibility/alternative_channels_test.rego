package citygate.rules.accessibility.alternative_channels_test

import data.citygate.rules.accessibility.alternative_channels as rule

city := {"id": "lisboa", "official_languages": ["pt", "en"]}

svc(ch) := {"id": "e-services-portal", "category": "web_service", "essential_service": true, "channels": ch}

test_compliant_passes if {
	count(rule.deny) == 0 with input as {"city": city, "systems": [
		svc({"offline_alternative": true, "languages": ["pt", "en"]}),
		object.union(svc({"assisted": true, "languages": ["PT-pt", "en-GB"]}), {"id": "b"}),
	]}
}

test_no_alternative_channel_fires if {
	r := rule.deny with input as {"city": city, "systems": [svc({"offline_alternative": false, "languages": ["pt", "en"]})]}
	r == {{
		"resource": {"kind": "system", "id": "e-services-portal"},
		"field": "channels.offline_alternative",
		"message": "system e-services-portal delivers an essential service with no assisted or offline channel (channels.assisted, channels.offline_alternative)",
	}}
}

test_missing_language_fires if {
	r := rule.deny with input as {"city": city, "systems": [svc({"assisted": true, "languages": ["pt"]})]}
	r == {{
		"resource": {"kind": "system", "id": "e-services-portal"},
		"field": "channels.languages",
		"message": "system e-services-portal delivers an essential service not offered in the official language(s) en (channels.languages)",
	}}
}

test_no_channels_block_fires_both if {
	r := rule.deny with input as {"city": city, "systems": [{"id": "portal", "public_facing": true, "essential_service": true}]}
	count(r) == 2
	some f in r
	f.message == "system portal delivers an essential service not offered in the official language(s) en, pt (channels.languages)"
}

test_languages_need_a_city if {
	count(rule.deny) == 0 with input as {"systems": [svc({"offline_alternative": true})]}
	count(rule.deny) == 0 with input as {"city": {"id": "lisboa"}, "systems": [svc({"offline_alternative": true})]}
}

test_non_essential_does_not_apply if {
	count(rule.deny) == 0 with input as {"city": city, "systems": [
		{"id": "events", "category": "web_service"},
		{"id": "news", "category": "web_service", "essential_service": false},
	]}
}

test_not_user_facing_does_not_apply if {
	count(rule.deny) == 0 with input as {"city": city, "systems": [{"id": "water-scada", "category": "ot", "essential_service": true}]}
}

test_retired_does_not_apply if {
	count(rule.deny) == 0 with input as {"city": city, "systems": [object.union(svc({}), {"stage": "retired"})]}
}
