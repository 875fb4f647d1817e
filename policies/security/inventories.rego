# METADATA
# title: Inventories
# description: |
#   A system must keep a device inventory (for systems with devices) and a
#   software bill of materials, and list the vendor-operated services it
#   depends on, so that exposure to a new vulnerability or a vendor outage
#   can be answered in hours rather than weeks.
# related_resources:
#   - ref: https://www.nist.gov/cyberframework
#     description: NIST Cybersecurity Framework 2.0, ID.AM-01/02/04
#   - ref: https://www.cisa.gov/resources-tools/resources/cybersecurity-best-practices-smart-cities
#     description: CISA, Cybersecurity Best Practices for Smart Cities
# custom:
#   id: SEC-004
#   severity: medium
#   principle: security
#   controls:
#     - NIST CSF 2.0 ID.AM-01
#     - NIST CSF 2.0 ID.AM-02
#     - NIST CSF 2.0 ID.AM-04
#     - CISA Smart Cities best practices
#   remediation: >-
#     Set devices.inventory = true once an up-to-date device inventory is kept
#     (not required for web_service, mobile_app and data_platform systems),
#     set software.sbom to spdx, cyclonedx or other (a bid may supply it as
#     evidence.sbom), and for a vendor system set
#     devices.vendor_services_listed = true once its vendor-operated services
#     are listed.
#   fields:
#     - devices.inventory
#     - software.sbom
#     - evidence.sbom
#     - devices.vendor_services_listed
package citygate.rules.security.inventories

import data.citygate.lib

# Systems of these categories have no devices of their own to inventory.
software_only := {"web_service", "mobile_app", "data_platform"}

sbom_formats := {"spdx", "cyclonedx", "other"}

deny contains lib.finding(lib.system(s), "devices.inventory", msg) if {
	some s in lib.active_systems
	not object.get(s, "category", "") in software_only
	object.get(s, ["devices", "inventory"], false) != true
	msg := sprintf("system %s keeps no device inventory (devices.inventory is not true)", [s.id])
}

deny contains lib.finding(lib.system(s), "software.sbom", msg) if {
	some s in lib.active_systems
	sbom := object.get(s, ["software", "sbom"], object.get(s, ["evidence", "sbom"], "missing"))
	not sbom in sbom_formats
	msg := sprintf("system %s has no software inventory (software.sbom = %s)", [s.id, sbom])
}

deny contains lib.finding(lib.system(s), "devices.vendor_services_listed", msg) if {
	some s in lib.vendor_systems
	object.get(s, ["devices", "vendor_services_listed"], false) != true
	msg := sprintf("system %s from vendor %s does not list the vendor-operated services it uses (devices.vendor_services_listed is not true)", [s.id, s.vendor])
}
