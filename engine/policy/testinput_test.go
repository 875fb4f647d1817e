package policy_test

import (
	"context"
	"testing"
	"testing/fstest"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/citygate/citygate/engine/policy"
)

// TestTestInputsAreChecked: OPA does not check `with input as` values
// against the input schema, so citygate does: unknown keys (with a
// suggestion), literal types and enums, through variables the test
// assigns and below a `with input.systems` target. Partial inputs, null,
// and values built at run time are not errors.
func TestTestInputsAreChecked(t *testing.T) {
	rule := deny(`not s.transparency.register_url`)
	test := `package citygate.rules.privacy.camera_register_test

import data.citygate.rules.privacy.camera_register as rule

camera(extra) := object.union({"id": "cam"}, extra)

test_typo if {
	s := {"id": "cam", "data": {"kind": "video", "persnal": false}}
	count(rule.deny) == 1 with input as {"systems": [s]}
}

test_types if {
	count(rule.deny) == 0 with input as {"systems": [{"id": "cam", "stage": "retird", "data": {"retention_days": "30"}}]}
}

test_target if {
	count(rule.deny) == 1 with input.systems as [{"id": "cam", "criticallity": "high"}]
}

test_fine if {
	count(rule.deny) == 1 with input as {"systems": [camera({"data": {"personal": true}}), {"id": "b", "transparency": {"register_url": null}}]}
}
`
	mfs := fstest.MapFS{"rule.rego": {Data: []byte(rule)}, "rule_test.rego": {Data: []byte(test)}}
	lib, errs := policy.Load([]policy.Source{policy.Builtin(), {FS: mfs, Prefix: "user"}}, policy.Options{NoBuiltinRules: true})
	require.Empty(t, errs)
	_, errs = lib.Test(context.Background(), policy.TestOptions{})
	var got []string
	for _, e := range errs {
		got = append(got, e.Error())
	}
	assert.Equal(t, []string{
		`user/rule_test.rego:8:47: test input: the inventory schema has no field "persnal" in input.systems[0].data, so this test does not test what it says (hint: did you mean "personal"?)`,
		`user/rule_test.rego:13:74: test input: input.systems[0].stage is "retird", which the inventory schema does not allow (hint: did you mean "retired"?)`,
		`user/rule_test.rego:13:111: test input: input.systems[0].data.retention_days is a string; the inventory schema wants an integer (hint: see docs/inventory.md for the field's type)`,
		`user/rule_test.rego:17:61: test input: the inventory schema has no field "criticallity" in input.systems[0], so this test does not test what it says (hint: did you mean "criticality"?)`,
	}, got)
}
