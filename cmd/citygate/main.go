// Command citygate checks smart-city inventories written in HCL against
// Rego policies that encode the G20 Global Smart Cities Alliance principles.
package main

import (
	"os"
)

func main() {
	tuneGC()
	os.Exit(runWithSignals(os.Args[1:]))
}
