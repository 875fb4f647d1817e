# METADATA
# title: Accessibility statement
# description: |
#   Public-sector websites and apps in the EU and UK must publish an
#   accessibility statement with a feedback mechanism and keep it under
#   review (Web Accessibility Directive Art 7; UK SI 2018/852 reg 7).
# related_resources:
#   - ref: https://eur-lex.europa.eu/eli/dec_impl/2018/1523/oj
#     description: Commission Implementing Decision (EU) 2018/1523, model accessibility statement
#   - ref: https://www.legislation.gov.uk/uksi/2018/852/regulation/7
#     description: UK Public Sector Bodies Accessibility Regulations 2018, regulation 7
# custom:
#   id: ACC-003
#   severity: medium
#   principle: accessibility
#   controls:
#     - WAD 7(1)(a)-(c)
#     - Impl. Dec. 2018/1523
#     - UK SI 2018/852 reg 7
#   remediation: >-
#     Publish an accessibility statement and set accessibility.statement_url,
#     provide a feedback mechanism and set accessibility.feedback_url, and
#     review the statement at least every
#     accessibility_statement_review_months (12) months, recording the date
#     in accessibility.statement_reviewed.
#   fields:
#     - city.jurisdictions
#     - public_facing
#     - category
#     - deployer
#     - accessibility.statement_url
#     - accessibility.feedback_url
#     - accessibility.statement_reviewed
package citygate.rules.accessibility.accessibility_statement

import data.citygate.lib

# public_sites: a public body's public websites and apps (not kiosks), in
# pilot or production, in an EU or UK city.
public_sites := [s |
	lib.eu_uk
	some s in lib.user_facing_systems
	lib.in_service(s)
	lib.public_body(s)
	site(s)
]

site(s) if {
	s.public_facing == true
	object.get(s, "category", "") != "kiosk"
}

site(s) if {
	s.category in {"web_service", "mobile_app"}
	object.get(s, "public_facing", true) != false
}

deny contains lib.finding(lib.system(s), "accessibility.statement_url", msg) if {
	some s in public_sites
	not s.accessibility.statement_url
	msg := sprintf("public site %s has no accessibility statement (accessibility.statement_url)", [s.id])
}

deny contains lib.finding(lib.system(s), "accessibility.feedback_url", msg) if {
	some s in public_sites
	not s.accessibility.feedback_url
	msg := sprintf("public site %s has no accessibility feedback mechanism (accessibility.feedback_url)", [s.id])
}

deny contains lib.finding(lib.system(s), "accessibility.statement_reviewed", msg) if {
	some s in public_sites
	s.accessibility.statement_url
	not s.accessibility.statement_reviewed
	msg := sprintf("public site %s does not state when its accessibility statement was last reviewed (accessibility.statement_reviewed)", [s.id])
}

deny contains lib.finding(lib.system(s), "accessibility.statement_reviewed", msg) if {
	some s in public_sites
	s.accessibility.statement_url
	lib.older_than_months(s.accessibility.statement_reviewed, lib.params.accessibility_statement_review_months)
	msg := sprintf("public site %s last reviewed its accessibility statement on %s, more than %d months ago", [s.id, s.accessibility.statement_reviewed, lib.params.accessibility_statement_review_months])
}
