package sust006

import data.lib

closed_formats := {upper(f) | some f in lib.params.non_machine_readable_formats}

contract(s, key) := object.get(s, ["contract", key], null)

deny contains lib.not_stated("SUST-006", s, sprintf("contract.%s", [key])) if {
	some s in lib.vendor_systems
	some key in ["data_owner", "exit_data_format", "data_wipe_method"]
	not lib.stated(contract(s, key))
}

deny contains lib.fail("SUST-006", sprintf("system %s (vendor %s): data owned by %s, not the city", [s.id, s.vendor, owner])) if {
	some s in lib.vendor_systems
	owner := contract(s, "data_owner")
	lib.stated(owner)
	owner != "city"
}

deny contains lib.fail("SUST-006", sprintf("system %s (vendor %s) has no open exit data format", [s.id, s.vendor])) if {
	some s in lib.vendor_systems
	format := contract(s, "exit_data_format")
	lib.stated(format)
	upper(format) in closed_formats
}
