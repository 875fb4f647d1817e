package policy_test

import (
	"testing"
	"testing/fstest"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/citygate/citygate/engine/policy"
)

// templateRule has messages on lines 1-9 and a body from line 13.
const templateRule = `# METADATA
# title: Retention bounded
# custom:
#   id: CITY-TPL-001
#   severity: medium
#   gsca_principle: transparency_privacy
#   messages:
#     too_long: "system {id} keeps data for {days} days"
package citygate.rules.privacy.retention_tpl

import data.citygate.lib

applies contains lib.system(s) if some s in input.systems

`

func loadTemplateRule(t *testing.T, body string) (*policy.Library, policy.Errors) {
	t.Helper()
	mfs := fstest.MapFS{"rule.rego": {Data: []byte(templateRule + body)}}
	return policy.Load([]policy.Source{policy.Builtin(), {FS: mfs, Prefix: "user"}}, policy.Options{NoBuiltinRules: true})
}

// TestTemplatesCheckedAtLoad: a literal template a rule's messages lack,
// or a placeholder its literal args do not give, is a located load error.
func TestTemplatesCheckedAtLoad(t *testing.T) {
	_, errs := loadTemplateRule(t, "deny contains lib.fail(lib.system(s), \"data\", \"too_lng\", {\"id\": s.id, \"days\": 3}) if {\n"+
		"\tsome s in input.systems\n}\n")
	require.Len(t, errs, 1, "%v", errs)
	assert.Equal(t, "user/rule.rego", errs[0].File)
	assert.Equal(t, 15, errs[0].Line)
	assert.Contains(t, errs[0].Message, `rule CITY-TPL-001 (citygate.rules.privacy.retention_tpl) uses message template "too_lng", which its custom.messages does not define`)
	assert.Contains(t, errs[0].Hint, "too_lng")

	_, errs = loadTemplateRule(t, "deny contains lib.fail_with_severity(lib.system(s), \"data\", \"too_long\", {\"id\": s.id}, \"high\") if {\n"+
		"\tsome s in input.systems\n}\n")
	require.Len(t, errs, 1, "%v", errs)
	assert.Contains(t, errs[0].Message, `message template "too_long" has placeholder {days}, which its args do not give`)

	lib, errs := loadTemplateRule(t, "deny contains lib.finding_t(lib.system(s), \"data\", \"too_long\", {\"id\": s.id, \"days\": 3}) if {\n"+
		"\tsome s in input.systems\n}\n")
	require.Empty(t, errs)
	require.Len(t, lib.Rules(), 1)
	assert.True(t, lib.Rules()[0].Applies)
}

// TestAppliesMustBeASet: applies is read member by member, so anything but
// `applies contains ...` is a located load error.
func TestAppliesMustBeASet(t *testing.T) {
	mfs := fstest.MapFS{"rule.rego": {Data: []byte(`# METADATA
# title: Bad applies
# custom:
#   id: CITY-TPL-002
#   severity: low
#   gsca_principle: transparency_privacy
package citygate.rules.privacy.bad_applies

import data.citygate.lib

applies := true

deny contains lib.not_stated(lib.system(s), "data") if some s in input.systems
`)}}
	_, errs := policy.Load([]policy.Source{policy.Builtin(), {FS: mfs, Prefix: "user"}}, policy.Options{NoBuiltinRules: true})
	require.Len(t, errs, 1, "%v", errs)
	assert.Equal(t, 11, errs[0].Line)
	assert.Contains(t, errs[0].Message, "applies of CITY-TPL-002 (citygate.rules.privacy.bad_applies) is not a set of resources")
}
