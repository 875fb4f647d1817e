# METADATA
# title: Inventories
# description: |
#   A system must keep a device inventory (for systems with devices) and a
#   software bill of materials, and list the vendor-operated services it
#   depends on, so that exposure to a new vulnerability or a vendor outage
#   can be answered in hours rather than weeks. A system whose category is not
#   stated may have devices, so it needs a device inventory; an inventory or
#   SBOM that is not stated is never taken as kept.
# related_resources:
#   - ref: https://www.nist.gov/cyberframework
#     description: NIST Cybersecurity Framework 2.0, ID.AM-01/02/04
#   - ref: https://www.cisa.gov/resources-tools/resources/cybersecurity-best-practices-smart-cities
#     description: CISA, Cybersecurity Best Practices for Smart Cities
#   - ref: https://globalsmartcitiesalliance.org/?p=799
#     description: G20 Global Smart Cities Alliance, Cyber Accountability model policy (asset inventories)
# custom:
#   id: SEC-004
#   severity: medium
#   area: security
#   gsca_principle: safety_security_resiliency
#   gsca_policy: cyber_accountability
#   sources:
#     - kind: practice
#       title: NIST CSF 2.0
#       clause: ID.AM-01
#       url: https://doi.org/10.6028/NIST.CSWP.29
#       version: "2.0 (2024)"
#     - kind: practice
#       title: NIST CSF 2.0
#       clause: ID.AM-02
#       url: https://doi.org/10.6028/NIST.CSWP.29
#       version: "2.0 (2024)"
#     - kind: practice
#       title: NIST CSF 2.0
#       clause: ID.AM-04
#       url: https://doi.org/10.6028/NIST.CSWP.29
#       version: "2.0 (2024)"
#     - kind: practice
#       title: CISA Smart Cities best practices
#       url: https://www.cisa.gov/resources-tools/resources/cybersecurity-best-practices-smart-cities
#       version: April 2023
#     - kind: gsca
#       title: GSCA Cyber Accountability model policy
#       url: https://globalsmartcitiesalliance.org/?p=799
#       version: Global Policy Roadmap (2020)
#   messages:
#     no_device_inventory: "system {id} keeps no device inventory (devices.inventory is not true)"
#     no_sbom: "system {id} has no software inventory (software.sbom = {sbom})"
#     vendor_services_not_listed: "system {id} from vendor {vendor} does not list the vendor-operated services it uses (devices.vendor_services_listed is not true)"
#   remediation: >-
#     Set devices.inventory = true once an up-to-date device inventory is kept
#     (not required for web_service, mobile_app and data_platform systems),
#     set software.sbom to spdx, cyclonedx or other (a bid may supply it as
#     evidence.sbom), and for a vendor system set
#     devices.vendor_services_listed = true once its vendor-operated services
#     are listed.
#   fields:
#     - category
#     - devices.inventory
#     - software.sbom
#     - evidence.sbom
#     - devices.vendor_services_listed
#     - vendor
package citygate.rules.security.inventories

import data.citygate.lib

# Systems of these categories have no devices of their own to inventory.
software_only := {"web_service", "mobile_app", "data_platform"}

sbom_formats := {"spdx", "cyclonedx", "other"}

applies contains lib.system(s) if some s in lib.active_systems

# has_devices: the system has devices, or does not say what it is (absence is
# never taken to mean software only).
has_devices(s) if not object.get(s, "category", "") in software_only

deny contains lib.not_stated(lib.system(s), "devices.inventory") if {
	some s in lib.active_systems
	has_devices(s)
	lib.unstated(s, ["devices", "inventory"])
}

deny contains lib.fail(lib.system(s), "devices.inventory", "no_device_inventory", {"id": s.id}) if {
	some s in lib.active_systems
	has_devices(s)
	s.devices.inventory == false
}

# sbom is the format the system states: in software, or else (e.g. for a bid)
# in the vendor's evidence.
sbom(s) := s.software.sbom if lib.stated(s.software.sbom)

sbom(s) := s.evidence.sbom if {
	lib.unstated(s, ["software", "sbom"])
	lib.stated(s.evidence.sbom)
}

deny contains lib.not_stated(lib.system(s), "software.sbom") if {
	some s in lib.active_systems
	not sbom(s)
}

deny contains lib.fail(lib.system(s), "software.sbom", "no_sbom", {"id": s.id, "sbom": format}) if {
	some s in lib.active_systems
	format := sbom(s)
	not format in sbom_formats
}

deny contains lib.not_stated(lib.system(s), "devices.vendor_services_listed") if {
	some s in lib.vendor_systems
	lib.unstated(s, ["devices", "vendor_services_listed"])
}

deny contains lib.fail(lib.system(s), "devices.vendor_services_listed", "vendor_services_not_listed", {"id": s.id, "vendor": s.vendor}) if {
	some s in lib.vendor_systems
	s.devices.vendor_services_listed == false
}
