package citygate.rules.equity.social_impact_test

import data.citygate.rules.equity.social_impact as rule

portal := {"kind": "system", "id": "portal"}

sia := {"kind": "social_impact", "date": "2025-02-01", "completed": true, "url": "https://city.example/sia/portal"}

# sys is a compliant web service with the given assessments and engagement.
sys(assessments, engagement) := {"id": "portal", "category": "web_service", "assessments": assessments, "engagement": engagement}

engaged := {"public_consultation": "2025-01-10", "community_engagement": true}

test_compliant_passes if {
	count(rule.deny) == 0 with input as {"systems": [sys([sia], engaged)]}
	count(rule.deny) == 0 with input as {"systems": [sys([object.union(sia, {"completed": false}), sia], engaged)]}
}

test_incomplete_assessment_fires if {
	r := rule.deny with input as {"systems": [sys([object.union(sia, {"completed": false})], engaged)]}
	r == {{
		"resource": portal,
		"field": "assessment.social_impact.completed",
		"status": "fail",
		"template": "assessment_incomplete",
		"args": {"id": "portal"},
	}}
}

test_no_community_engagement_fires if {
	r := rule.deny with input as {"systems": [sys([sia], {"community_engagement": false})]}
	r == {{
		"resource": portal,
		"field": "engagement.community_engagement",
		"status": "fail",
		"template": "no_community_engagement",
		"args": {"id": "portal"},
	}}
}

test_assessment_absent_is_not_stated if {
	r := rule.deny with input as {"systems": [sys([{"kind": "pia", "completed": true}], engaged)]}
	r == {{"resource": portal, "field": "assessment.social_impact", "status": "not_stated"}}
}

test_completed_absent_is_not_stated if {
	r := rule.deny with input as {"systems": [sys([object.remove(sia, ["completed"])], engaged)]}
	r == {{"resource": portal, "field": "assessment.social_impact.completed", "status": "not_stated"}}
}

test_community_engagement_absent_is_not_stated if {
	r := rule.deny with input as {"systems": [sys([sia], {"public_consultation": "2025-01-10"})]}
	r == {{"resource": portal, "field": "engagement.community_engagement", "status": "not_stated"}}
}

test_bare_kiosk_is_not_stated_twice if {
	r := rule.deny with input as {"systems": [{"id": "kiosk", "category": "kiosk"}]}
	r == {
		{"resource": {"kind": "system", "id": "kiosk"}, "field": "assessment.social_impact", "status": "not_stated"},
		{"resource": {"kind": "system", "id": "kiosk"}, "field": "engagement.community_engagement", "status": "not_stated"},
	}
}

test_applies_to_resident_facing_systems if {
	inp := {"systems": [
		sys([sia], engaged),
		{"id": "counter", "category": "iot", "public_space": true},
		{"id": "app", "category": "mobile_app"},
		{"id": "kiosk", "category": "kiosk"},
		{"id": "desk", "category": "it", "user_facing": true},
		{"id": "site", "category": "it", "public_facing": true},
		{"id": "scada", "category": "ot"},
		{"id": "depot", "category": "iot", "public_space": false},
		{"id": "old", "category": "web_service", "stage": "retired"},
	]}
	rule.applies == {
		portal,
		{"kind": "system", "id": "counter"},
		{"kind": "system", "id": "app"},
		{"kind": "system", "id": "kiosk"},
		{"kind": "system", "id": "desk"},
		{"kind": "system", "id": "site"},
	} with input as inp
}

test_not_applicable_passes if {
	count(rule.deny) == 0 with input as {"systems": [
		{"id": "scada", "category": "ot"},
		{"id": "depot", "category": "iot", "public_space": false},
		{"id": "old", "category": "web_service", "stage": "retired"},
	]}
}
