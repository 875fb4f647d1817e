package engine_test

import (
	"context"
	"testing"
	"testing/fstest"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/citygate/citygate/engine"
	"github.com/citygate/citygate/engine/finding"
	"github.com/citygate/citygate/engine/policy"
)

// evidenceRules are four user rules over the v2 contract and v1:
// EV-001 (core) applies to IoT systems and needs data.personal and
// data.retention_days; EV-002 (eu profile) applies to the city; EV-003
// applies to excavations, of which the inventory has none; EV-004 is a
// version-1 rule without applies.
var evidenceRules = map[string]string{
	"ev/retention.rego": `# METADATA
# title: Retention bounded
# custom:
#   id: EV-001
#   severity: high
#   area: privacy
#   gsca_principle: transparency_privacy
#   messages:
#     too_long: "system {id} keeps data for {days} days, more than {limit}"
#   fields: [data.personal, data.retention_days]
package citygate.rules.ev.retention

import data.citygate.lib

applicable := [s | some s in input.systems; s.category == "iot"]

applies contains lib.system(s) if some s in applicable

deny contains lib.not_stated(lib.system(s), "data.personal") if {
	some s in applicable
	not lib.stated(object.get(s, ["data", "personal"], null))
}

deny contains lib.fail(lib.system(s), "data.retention_days", "too_long", {"id": s.id, "days": s.data.retention_days, "limit": 30}) if {
	some s in applicable
	s.data.personal == true
	s.data.retention_days > 30
}
`,
	"ev/city_law.rego": `# METADATA
# title: City law
# custom:
#   id: EV-002
#   severity: low
#   area: privacy
#   gsca_principle: transparency_privacy
#   profiles: [eu]
#   messages:
#     no_officer: "city {id} names no officer"
package citygate.rules.ev.city_law

import data.citygate.lib

applies contains lib.city if input.city

deny contains lib.fail(lib.city, "roles", "no_officer", {"id": input.city.id}) if input.city
`,
	"ev/digs.rego": `# METADATA
# title: Digs
# custom:
#   id: EV-003
#   severity: low
#   area: broadband
#   gsca_principle: operational_financial_sustainability
#   messages:
#     dig: "excavation {id}"
package citygate.rules.ev.digs

import data.citygate.lib

applies contains lib.excavation(e) if some e in input.excavations

deny contains lib.fail(lib.excavation(e), "", "dig", {"id": e.id}) if some e in input.excavations
`,
	"ev/v1.rego": `# METADATA
# title: Version one
# custom:
#   id: EV-004
#   severity: medium
#   principle: security
package citygate.rules.ev.v1

import data.citygate.lib

deny contains lib.finding(lib.system(s), "vendor", sprintf("system %s comes from %s", [s.id, s.vendor])) if {
	some s in input.systems
	s.vendor == "shady"
}
`,
}

const evidenceInventory = `city "lisbon" {
  jurisdictions = [%s]
}

system "cam-a" {
  category = "iot"
}

system "cam-b" {
  category = "iot"
  data {
    personal       = true
    retention_days = 400
  }
}

system "cam-c" {
  category = "iot"
  data {
    personal       = true
    retention_days = 10
  }
}

system "cam-d" {
  category = "iot"
  data {
    personal       = false
  }
}

system "portal" {
  category = "web_service"
  vendor   = "shady"
}
`

func evidenceEngine(t *testing.T, extra map[string]string, opts ...engine.Option) (*engine.Engine, fstest.MapFS) {
	t.Helper()
	pfs := fstest.MapFS{}
	for name, body := range evidenceRules {
		pfs[name] = &fstest.MapFile{Data: []byte(body)}
	}
	lib, errs := policy.Load([]policy.Source{policy.Builtin(), {FS: pfs, Prefix: "user"}}, policy.Options{NoBuiltinRules: true})
	require.Empty(t, errs, "%v", errs)
	mfs := fstest.MapFS{}
	for name, body := range extra {
		mfs[name] = &fstest.MapFile{Data: []byte(body)}
	}
	eng, err := engine.New(context.Background(), lib, append([]engine.Option{engine.WithAsOf(policy.TestAsOf), engine.WithFS(mfs)}, opts...)...)
	require.NoError(t, err)
	return eng, mfs
}

func sprintfInventory(jurisdictions string) string {
	return replaceOnce(evidenceInventory, "%s", jurisdictions)
}

func replaceOnce(s, old, repl string) string {
	for i := 0; i+len(old) <= len(s); i++ {
		if s[i:i+len(old)] == old {
			return s[:i] + repl + s[i+len(old):]
		}
	}
	return s
}

type ev struct {
	rule, resource string
	status         finding.Status
}

func evidenceOf(res *finding.Result) []ev {
	var out []ev
	for _, e := range res.Evidence {
		r := "-"
		if e.Resource != nil {
			r = e.Resource.String()
		}
		out = append(out, ev{e.RuleID, r, e.Status})
	}
	return out
}

