package engine_test

import (
	"context"
	"testing"
	"testing/fstest"

	"github.com/stretchr/testify/require"

	"github.com/citygate/citygate/engine"
	"github.com/citygate/citygate/engine/finding"
	"github.com/citygate/citygate/engine/policy"
)

// TestAppliesFunctionIsNotASet: a version-1 rule with a helper function
// named applies is still a rule without applies (fail or rule-level pass),
// and the applies query of the other rules is not disturbed by it.
func TestAppliesFunctionIsNotASet(t *testing.T) {
	pfs := fstest.MapFS{}
	for name, body := range evidenceRules {
		pfs[name] = &fstest.MapFile{Data: []byte(body)}
	}
	pfs["ev/fn.rego"] = &fstest.MapFile{Data: []byte(`# METADATA
# title: Fn
# custom:
#   id: EV-009
#   severity: low
#   principle: security
package citygate.rules.ev.fn

import data.citygate.lib

applies(s) if s.category == "iot"

deny contains lib.finding(lib.system(s), "", "x") if { some s in input.systems; applies(s) }
`)}
	lib, errs := policy.Load([]policy.Source{policy.Builtin(), {FS: pfs, Prefix: "user"}}, policy.Options{NoBuiltinRules: true})
	require.Empty(t, errs, "%v", errs)
	mfs := fstest.MapFS{"inv/main.hcl": &fstest.MapFile{Data: []byte(sprintfInventory(`"PT"`))}}
	eng, err := engine.New(context.Background(), lib, engine.WithAsOf(policy.TestAsOf), engine.WithFS(mfs))
	require.NoError(t, err)
	res := mustCheck(t, eng, "inv")
	require.Empty(t, res.Errors)
	var got []ev
	for _, e := range evidenceOf(res) {
		if e.rule == "EV-009" {
			got = append(got, e)
		}
	}
	require.Equal(t, []ev{
		{"EV-009", "system.cam-a", finding.StatusFail}, {"EV-009", "system.cam-b", finding.StatusFail},
		{"EV-009", "system.cam-c", finding.StatusFail}, {"EV-009", "system.cam-d", finding.StatusFail},
	}, got)
	require.Len(t, res.Evidence, 11)
}
