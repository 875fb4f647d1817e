package report

import (
	"bytes"
	"context"
	"encoding/json"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/citygate/citygate/engine"
	"github.com/citygate/citygate/engine/finding"
	"github.com/citygate/citygate/engine/policy"
)

// spoolOf runs a streaming check of paths into a spool, and a plain
// Check of the same paths.
func spoolOf(t *testing.T, paths ...string) (*Spool, *finding.Result) {
	t.Helper()
	lib, errs := policy.Load([]policy.Source{policy.Builtin()}, policy.Options{})
	require.Empty(t, errs, "%v", errs)
	eng, err := engine.New(context.Background(), lib, engine.WithAsOf("2026-11-23"), engine.WithParallel(3))
	require.NoError(t, err)
	res, err := eng.Check(context.Background(), paths)
	require.NoError(t, err)
	sp, err := NewSpool(t.TempDir())
	require.NoError(t, err)
	t.Cleanup(func() { require.NoError(t, sp.Close()) })
	head, err := eng.CheckStream(context.Background(), paths, nil, sp.Add)
	require.NoError(t, err)
	require.NoError(t, sp.Finish(head))
	return sp, res
}

// TestSpoolWritesWhatTheWholeResultWrites: every format written from a
// streaming check's spool has the bytes it has from Check's result, with
// paths out of sorted order, an inventory that fails to load, inventories
// that share files (their findings interleave), caps that cut the SARIF
// and GitHub output, and the job summary.
func TestSpoolWritesWhatTheWholeResultWrites(t *testing.T) {
	for name, paths := range map[string][]string{
		"unsorted":    {"../../fixtures/city", "../../fixtures/bid", "../../fixtures/invalid/bad_date.hcl", "../../fixtures/us-city", "../../fixtures/compliant"},
		"overlapping": {"../../fixtures/bid", "../../fixtures/city", "../../fixtures/bid/facewatch-cameras.hcl", "../../fixtures/city/transport.hcl"},
	} {
		t.Run(name, func(t *testing.T) {
			sp, res := spoolOf(t, paths...)
			got, err := Collect(sp)
			require.NoError(t, err)
			require.Equal(t, res, got, "the spool gives back Check's result")
			for _, opts := range []Options{
				{},
				{ShowSuppressed: true, Compact: true, SARIFMaxResults: 7, GitHubMaxAnnotations: 5},
				{SARIFOmitSuppressed: true, SARIFMaxResults: 3, GroupBy: GroupByArea},
			} {
				for _, format := range Formats() {
					var want, have, wantSum, haveSum bytes.Buffer
					o := opts
					o.StepSummary = &wantSum
					r, err := New(format, o)
					require.NoError(t, err)
					require.NoError(t, r.Report(&want, res))
					o.StepSummary = &haveSum
					r, err = New(format, o)
					require.NoError(t, err)
					require.NoError(t, Write(r, &have, sp))
					require.Equal(t, want.String(), have.String(), "%s %+v", format, opts)
					require.Equal(t, wantSum.String(), haveSum.String(), "%s job summary", format)
				}
			}
		})
	}
}

