# METADATA
# title: Accessible CAPTCHA and authentication
# description: |
#   A CAPTCHA locks out people with visual, cognitive or motor impairments
#   unless an accessible alternative is offered. WCAG 2.2 SC 1.1.1 (level A)
#   requires, for any CAPTCHA, alternative forms using output modes for
#   different types of sensory perception. On a login, SC 3.3.8 (level AA)
#   also forbids a cognitive function test unless an alternative method or
#   an assisting mechanism is offered; at AA it exempts tests that only ask
#   the user to recognise objects or to identify content they provided
#   (SC 3.3.9, AAA, does not). An object-recognition CAPTCHA therefore does
#   not by itself fail 3.3.8, but still needs its 1.1.1 alternative. The
#   inventory does not say which kind of test a CAPTCHA is, so the rule
#   decides on that alternative (auth.captcha_alternative), which every
#   CAPTCHA needs. Rate limiting, proof of work and risk-based protection
#   are not tests for the user and pass. The rule applies to user-facing
#   systems with a public login (which must state their bot protection) and
#   to those that state a bot protection on their forms.
# related_resources:
#   - ref: https://www.w3.org/WAI/WCAG22/Understanding/non-text-content
#     description: WCAG 2.2 SC 1.1.1 Non-text Content (CAPTCHA)
#   - ref: https://www.w3.org/WAI/WCAG22/Understanding/accessible-authentication-minimum
#     description: WCAG 2.2 SC 3.3.8 Accessible Authentication (Minimum) and its exceptions
# custom:
#   id: ACC-006
#   severity: medium
#   area: accessibility
#   gsca_principle: equity_inclusion_societal_impact
#   sources:
#     - kind: standard
#       title: WCAG
#       clause: SC 1.1.1 (CAPTCHA)
#       url: https://www.w3.org/TR/WCAG22/#non-text-content
#       version: "2.2 (W3C Recommendation)"
#     - kind: standard
#       title: WCAG
#       clause: SC 3.3.8
#       url: https://www.w3.org/TR/WCAG22/#accessible-authentication-minimum
#       version: "2.2 (W3C Recommendation)"
#   messages:
#     no_alternative: "system {id} uses a CAPTCHA with no accessible alternative (auth.captcha_alternative = false)"
#   remediation: >-
#     Replace the CAPTCHA with rate limiting, proof of work or risk-based bot
#     protection (auth.bot_protection), or offer an accessible alternative
#     (another sensory mode, or a way past the test that needs no cognitive
#     function test) and set auth.captcha_alternative = true.
#   fields:
#     - stage
#     - public_facing
#     - user_facing
#     - category
#     - auth.public_login
#     - auth.bot_protection
#     - auth.captcha_alternative
package citygate.rules.accessibility.accessible_authentication

import data.citygate.lib

# auth(s, f) is the system's auth.f, null when not stated. object.get,
# because OPA evaluates a ref argument before a negation.
auth(s, f) := object.get(s, ["auth", f], null)

# protected: the system has a public login, or says how its forms are
# protected against bots.
protected(s) if s.auth.public_login == true

protected(s) if lib.stated(auth(s, "bot_protection"))

applicable := [s | some s in lib.user_facing_systems; protected(s)]

applies contains lib.system(s) if some s in applicable

deny contains lib.not_stated(lib.system(s), "auth.bot_protection") if {
	some s in applicable
	not lib.stated(auth(s, "bot_protection"))
}

deny contains lib.not_stated(lib.system(s), "auth.captcha_alternative") if {
	some s in applicable
	s.auth.bot_protection == "captcha"
	not lib.stated(auth(s, "captcha_alternative"))
}

deny contains lib.fail(lib.system(s), "auth.captcha_alternative", "no_alternative", {"id": s.id}) if {
	some s in applicable
	s.auth.bot_protection == "captcha"
	s.auth.captcha_alternative == false
}
