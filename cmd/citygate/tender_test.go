package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

const tenderFixtures = "../../fixtures/tender/"

var tenderBids = []string{
	tenderFixtures + "bids/adversarial", tenderFixtures + "bids/mediocre",
	tenderFixtures + "bids/strong", tenderFixtures + "bids/weak",
}

// bidEntries are the bids of a tender report as raw JSON, by path.
func bidEntries(t *testing.T, out string) map[string]string {
	t.Helper()
	var doc struct {
		Bids []json.RawMessage `json:"bids"`
	}
	require.NoError(t, json.Unmarshal([]byte(out), &doc), out)
	m := map[string]string{}
	for _, raw := range doc.Bids {
		var b struct {
			Path string `json:"path"`
		}
		require.NoError(t, json.Unmarshal(raw, &b))
		m[b.Path] = string(raw)
	}
	return m
}

// Exit 1: some bid is not eligible; one verdict per bid, comparison first.
func TestTenderCheckText(t *testing.T) {
	out, errOut, code := citygate(t, append([]string{"tender", "check", tenderFixtures + "tender.hcl"}, tenderBids...)...)
	require.Equal(t, 1, code, errOut)
	require.Contains(t, out, "bid         verdict")
	for _, v := range []string{"Bid gamer (../../fixtures/tender/bids/adversarial): NOT ELIGIBLE",
		"Bid signalsafe (../../fixtures/tender/bids/strong): ELIGIBLE",
		"Bid viewpoint (../../fixtures/tender/bids/mediocre): ELIGIBLE",
		"Bid cheapcam (../../fixtures/tender/bids/weak): NOT ELIGIBLE"} {
		require.Contains(t, out, v)
	}
	require.Less(t, strings.Index(out, "verdict"), strings.Index(out, "Bid gamer"), "the comparison comes first")
}

// Exit 0 when every bid is eligible; 2 when one is incomplete (the others
// still reported); 2 for an invalid tender.
func TestTenderCheckExitCodes(t *testing.T) {
	_, errOut, code := citygate(t, "tender", "check", tenderFixtures+"tender.hcl", tenderFixtures+"bids/strong", tenderFixtures+"bids/mediocre")
	require.Equal(t, 0, code, errOut)

	out, _, code := citygate(t, "tender", "check", tenderFixtures+"tender.hcl", tenderFixtures+"bids/strong", "no-such-bid")
	require.Equal(t, 2, code)
	require.Contains(t, out, "Bid signalsafe (../../fixtures/tender/bids/strong): ELIGIBLE")
	require.Contains(t, out, "Bid no-such-bid (no-such-bid): INCOMPLETE")

	dir := t.TempDir()
	bad := write(t, dir, "tender.hcl", "tender \"t\" {\n  title = \"T\"\n}\n")
	out, errOut, code = citygate(t, "tender", "check", bad, tenderFixtures+"bids/strong")
	require.Equal(t, 2, code)
	require.Empty(t, out)
	require.Contains(t, errOut, `The arguments "city", "lots" are required here.`)
	require.Contains(t, errOut, "no bid was judged")
}

// check --tender gives the vendor exactly the city's verdict and findings
// for its bid.
func TestCheckTenderIsTheCitysResult(t *testing.T) {
	city, errOut, code := citygate(t, append([]string{"tender", "check", tenderFixtures + "tender.hcl", "-f", "json"}, tenderBids...)...)
	require.Equal(t, 1, code, errOut)
	entries := bidEntries(t, city)
	require.Len(t, entries, 4)
	for _, bid := range tenderBids {
		vendor, errOut, _ := citygate(t, "check", "--tender", tenderFixtures+"tender.hcl", bid, "-f", "json")
		require.Empty(t, errOut)
		self := bidEntries(t, vendor)
		require.Len(t, self, 1)
		require.JSONEq(t, entries[bid], self[bid], bid)
	}
}

// -f FORMAT=PATH writes a format to a file; at most one goes to stdout.
func TestTenderOutputs(t *testing.T) {
	dir := t.TempDir()
	csv := filepath.Join(dir, "matrix.csv")
	out, errOut, code := citygate(t, "tender", "check", tenderFixtures+"tender.hcl", tenderFixtures+"bids/strong", "-f", "markdown", "-f", "csv="+csv)
	require.Equal(t, 0, code, errOut)
	require.True(t, strings.HasPrefix(out, "# Tender aveiro-its-2027"))
	b, err := os.ReadFile(csv)
	require.NoError(t, err)
	require.True(t, strings.HasPrefix(string(b), "rule_id,title,principle,severity,signalsafe\n"))

	_, errOut, code = citygate(t, "tender", "check", tenderFixtures+"tender.hcl", tenderFixtures+"bids/strong", "-f", "text", "-f", "json")
	require.Equal(t, 2, code)
	require.Contains(t, errOut, "2 formats to standard output")
}

