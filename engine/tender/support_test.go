package tender_test

import (
	"context"
	"strconv"
	"sync"
	"testing"
	"testing/fstest"

	"github.com/stretchr/testify/require"

	"github.com/citygate/citygate/engine/finding"
	"github.com/citygate/citygate/engine/inventory"
	"github.com/citygate/citygate/engine/policy"
	"github.com/citygate/citygate/engine/tender"
)

const fixtures = "../../fixtures/tender/"

var (
	libOnce sync.Once
	lib     *policy.Library
)

// builtin is the built-in library, loaded once for all tests.
func builtin(t *testing.T) *policy.Library {
	t.Helper()
	libOnce.Do(func() {
		l, errs := policy.Load([]policy.Source{policy.Builtin()}, policy.Options{})
		if len(errs) > 0 {
			panic(errs)
		}
		lib = l
	})
	return lib
}

// check runs a tender check over the fixtures' tender.
func check(t *testing.T, bids ...string) *tender.Report {
	t.Helper()
	tn, diags := tender.Load(inventory.OS{}, fixtures+"tender.hcl", inventory.Limits{})
	require.False(t, diags.HasErrors(), "%v", diags)
	rep, err := tender.Check(context.Background(), builtin(t), tn, bids, tender.Options{})
	require.NoError(t, err)
	return rep
}

// checkFS runs a tender check over an in-memory tender and bids.
func checkFS(t *testing.T, fsys fstest.MapFS, bids ...string) *tender.Report {
	t.Helper()
	tn, diags := tender.Load(fsys, "tender.hcl", inventory.Limits{})
	require.False(t, diags.HasErrors(), "%v", diags)
	rep, err := tender.Check(context.Background(), builtin(t), tn, bids, tender.Options{FS: fsys})
	require.NoError(t, err)
	return rep
}

// bid returns a bid's result by id.
func bid(t *testing.T, rep *tender.Report, id string) tender.BidResult {
	t.Helper()
	for _, b := range rep.Bids {
		if b.ID == id {
			return b
		}
	}
	t.Fatalf("no bid %q in the report", id)
	return tender.BidResult{}
}

// where is a finding as "RULE file:line field", for exact comparisons.
func where(f finding.Finding) string {
	s := f.RuleID + " " + f.Location.File + ":" + strconv.Itoa(f.Location.Start.Line)
	if f.Field != "" {
		s += " " + f.Field
	}
	if f.Suppressed != nil {
		s += " (waived)"
	}
	return s
}

// wheres lists findings with where.
func wheres(fs []finding.Finding) []string {
	out := []string{}
	for _, f := range fs {
		out = append(out, where(f))
	}
	return out
}
