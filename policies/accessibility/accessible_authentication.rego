# METADATA
# title: Accessible authentication
# description: |
#   A CAPTCHA or other cognitive test locks out people with visual,
#   cognitive or motor impairments unless an accessible alternative is
#   offered (WCAG 2.2 success criterion 3.3.8).
# related_resources:
#   - ref: https://www.w3.org/WAI/WCAG22/Understanding/accessible-authentication-minimum
#     description: WCAG 2.2 SC 3.3.8 Accessible Authentication (Minimum)
# custom:
#   id: ACC-006
#   severity: medium
#   principle: accessibility
#   controls:
#     - WCAG 2.2 SC 3.3.8
#   remediation: >-
#     Replace the CAPTCHA with rate limiting or risk-based bot protection
#     (auth.bot_protection), or offer an accessible alternative and set
#     auth.captcha_alternative = true.
#   fields:
#     - auth.bot_protection
#     - auth.captcha_alternative
package citygate.rules.accessibility.accessible_authentication

import data.citygate.lib

deny contains lib.finding(lib.system(s), "auth.captcha_alternative", msg) if {
	some s in lib.user_facing_systems
	s.auth.bot_protection == "captcha"
	alternative := object.get(s, ["auth", "captcha_alternative"], "not set")
	alternative != true
	msg := sprintf("system %s uses a CAPTCHA with no accessible alternative (auth.captcha_alternative = %v)", [s.id, alternative])
}
