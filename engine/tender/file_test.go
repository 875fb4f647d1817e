package tender_test

import (
	"fmt"
	"testing"

	"github.com/hashicorp/hcl/v2"
	"github.com/stretchr/testify/require"

	"github.com/citygate/citygate/engine/finding"
	"github.com/citygate/citygate/engine/inventory"
	"github.com/citygate/citygate/engine/tender"
)

func diagLines(diags hcl.Diagnostics) []string {
	out := []string{}
	for _, d := range diags {
		s := d.Summary + ": " + d.Detail
		if d.Subject != nil {
			s = fmt.Sprintf("%s:%d:%d: %s", d.Subject.Filename, d.Subject.Start.Line, d.Subject.Start.Column, s)
		}
		out = append(out, s)
	}
	return out
}

func TestLoadFixtureTender(t *testing.T) {
	tn, diags := tender.Load(inventory.OS{}, fixtures+"tender.hcl", inventory.Limits{})
	require.Empty(t, diags)
	require.Equal(t, "aveiro-its-2027", tn.ID)
	require.Equal(t, "2027-03-31", tn.AsOf)
	require.Equal(t, finding.Threshold("high"), tn.FailOn)
	require.Equal(t, "../../fixtures/tender/city", tn.CityPath)
	require.Equal(t, []tender.Lot{
		{ID: "signals", Title: "Adaptive signal controllers for 120 junctions", Category: "ot", Criticality: "critical"},
		{ID: "cctv", Title: "CCTV analytics for bus corridors", Category: "iot", Criticality: "high"},
	}, tn.Lots)
	require.Equal(t, map[string]float64{"transparency_privacy": 3, "safety_security_resiliency": 3,
		"interoperability_openness": 1, "operational_financial_sustainability": 2}, tn.Weights)
}

// The tender is validated against its schema with the inventory loader's
// located diagnostics.
func TestTenderErrors(t *testing.T) {
	for _, tc := range []struct {
		name, body string
		want       []string
	}{
		{"schema", `tender "t" {
  title   = "T"
  city    = "city"
  fail_on = "hihg"
  lot "a" {
    category    = "ot"
    criticality = "severe"
  }
  weights {
    privacy = 3
  }
}
`, []string{
			`tender.hcl:4:13: Invalid value: fail_on: value must be one of 'critical', 'high', 'medium', 'low', 'none'. Did you mean "high"?`,
			`tender.hcl:7:19: Invalid value: lot "a".criticality: value must be one of 'low', 'medium', 'high', 'critical'.`,
			`tender.hcl:10:5: Unsupported argument: An argument named "privacy" is not expected in a weights block.`,
		}},
		{"unknown block", `tender "t" {
  title = "T"
  city  = "city"
  lot "a" {
    category    = "ot"
    criticality = "high"
  }
}
system "s" {}
`, []string{`tender.hcl:9:1: Unsupported block type: Blocks of type "system" are not expected at the top level, which holds one tender block and waiver blocks.`}},
		{"waiver without bid", `tender "t" {
  title = "T"
  city  = "city"
  lot "a" {
    category    = "ot"
    criticality = "high"
  }
}
waiver "SEC-005" {
  resources   = ["system.s"]
  reason      = "r"
  approved_by = "CISO"
  expires     = "2027-12-31"
}
`, []string{`tender.hcl:9:1: Missing required argument: The argument "bid" is required here.`}},
		{"city without city block", `tender "t" {
  title = "T"
  city  = "nocity"
  lot "a" {
    category    = "ot"
    criticality = "high"
  }
}
`, []string{`tender.hcl:3:3: Invalid city inventory: nocity has no city block: bids are judged in the city's context (jurisdictions, allowed data regions, zones), so the tender must name the city's inventory.`}},
		{"missing city", `tender "t" {
  title = "T"
  city  = "gone"
  lot "a" {
    category    = "ot"
    criticality = "high"
  }
}
`, []string{
			`gone:1:1: Cannot read inventory: gone: file does not exist.`,
			`tender.hcl:3:3: Invalid city inventory: The city inventory gone named by the tender could not be loaded; fix the problems above.`,
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			fsys := miniTender("")
			fsys["tender.hcl"] = file(tc.body)
			fsys["nocity/z.hcl"] = file("zone \"z\" {\n  kind = \"dmz\"\n}\n")
			_, diags := tender.Load(fsys, "tender.hcl", inventory.Limits{})
			require.Equal(t, tc.want, diagLines(diags))
		})
	}
}

// The tender file obeys the inventory limits.
func TestTenderLimits(t *testing.T) {
	fsys := miniTender("")
	_, diags := tender.Load(fsys, "tender.hcl", inventory.Limits{MaxFileSize: 10})
	require.Len(t, diags, 1)
	require.Equal(t, "File too large", diags[0].Summary)
}