// TestSpoolRecordsRoundTrip: a finding and an evidence entry come back
// from the spool field for field, nil and empty lists apart, message
// arguments of every kind with their types.
func TestSpoolRecordsRoundTrip(t *testing.T) {
	full := finding.Finding{
		RuleID: "SEC-005", Title: "t", Severity: finding.Critical, Principle: "security", Area: "a", Profile: "eu",
		Controls: []string{}, Status: finding.StatusNotStated, Message: "m\x00\u2028", Template: "x",
		Args: map[string]any{"s": "v", "b": true, "n": json.Number("1.5"), "f": 2.5, "i": 3, "j": int64(-4), "z": nil,
			"l": []any{"a", json.Number("2")}, "o": map[string]any{"k": false}},
		Resource: finding.Resource{Kind: "system", ID: "cam"}, Field: "auth.mfa",
		Location:    finding.Location{File: "a.hcl", Start: finding.Position{Line: 3, Column: 5, Byte: 40}, End: finding.Position{Line: 4, Column: 1, Byte: 60}},
		Remediation: "r", HelpURI: "u", Fingerprint: "fp",
		Suppressed: &finding.Suppression{Kind: "waiver", Reason: "why", ApprovedBy: "me", Expires: "2027-01-01"},
		Inventory:  "inv", SourceLines: []string{"  mfa = false", ""},
	}
	bare := finding.Finding{RuleID: "X", Args: map[string]any{}, Location: finding.Location{File: "b.hcl"}}
	ev := []finding.Evidence{
		{Inventory: "inv", RuleID: "SEC-005", Resource: &finding.Resource{Kind: "system", ID: "cam"}, Status: finding.StatusFail, Fields: []string{"auth.mfa"}},
		{Inventory: "inv", RuleID: "SEC-006", Status: finding.StatusNotApplicable, Fields: []string{}},
		{Inventory: "inv", RuleID: "SEC-007", Status: finding.StatusPass},
	}
	sp, err := NewSpool(t.TempDir())
	require.NoError(t, err)
	defer sp.Close()
	require.NoError(t, sp.Add(&finding.Part{Inventory: finding.InventoryResult{Path: "inv"}, Findings: []finding.Finding{full, bare}, Evidence: ev}))
	require.NoError(t, sp.Finish(&finding.Result{}))
	got, err := Collect(sp)
	require.NoError(t, err)
	require.Equal(t, []finding.Finding{full, bare}, got.Findings)
	require.Equal(t, ev, got.Evidence)
}

// TestJSONEncodersMatchMarshalIndent: the hand-written encoders of
// findings and evidence give the bytes json.MarshalIndent and
// neutralizeJSON give, on the example inventories and on hostile strings.
func TestJSONEncodersMatchMarshalIndent(t *testing.T) {
	res := fixturesResult(t)
	hostile := []string{"", "plain", "a\"b\\c", "<script>&amp;", "tab\there\nnl\r\x00\x1b[31m", "\u2028\u2029\u0085\u009b", "##[error]x", "#", "##", "é中文🙂", "\xff\xfe bad utf8", "\u202eevil"}
	for i, s := range hostile {
		res.Findings = append(res.Findings, finding.Finding{
			RuleID: s, Title: s, Severity: finding.Severity(s), Principle: s, Area: s, Profile: s, Controls: []string{s, "x"},
			Status: finding.Status(s), Message: s, Template: s, Args: map[string]any{s: s, "n": json.Number("3"), "l": []any{s}},
			Resource: finding.Resource{Kind: s, ID: s}, Field: s, Location: finding.Location{File: s, Start: finding.Position{Line: i, Column: -i}},
			Remediation: s, HelpURI: s, Fingerprint: s, Suppressed: &finding.Suppression{Kind: s, Reason: s, ApprovedBy: s, Expires: s},
		})
		res.Evidence = append(res.Evidence, finding.Evidence{Inventory: s, RuleID: s, Resource: &finding.Resource{Kind: s, ID: s}, Status: finding.Status(s), Fields: []string{s}})
	}
	res.Findings = append(res.Findings, finding.Finding{}, finding.Finding{Controls: []string{}, Args: map[string]any{}, Suppressed: &finding.Suppression{}})
	res.Evidence = append(res.Evidence, finding.Evidence{}, finding.Evidence{Fields: []string{}})
	for _, prefix := range []string{"", "    "} {
		for i := range res.Findings {
			f := &res.Findings[i]
			want, err := json.MarshalIndent(f, prefix, "  ")
			require.NoError(t, err)
			var j jsonWriter
			require.NoError(t, j.finding(prefix, f))
			require.Equal(t, string(neutralizeJSON(want)), string(j.b))
		}
		for i := range res.Evidence {
			e := &res.Evidence[i]
			want, err := json.MarshalIndent(e, prefix, "  ")
			require.NoError(t, err)
			var j jsonWriter
			j.evidence(prefix, e)
			require.Equal(t, string(neutralizeJSON(want)), string(j.b))
		}
	}
}
