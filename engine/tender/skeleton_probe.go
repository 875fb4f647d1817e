package tender

import (
	"context"
	"fmt"
	"strings"
	"testing/fstest"

	"github.com/citygate/citygate/engine/finding"
	"github.com/citygate/citygate/engine/policy"
)

// probePath is the probe bid RulesForLot evaluates. Its first system
// states nothing, so the rules that apply when a fact is absent apply; the
// second states the facts that, once a vendor states them, bring rules in
// that absence does not (a public login, personal data); neither changes
// what the lot's category is.
const (
	probePath = "probe/bid.hcl"
	probeBid  = `system "probe" {
  vendor = "probe-vendor"
  lot    = %[1]q
}

system "probe-stated" {
  vendor = "probe-vendor"
  lot    = %[1]q

  auth {
    public_login = true
  }

  data {
    personal = true
  }
}
`
)

// RulesForLot returns the rules a bid skeleton for a lot must serve: every
// rule whose applies set holds a system of the lot's category and
// criticality, decided by checking, in the tender's city context, a probe
// bid for the lot (the lot fixes the classification and stage procurement).
// Facts left unstated (sensing, public space, personal data) keep the rules
// that apply when they are absent, so an unfilled skeleton is asked for
// every field; see probeBid for the facts also probed as stated. A rule that declares no applies set (a version-1 custom rule)
// cannot be narrowed and is kept.
func RulesForLot(ctx context.Context, lib *policy.Library, t *Tender, lotID string) ([]finding.Rule, error) {
	if _, ok := t.Lot(lotID); !ok {
		return nil, fmt.Errorf("the tender %s has no lot %q; its lots are %s", t.Path, lotID, strings.Join(t.LotIDs(), ", "))
	}
	probe := fmt.Sprintf(probeBid, lotID)
	fsys := fstest.MapFS{probePath: &fstest.MapFile{Data: []byte(probe), Mode: 0o644}}
	rep, err := Check(ctx, lib, t, []string{probePath}, Options{FS: fsys, Parallel: 1})
	if err != nil {
		return nil, fmt.Errorf("evaluating a probe bid for lot %q: %w", lotID, err)
	}
	b := rep.Bids[0]
	if len(b.Errors) > 0 {
		return nil, fmt.Errorf("evaluating a probe bid for lot %q: %s", lotID, b.Errors[0].Summary+": "+b.Errors[0].Detail)
	}
	applies := map[string]bool{}
	for _, e := range b.Evidence {
		if e.Resource != nil && e.Resource.Kind == "system" && strings.HasPrefix(e.Resource.ID, "probe") && e.Status != StatusNotApplicable {
			applies[e.RuleID] = true
		}
	}
	var out []finding.Rule
	for _, r := range lib.Rules() {
		if !r.Applies || applies[r.ID] {
			out = append(out, r)
		}
	}
	return out, nil
}
