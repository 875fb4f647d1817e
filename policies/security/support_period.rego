# METADATA
# title: Support period
# description: |
#   Software must have a stated security support end that covers the
#   system's planned life. A system whose support has already ended no longer
#   receives security fixes (critical); one with no stated end, or support
#   ending before planned retirement, will run unpatched (high). A support end
#   in the future with no stated planned retirement cannot be shown to cover
#   the system's life, so planned_retirement is then not stated. ETSI EN
#   303 645 is a consumer-IoT standard applied here by analogy; the EU Cyber
#   Resilience Act and the UK PSTI regime are cited as supporting laws only.
# related_resources:
#   - ref: https://www.etsi.org/deliver/etsi_en/303600_303699/303645/
#     description: ETSI EN 303 645 (consumer IoT, applied by analogy), provision 5.3-13
#   - ref: https://www.nist.gov/cyberframework
#     description: NIST Cybersecurity Framework 2.0, PR.PS-02 and ID.AM-08
#   - ref: https://eur-lex.europa.eu/eli/reg/2024/2847/oj
#     description: EU Cyber Resilience Act (EU) 2024/2847, Article 13(8)
#   - ref: https://www.legislation.gov.uk/uksi/2023/1007
#     description: UK PSTI (Security Requirements for Relevant Connectable Products) Regulations 2023
# custom:
#   id: SEC-008
#   severity: high
#   area: security
#   gsca_principle: safety_security_resiliency
#   sources:
#     - kind: standard
#       title: ETSI EN 303 645 (consumer IoT, applied by analogy)
#       clause: 5.3-13
#       url: https://www.etsi.org/deliver/etsi_en/303600_303699/303645/
#       version: V2.1.1 (2020-06)
#     - kind: practice
#       title: NIST CSF 2.0
#       clause: PR.PS-02
#       url: https://doi.org/10.6028/NIST.CSWP.29
#       version: "2.0 (2024)"
#     - kind: practice
#       title: NIST CSF 2.0
#       clause: ID.AM-08
#       url: https://doi.org/10.6028/NIST.CSWP.29
#       version: "2.0 (2024)"
#     - kind: law
#       title: EU CRA
#       clause: Art 13(8)
#       url: https://eur-lex.europa.eu/eli/reg/2024/2847/oj
#       version: (EU) 2024/2847
#     - kind: law
#       title: UK PSTI Regulations 2023
#       clause: Sch.1 para 3
#       url: https://www.legislation.gov.uk/uksi/2023/1007
#       version: SI 2023/1007
#   messages:
#     expired: "system {id} is out of security support since {end} ({field})"
#     before_retirement: "system {id} loses security support on {end}, before its planned retirement on {retirement} ({field})"
#   remediation: >-
#     Set software.support_end (for a bid, evidence.support_end) to the date
#     security updates end, and planned_retirement to the date the system is
#     to be retired; support must not have ended and must last until
#     planned_retirement. Otherwise obtain extended support or plan the
#     replacement.
#   fields:
#     - software.support_end
#     - evidence.support_end
#     - planned_retirement
#     - stage
package citygate.rules.security.support_period

import data.citygate.lib

applies contains lib.system(s) if some s in lib.active_systems

# from_evidence: a bid that does not state its support end in software
# states it, if at all, in the vendor's evidence.
from_evidence(s) if {
	lib.bid(s)
	lib.unstated(s, ["software", "support_end"])
}

# support_field is where the system states its support end.
support_field(s) := "evidence.support_end" if from_evidence(s)

else := "software.support_end"

support_end(s) := s.software.support_end if lib.stated(s.software.support_end)

support_end(s) := s.evidence.support_end if {
	from_evidence(s)
	lib.stated(s.evidence.support_end)
}

deny contains lib.not_stated(lib.system(s), support_field(s)) if {
	some s in lib.active_systems
	not support_end(s)
}

deny contains lib.fail_with_severity(
	lib.system(s), support_field(s), "expired", {
		"id": s.id,
		"end": end,
		"field": support_field(s),
	},
	"critical",
) if {
	some s in lib.active_systems
	end := support_end(s)
	lib.past(end)
}

deny contains lib.not_stated(lib.system(s), "planned_retirement") if {
	some s in lib.active_systems
	end := support_end(s)
	not lib.past(end)
	lib.unstated(s, "planned_retirement")
}

deny contains lib.fail(lib.system(s), support_field(s), "before_retirement", {
	"id": s.id,
	"end": end,
	"retirement": s.planned_retirement,
	"field": support_field(s),
}) if {
	some s in lib.active_systems
	end := support_end(s)
	not lib.past(end)
	lib.stated(s.planned_retirement)
	lib.before(end, s.planned_retirement)
}
