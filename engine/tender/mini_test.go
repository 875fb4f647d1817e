package tender_test

import (
	"fmt"
	"testing/fstest"
)

// miniTender is an in-memory tender with lots cams (iot, high) and signals
// (ot, critical), and a city in the EU with one zone; extra goes into the
// tender block.
func miniTender(extra string) fstest.MapFS {
	return fstest.MapFS{
		"tender.hcl": file(fmt.Sprintf(`tender "t" {
  title = "Test tender"
  city  = "city"
  as_of = "2027-03-31"
  %s

  lot "cams" {
    category    = "iot"
    criticality = "high"
  }

  lot "signals" {
    category    = "ot"
    criticality = "critical"
  }
}
`, extra)),
		"city/city.hcl": file(`city "c" {
  jurisdictions        = ["EU"]
  allowed_data_regions = ["EU"]
}

zone "iot" {
  kind      = "iot"
  sl_target = 1
}
`),
	}
}

func file(s string) *fstest.MapFile { return &fstest.MapFile{Data: []byte(s)} }

// minimalSystem is a bid system with vendor and lot and nothing else.
func minimalSystem(vendor, lot string) string {
	return fmt.Sprintf("system \"s\" {\n  vendor = %q\n  lot    = %q\n}\n", vendor, lot)
}