// TestEvidenceStatuses: every status, from findings and applies, in a city
// whose jurisdiction (PT, an EU member) selects the eu profile.
func TestEvidenceStatuses(t *testing.T) {
	waiver := `waiver "EV-001" {
  resources   = ["system.cam-b"]
  reason      = "retention reduced in the next release"
  approved_by = "DPO"
  approved_on = "2025-12-01"
  expires     = "2026-06-01"
}
`
	eng, _ := evidenceEngine(t, map[string]string{"inv/main.hcl": sprintfInventory(`"pt"`), "inv/waiver.hcl": waiver})
	res := mustCheck(t, eng, "inv")
	require.Empty(t, res.Errors)
	assert.Equal(t, []ev{
		{"EV-001", "system.cam-a", finding.StatusNotStated},
		{"EV-001", "system.cam-b", finding.StatusWaived},
		{"EV-001", "system.cam-c", finding.StatusPass},
		{"EV-001", "system.cam-d", finding.StatusPass},
		{"EV-002", "city.lisbon", finding.StatusFail},
		{"EV-003", "-", finding.StatusNotApplicable},
		{"EV-004", "system.portal", finding.StatusFail},
	}, evidenceOf(res))
	assert.Equal(t, []string{"eu"}, res.Inventories[0].Profiles)
	assert.Equal(t, finding.StatusCounts{Fail: 2, NotStated: 1, NotApplicable: 1}, res.Inventories[0].Counts,
		"EV-001 counts once, as its worst status (not_stated)")
	assert.Equal(t, finding.RunFail, res.Inventories[0].Status)
	assert.Equal(t, "lisbon", res.Inventories[0].Scope)
	assert.Equal(t, finding.RunFail, res.Summary.Status)

	msgs := map[string]finding.Finding{}
	for _, f := range res.Findings {
		msgs[f.RuleID+" "+f.Resource.String()] = f
	}
	notStated := msgs["EV-001 system.cam-a"]
	assert.Equal(t, finding.StatusNotStated, notStated.Status)
	assert.Equal(t, "system cam-a does not state data.personal, which this rule needs to decide", notStated.Message)
	assert.Equal(t, finding.High, notStated.Severity)
	assert.Equal(t, 5, notStated.Location.Start.Line, "located at the system block")
	tooLong := msgs["EV-001 system.cam-b"]
	assert.Equal(t, "system cam-b keeps data for 400 days, more than 30", tooLong.Message)
	assert.Equal(t, "too_long", tooLong.Template)
	assert.Equal(t, "", tooLong.Profile)
	assert.Equal(t, "transparency_privacy", tooLong.Principle)
	assert.Equal(t, "privacy", tooLong.Area)
	assert.Equal(t, "eu", msgs["EV-002 city.lisbon"].Profile)
	assert.Equal(t, "system portal comes from shady", msgs["EV-004 system.portal"].Message)
	assert.Equal(t, finding.StatusFail, msgs["EV-004 system.portal"].Status)

	principles := map[string]finding.StatusCounts{}
	for _, g := range res.Summary.Principles {
		principles[g.Key] = g.StatusCounts
	}
	assert.Equal(t, finding.StatusCounts{NotStated: 1, Fail: 1}, principles["transparency_privacy"])
	assert.Equal(t, finding.StatusCounts{NotApplicable: 1}, principles["operational_financial_sustainability"])
	assert.Equal(t, finding.StatusCounts{Fail: 1}, principles["safety_security_resiliency"])
}

// TestEvidenceProfiles: VN selects no profile, so the eu rule neither
// fires nor counts; config can add it, and remove it from an EU city.
func TestEvidenceProfiles(t *testing.T) {
	for _, tc := range []struct {
		name, jurisdictions string
		add, remove         []string
		want                finding.Status
		profiles            []string
	}{
		{"VN", `"VN"`, nil, nil, finding.StatusNotApplicable, []string{}},
		{"EU", `"EU"`, nil, nil, finding.StatusFail, []string{"eu"}},
		{"eu lower case", `"eu"`, nil, nil, finding.StatusFail, []string{"eu"}},
		{"VN plus eu", `"VN"`, []string{"eu"}, nil, finding.StatusFail, []string{"eu"}},
		{"EU minus eu", `"EU", "us", "GB"`, nil, []string{"eu"}, finding.StatusNotApplicable, []string{"uk", "us"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			eng, _ := evidenceEngine(t, map[string]string{"inv/main.hcl": sprintfInventory(tc.jurisdictions)}, engine.WithProfiles(tc.add, tc.remove))
			res := mustCheck(t, eng, "inv")
			require.Empty(t, res.Errors)
			assert.Equal(t, tc.profiles, res.Inventories[0].Profiles)
			var got []ev
			for _, e := range evidenceOf(res) {
				if e.rule == "EV-002" {
					got = append(got, e)
				}
			}
			resource := "city.lisbon"
			if tc.want == finding.StatusNotApplicable {
				resource = "-"
			}
			assert.Equal(t, []ev{{"EV-002", resource, tc.want}}, got)
			fired := false
			for _, f := range res.Findings {
				fired = fired || f.RuleID == "EV-002"
			}
			assert.Equal(t, tc.want == finding.StatusFail, fired)
		})
	}
	lib, errs := policy.Load([]policy.Source{policy.Builtin()}, policy.Options{})
	require.Empty(t, errs)
	_, err := engine.New(context.Background(), lib, engine.WithProfiles([]string{"fr"}, nil))
	require.EqualError(t, err, `unknown profile "fr": want one of eu, uk, us`)
}