// The skeletons are valid input; an unfilled bid is not eligible and is
// reported field by field.
func TestInitSkeletons(t *testing.T) {
	dir := t.TempDir()
	bid := filepath.Join(dir, "bid", "bid.hcl")
	require.NoError(t, os.MkdirAll(filepath.Dir(bid), 0o755))
	_, errOut, code := citygate(t, "init", "bid", "--tender", tenderFixtures+"tender.hcl", "--lot", "cctv", "-o", bid)
	require.Equal(t, 0, code, errOut)
	city := filepath.Join(dir, "city.hcl")
	_, errOut, code = citygate(t, "init", "city", "-o", city)
	require.Equal(t, 0, code, errOut)
	out, errOut, code := citygate(t, "validate", filepath.Dir(bid), city)
	require.Equal(t, 0, code, out+errOut)

	out, _, code = citygate(t, "check", "--tender", tenderFixtures+"tender.hcl", filepath.Dir(bid), "-f", "json")
	require.Equal(t, 1, code)
	var doc struct {
		Bids []struct {
			Verdict  string `json:"verdict"`
			Findings []struct {
				RuleID string `json:"rule_id"`
				Field  string `json:"field"`
			} `json:"findings"`
		} `json:"bids"`
	}
	require.NoError(t, json.Unmarshal([]byte(out), &doc))
	require.Equal(t, "not_eligible", doc.Bids[0].Verdict)
	got := map[string]bool{}
	for _, f := range doc.Bids[0].Findings {
		got[f.RuleID+" "+f.Field] = true
	}
	for _, want := range []string{"SEC-005 auth.default_credentials", "SEC-015 software.hardcoded_secrets", "SEC-007 evidence.vdp_url"} {
		require.True(t, got[want], "unfilled skeleton does not report %s: %v", want, got)
	}

	_, errOut, code = citygate(t, "init", "bid", "--tender", tenderFixtures+"tender.hcl", "--lot", "cams")
	require.Equal(t, 2, code)
	require.Contains(t, errOut, `has no lot "cams"; its lots are signals, cctv`)
}

func TestSchemaTender(t *testing.T) {
	out, _, code := citygate(t, "schema", "tender")
	require.Equal(t, 0, code)
	require.Contains(t, out, `"$id": "https://citygate.dev/schemas/tender.schema.json"`)
	out, _, code = citygate(t, "schema", "tender-report")
	require.Equal(t, 0, code)
	require.Contains(t, out, `"$id": "https://citygate.dev/schemas/tender-report.schema.json"`)
}

// check on a bid without a city says, on stderr, that the city's context is
// missing and how to judge the bid as the city will.
func TestCheckHintsWithoutCity(t *testing.T) {
	_, errOut, _ := citygate(t, "check", tenderFixtures+"bids/weak", "--as-of", "2027-03-31")
	require.Contains(t, errOut, "note: ../../fixtures/tender/bids/weak has no city block")
	require.Contains(t, errOut, "citygate check --tender TENDER ../../fixtures/tender/bids/weak")
	_, errOut, _ = citygate(t, "check", tenderFixtures+"bids/weak", "-q")
	require.NotContains(t, errOut, "note:")
	_, errOut, _ = citygate(t, "check", tenderFixtures+"city")
	require.NotContains(t, errOut, "note:")
}

// --as-of overrides the tender's as_of.
func TestTenderAsOfOverride(t *testing.T) {
	out, errOut, _ := citygate(t, "tender", "check", tenderFixtures+"tender.hcl", tenderFixtures+"bids/strong", "--as-of", "2028-01-15", "-f", "json")
	var doc struct {
		Tender struct {
			AsOf string `json:"as_of"`
		} `json:"tender"`
	}
	require.NoError(t, json.Unmarshal([]byte(out), &doc), errOut)
	require.Equal(t, "2028-01-15", doc.Tender.AsOf)
}

// check --tender speaks the CI formats too: the bid as SARIF, with the
// tender's verdict as the exit code.
func TestCheckTenderSARIF(t *testing.T) {
	out, errOut, code := citygate(t, "check", "--tender", tenderFixtures+"tender.hcl", tenderFixtures+"bids/weak", "-f", "sarif")
	require.Equal(t, 1, code, errOut)
	require.Contains(t, out, `"ruleId": "PRIV-011"`)
	require.NotContains(t, out, `"ruleId": "BB-001"`, "a city action is not the bid's")
}

// The tender's lang is the report language when the run sets none; --lang
// wins over it.
func TestTenderLangIsTheDefault(t *testing.T) {
	dir := t.TempDir()
	src, err := os.ReadFile(tenderFixtures + "tender.hcl")
	require.NoError(t, err)
	abs, err := filepath.Abs(tenderFixtures + "city")
	require.NoError(t, err)
	body := strings.Replace(string(src), `city    = "city"`, `city    = "`+filepath.ToSlash(abs)+`"`+"\n  lang    = \"fr\"", 1)
	require.Contains(t, body, `lang    = "fr"`)
	file := filepath.Join(dir, "tender.hcl")
	require.NoError(t, os.WriteFile(file, []byte(body), 0o644))

	out, errOut, _ := citygate(t, "tender", "check", file, tenderFixtures+"bids/strong", "-f", "html")
	require.Contains(t, out, `<html lang="fr"`, errOut)
	out, errOut, _ = citygate(t, "tender", "check", file, tenderFixtures+"bids/strong", "-f", "html", "--lang", "es")
	require.Contains(t, out, `<html lang="es"`, errOut)
	out, errOut, _ = citygate(t, "tender", "check", tenderFixtures+"tender.hcl", tenderFixtures+"bids/strong", "-f", "html")
	require.Contains(t, out, `<html lang="en"`, errOut)
}
