# METADATA
# title: Accessibility statement
# description: |
#   Public-sector websites and apps in the EU and UK must publish an
#   accessibility statement with a feedback mechanism and keep it under
#   review (Web Accessibility Directive Art 7; UK PSBAR 2018 reg 8). The
#   rule enforces those laws, so it belongs to the eu and uk profiles: the
#   engine applies it where a city's jurisdictions select one of them. The
#   review interval (accessibility_statement_review_months, 12 by default)
#   is this library's reading of "regular review"; the 2018/1523 model
#   statement asks for the date of the last review.
# related_resources:
#   - ref: https://eur-lex.europa.eu/eli/dir/2016/2102/oj
#     description: Directive (EU) 2016/2102 (Web Accessibility Directive), Art 7
#   - ref: https://eur-lex.europa.eu/eli/dec_impl/2018/1523/oj
#     description: Commission Implementing Decision (EU) 2018/1523, model accessibility statement
#   - ref: https://www.legislation.gov.uk/uksi/2018/952/regulation/8
#     description: UK Public Sector Bodies (Websites and Mobile Applications) (No. 2) Accessibility Regulations 2018, regulation 8
# custom:
#   id: ACC-003
#   severity: medium
#   area: accessibility
#   gsca_principle: equity_inclusion_societal_impact
#   profiles: [eu, uk]
#   sources:
#     - kind: law
#       title: WAD
#       clause: Art 7(1)
#       url: https://eur-lex.europa.eu/eli/dir/2016/2102/oj
#       version: Directive (EU) 2016/2102
#     - kind: law
#       title: Impl. Dec. 2018/1523
#       clause: model accessibility statement
#       url: https://eur-lex.europa.eu/eli/dec_impl/2018/1523/oj
#       version: (EU) 2018/1523
#     - kind: law
#       title: UK PSBAR 2018
#       clause: reg 8
#       url: https://www.legislation.gov.uk/uksi/2018/952/regulation/8
#       version: SI 2018/952
#     - kind: practice
#       title: citygate default
#       clause: accessibility_statement_review_months = 12
#   messages:
#     review_stale: "public site {id} last reviewed its accessibility statement on {date}, more than {months} months ago"
#   remediation: >-
#     Publish an accessibility statement and set accessibility.statement_url,
#     provide a feedback mechanism and set accessibility.feedback_url, and
#     review the statement at least every
#     accessibility_statement_review_months
#     ({params.accessibility_statement_review_months}) months, recording the
#     date in accessibility.statement_reviewed.
#   fields:
#     - stage
#     - public_facing
#     - user_facing
#     - category
#     - deployer
#     - accessibility.statement_url
#     - accessibility.feedback_url
#     - accessibility.statement_reviewed
package citygate.rules.accessibility.accessibility_statement

import data.citygate.lib

# public_sites: a public body's public websites and apps (not kiosks), in
# pilot or production. The jurisdiction is the engine's business (profiles).
public_sites := [s |
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

applies contains lib.system(s) if some s in public_sites

# stated(s, f): accessibility.f is there and not null. object.get, because
# OPA evaluates a ref argument before the negation: with the field missing,
# `not lib.stated(s.accessibility.statement_url)` is undefined, not true.
stated(s, f) if lib.stated(object.get(s, ["accessibility", f], null))

deny contains lib.not_stated(lib.system(s), "accessibility.statement_url") if {
	some s in public_sites
	not stated(s, "statement_url")
}

deny contains lib.not_stated(lib.system(s), "accessibility.feedback_url") if {
	some s in public_sites
	not stated(s, "feedback_url")
}

# The review date matters only for a statement that exists; a missing
# statement is reported on statement_url.
deny contains lib.not_stated(lib.system(s), "accessibility.statement_reviewed") if {
	some s in public_sites
	stated(s, "statement_url")
	not stated(s, "statement_reviewed")
}

deny contains lib.fail(lib.system(s), "accessibility.statement_reviewed", "review_stale", {
	"id": s.id,
	"date": s.accessibility.statement_reviewed,
	"months": lib.params.accessibility_statement_review_months,
}) if {
	some s in public_sites
	stated(s, "statement_url")
	stated(s, "statement_reviewed")
	lib.older_than_months(s.accessibility.statement_reviewed, lib.params.accessibility_statement_review_months)
}
