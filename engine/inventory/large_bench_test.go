package inventory_test

import (
	"fmt"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/stretchr/testify/require"

	"github.com/citygate/citygate/engine/inventory"
)

// largeInventory is one inventory of n systems, each with the sub-blocks a
// real system carries, as one file.
func largeInventory(n int) []byte {
	var b strings.Builder
	for i := range n {
		fmt.Fprintf(&b, `system "sys-%05d" {
  category    = "iot"
  criticality = "high"
  go_live     = "2024-05-01"
  zone        = "iot-%d"
  auth {
    default_credentials = "unique_per_device"
    mfa_privileged      = true
  }
  software {
    support_end               = "2030-06-30"
    signed_updates            = true
    oldest_open_critical_days = %d
  }
  data {
    personal       = true
    kind           = "video"
    retention_days = 30
    purposes       = ["traffic", "safety"]
    shared_with    = [{ party = "police", agreement = "DSA-%d" }]
  }
  assessment "pia" {
    date      = "2024-01-10"
    published = true
  }
}
`, i, i%7, i%40, i)
	}
	return []byte(b.String())
}

// BenchmarkLoadLargeInventory loads one inventory of 10,000 systems
// (about 5 MB): parse, walk, schema validation and source map.
func BenchmarkLoadLargeInventory(b *testing.B) {
	src := largeInventory(10000)
	mfs := fstest.MapFS{"big.hcl": &fstest.MapFile{Data: src}}
	b.SetBytes(int64(len(src)))
	b.ReportAllocs()
	for b.Loop() {
		inv, diags := inventory.Load(mfs, "big.hcl", inventory.Options{})
		if diags.HasErrors() || inv.Systems != 10000 {
			b.Fatalf("%v", diags)
		}
	}
}

func TestLargeInventoryLoads(t *testing.T) {
	src := largeInventory(200)
	inv, diags := inventory.Load(fstest.MapFS{"big.hcl": &fstest.MapFile{Data: src}}, "big.hcl", inventory.Options{})
	require.False(t, diags.HasErrors(), diags.Error())
	require.Equal(t, 200, inv.Systems)
}
