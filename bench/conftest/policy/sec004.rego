package sec004

import data.lib

software_only := {"web_service", "mobile_app", "data_platform"}

sbom_formats := {"spdx", "cyclonedx", "other"}

has_devices(s) if not object.get(s, "category", "") in software_only

deny contains lib.not_stated("SEC-004", s, "devices.inventory") if {
	some s in lib.active_systems
	has_devices(s)
	lib.unstated(s, ["devices", "inventory"])
}

deny contains lib.fail("SEC-004", sprintf("system %s keeps no device inventory", [s.id])) if {
	some s in lib.active_systems
	has_devices(s)
	s.devices.inventory == false
}

sbom(s) := s.software.sbom if lib.stated(s.software.sbom)

sbom(s) := s.evidence.sbom if {
	lib.unstated(s, ["software", "sbom"])
	lib.stated(s.evidence.sbom)
}

deny contains lib.not_stated("SEC-004", s, "software.sbom") if {
	some s in lib.active_systems
	not sbom(s)
}

deny contains lib.fail("SEC-004", sprintf("system %s has no SBOM (%s)", [s.id, format])) if {
	some s in lib.active_systems
	format := sbom(s)
	not format in sbom_formats
}

deny contains lib.not_stated("SEC-004", s, "devices.vendor_services_listed") if {
	some s in lib.vendor_systems
	lib.unstated(s, ["devices", "vendor_services_listed"])
}

deny contains lib.fail("SEC-004", sprintf("system %s: vendor %s services not listed", [s.id, s.vendor])) if {
	some s in lib.vendor_systems
	s.devices.vendor_services_listed == false
}
