package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strconv"
	"testing"

	"github.com/stretchr/testify/require"
)

// TestPackBundleRoundTrip: the lisboa pack (an extension block, custom
// params with a schema, pack data) built into a bundle loads with
// --policy pack.tar.gz and gives exactly the findings of its directory,
// with the city's params applied to the bundle's rules.
func TestPackBundleRoundTrip(t *testing.T) {
	const lisboa = "../../fixtures/packs/lisboa"
	const city = lisboa + "/fixtures/city"
	dir := t.TempDir()
	bundle := filepath.Join(dir, "lisboa.tar.gz")
	_, stderr, code := citygate(t, "bundle", "build", lisboa, "-o", bundle, "-q")
	require.Equal(t, 0, code, stderr)
	cfg := filepath.Join(dir, "citygate.yaml")
	require.NoError(t, os.WriteFile(cfg, []byte("params:\n  custom:\n    lisboa:\n      video_retention_max_days: 14\n"), 0o644))

	run := func(policy string) []string {
		out, stderr, code := citygate(t, "check", city, "--config", cfg, "--no-builtin", "--policy", policy, "-f", "json")
		require.Equal(t, 1, code, stderr)
		var doc struct {
			Findings []cliFinding `json:"findings"`
		}
		require.NoError(t, json.Unmarshal([]byte(out), &doc))
		var got []string
		for _, f := range doc.Findings {
			got = append(got, f.RuleID+" "+filepath.Base(f.Location.File)+":"+strconv.Itoa(f.Location.Start.Line)+" "+f.Message)
		}
		return got
	}
	want := []string{
		"CITY-LX-001 lisboa.hcl:22 system cctv-baixa keeps public-space video for 45 days; Lisbon allows 14",
		"CITY-LX-003 lisboa.hcl:40 system citizen-crm names parish Belem, which is not one of Lisbon's 24 freguesias",
		"CITY-LX-002 lisboa.hcl:41 system citizen-crm keeps backups of personal data in IE, outside PT",
		"CITY-LX-002 lisboa.hcl:47 system parking-app does not state extensions.lisboa_site.backup_country, which this rule needs to decide",
	}
	require.Equal(t, want, run(lisboa), "from the directory")
	require.Equal(t, want, run(bundle), "from the bundle")
}