// TestEvidenceWithoutCity: a bid (no city) applies the system rules only;
// the city rule is not applicable, never passed, and the v1 rule with no
// finding passes at rule level.
func TestEvidenceWithoutCity(t *testing.T) {
	bid := `system "cam-x" {
  category = "iot"
  data {
    personal = true
    retention_days = 7
  }
}
`
	eng, _ := evidenceEngine(t, map[string]string{"bid/main.hcl": bid}, engine.WithProfiles([]string{"eu"}, nil))
	res := mustCheck(t, eng, "bid")
	require.Empty(t, res.Errors)
	assert.Equal(t, []ev{
		{"EV-001", "system.cam-x", finding.StatusPass},
		{"EV-002", "-", finding.StatusNotApplicable},
		{"EV-003", "-", finding.StatusNotApplicable},
		{"EV-004", "-", finding.StatusPass},
	}, evidenceOf(res))
	assert.Equal(t, finding.RunPass, res.Summary.Status)
	assert.Equal(t, []string{"data.personal", "data.retention_days"}, res.Evidence[0].Fields)
}

// TestEvidenceBrokenInventory: an inventory that does not load has no
// evidence and no passes, and the run's status is error.
func TestEvidenceBrokenInventory(t *testing.T) {
	eng, _ := evidenceEngine(t, map[string]string{"bad/main.hcl": "system \"x\" {\n  nope = 1\n}\n"})
	res := mustCheck(t, eng, "bad")
	require.NotEmpty(t, res.Errors)
	assert.Empty(t, res.Evidence)
	assert.Equal(t, finding.StatusCounts{}, res.Inventories[0].Counts)
	assert.Equal(t, finding.RunError, res.Inventories[0].Status)
	assert.Equal(t, finding.RunError, res.Summary.Status)
	assert.Equal(t, 2, res.ExitCode())
	for _, g := range res.Summary.Principles {
		assert.Zero(t, g.Total(), g.Key)
	}
}

// TestEvidenceBaselineKeepsStatus: a baselined finding still fails its
// evidence (the baseline hides a known problem, it does not fix it).
func TestEvidenceBaselineKeepsStatus(t *testing.T) {
	eng, _ := evidenceEngine(t, map[string]string{"inv/main.hcl": sprintfInventory(`"VN"`)})
	first := mustCheck(t, eng, "inv")
	fps := map[string]bool{}
	for _, f := range first.Findings {
		fps[f.Fingerprint] = true
	}
	eng, _ = evidenceEngine(t, map[string]string{"inv/main.hcl": sprintfInventory(`"VN"`)}, engine.WithBaseline(fps))
	res := mustCheck(t, eng, "inv")
	require.Empty(t, res.Errors)
	assert.Equal(t, evidenceOf(first), evidenceOf(res))
	assert.Equal(t, finding.RunPass, res.Summary.Status)
	assert.Equal(t, 0, res.ExitCode())
}

// TestMissingTemplateIsAnError: a template chosen at run time that the
// rule's messages lack stops the inventory's evaluation with an error that
// names the rule and template; it never yields an empty message.
func TestMissingTemplateIsAnError(t *testing.T) {
	pfs := fstest.MapFS{"ev/dyn.rego": {Data: []byte(`# METADATA
# title: Dynamic
# custom:
#   id: EV-010
#   severity: low
#   gsca_principle: transparency_privacy
#   messages:
#     known: "system {id}"
package citygate.rules.ev.dyn

import data.citygate.lib

applies contains lib.system(s) if some s in input.systems

deny contains lib.fail(lib.system(s), "", concat("_", ["un", "known"]), {"id": s.id}) if some s in input.systems
`)}}
	lib, errs := policy.Load([]policy.Source{policy.Builtin(), {FS: pfs, Prefix: "user"}}, policy.Options{NoBuiltinRules: true})
	require.Empty(t, errs, "%v", errs)
	mfs := fstest.MapFS{"inv/main.hcl": {Data: []byte("system \"cam\" {\n  category = \"iot\"\n}\n")}}
	eng, err := engine.New(context.Background(), lib, engine.WithAsOf(policy.TestAsOf), engine.WithFS(mfs))
	require.NoError(t, err)
	res := mustCheck(t, eng, "inv")
	require.Len(t, res.Errors, 1)
	assert.Equal(t, "Evaluation failed", res.Errors[0].Summary)
	assert.Contains(t, res.Errors[0].Detail, `rule EV-010 (user/ev/dyn.rego) uses message template "un_known", which its METADATA custom.messages does not define`)
	assert.Empty(t, res.Findings)
	assert.Empty(t, res.Evidence)
	assert.Equal(t, finding.RunError, res.Summary.Status)
}
