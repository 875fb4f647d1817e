package engine_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/bundle"
	"github.com/open-policy-agent/opa/v1/rego"
	"github.com/open-policy-agent/opa/v1/util"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/citygate/citygate/engine"
	"github.com/citygate/citygate/engine/finding"
	"github.com/citygate/citygate/engine/inventory"
	"github.com/citygate/citygate/engine/pack"
	"github.com/citygate/citygate/policies"
)

// opaRule is what a plain OPA user reads from a rule's package METADATA.
type opaRule struct {
	id, severity string
	messages     map[string]string
	profiles     []string
}

// TestBuiltinBundleMatchesCheckInPlainOPA: the built-in library exported
// with bundle build --builtin, evaluated by OPA's own Go API alone (no
// citygate engine code), on the JSON input document each inventory
// becomes, as `opa eval -b citygate.tar.gz -d as_of.json -i input.json
// 'data.citygate.rules[_][_].deny'` does, gives the findings check gives:
// rule id, resource, field, severity and message.
//
// What the engine adds outside Rego is left out on purpose: WAIVER-*
// findings (expired or unmatched waivers: the engine reads waiver blocks
// itself), gate findings (citygate.gates.*: the engine counts the open
// findings a gate blocks on, after waivers), and the choice of
// jurisdiction profiles (the engine maps the city's jurisdictions to eu,
// uk, us; the OPA side drops a profiled rule's findings unless check
// selected one of its profiles). Waived findings stay in both lists:
// suppression marks a finding, it does not remove it. BID-* findings are
// tender-only and never come out of check.
func TestBuiltinBundleMatchesCheckInPlainOPA(t *testing.T) {
	dir := t.TempDir()
	b, err := pack.BuildBuiltin(policies.FS, engine.Version, pack.BuildOptions{})
	require.NoError(t, err)
	var buf bytes.Buffer
	require.NoError(t, pack.Write(&buf, b, nil))
	bundlePath := filepath.Join(dir, "citygate.tar.gz")
	require.NoError(t, os.WriteFile(bundlePath, buf.Bytes(), 0o644))
	asOfPath := filepath.Join(dir, "as_of.json")
	require.NoError(t, os.WriteFile(asOfPath, []byte(`{"citygate": {"as_of": "`+fixtureAsOf+`"}}`), 0o644))

	ctx := context.Background()
	pq, err := rego.New(
		rego.Query("data.citygate.rules[principle][name].deny[finding]"),
		rego.LoadBundle(bundlePath),
		rego.Load([]string{asOfPath}, nil),
		rego.StrictBuiltinErrors(true),
	).PrepareForEval(ctx)
	require.NoError(t, err)
	rules := rulesOfBundle(t, buf.Bytes())

	eng := builtinEngine(t)
	gates := map[string]bool{}
	for _, r := range eng.Rules() {
		if r.Gate {
			gates[r.ID] = true
		}
	}
	for _, path := range []string{"../fixtures/city", "../fixtures/bid", "../fixtures/us-city", "../fixtures/compliant"} {
		t.Run(path, func(t *testing.T) {
			res := mustCheck(t, eng, path)
			require.Empty(t, res.Errors)
			require.Len(t, res.Inventories, 1)
			var want []string
			engineOnly, unprofiled := 0, 0
			for _, f := range res.Findings {
				if strings.HasPrefix(f.RuleID, "WAIVER-") || gates[f.RuleID] {
					engineOnly++
					continue
				}
				want = append(want, findingKey(f.RuleID, f.Resource.Kind, f.Resource.ID, f.Field, string(f.Severity), f.Message))
			}

			inv, diags := inventory.Load(inventory.OS{}, path, inventory.Options{})
			require.False(t, diags.HasErrors(), "%v", diags)
			input := inputJSON(t, inv.Doc)
			rs, err := pq.Eval(ctx, rego.EvalInput(input))
			require.NoError(t, err)
			var got []string
			for _, r := range rs {
				pkg := fmt.Sprintf("citygate.rules.%v.%v", r.Bindings["principle"], r.Bindings["name"])
				rule, ok := rules[pkg]
				require.True(t, ok, "package %s has no rule METADATA", pkg)
				if !selectedBy(rule.profiles, res.Inventories[0].Profiles) {
					unprofiled++
					continue
				}
				got = append(got, opaFindingKey(t, rule, r.Bindings["finding"]))
			}
			sort.Strings(want)
			sort.Strings(got)
			if path != "../fixtures/compliant" {
				require.NotEmpty(t, want)
			}
			assert.Equal(t, want, got)
			t.Logf("%s: %d findings from check, %d from plain OPA (left out: %d waiver and gate findings of check, %d of profiles check did not select)",
				path, len(want), len(got), engineOnly, unprofiled)
		})
	}
}

// inputJSON is the inventory document as `citygate input` prints it and
// `opa eval -i` reads it: JSON, decoded by OPA's JSON reader.
func inputJSON(t *testing.T, doc ast.Value) any {
	t.Helper()
	v, err := ast.JSON(doc)
	require.NoError(t, err)
	raw, err := json.Marshal(v)
	require.NoError(t, err)
	var out any
	require.NoError(t, util.UnmarshalJSON(raw, &out))
	return out
}

// rulesOfBundle reads each rule package's METADATA from the bundle with
// OPA's bundle reader.
func rulesOfBundle(t *testing.T, raw []byte) map[string]opaRule {
	t.Helper()
	b, err := bundle.NewCustomReader(bundle.NewTarballLoaderWithBaseURL(bytes.NewReader(raw), "")).
		WithProcessAnnotations(true).Read()
	require.NoError(t, err)
	out := map[string]opaRule{}
	for _, mf := range b.Modules {
		for _, a := range mf.Parsed.Annotations {
			if a.Scope != "package" || a.Custom["id"] == nil {
				continue
			}
			r := opaRule{id: a.Custom["id"].(string), severity: a.Custom["severity"].(string), messages: map[string]string{}}
			if ms, ok := a.Custom["messages"].(map[string]any); ok {
				for k, v := range ms {
					r.messages[k] = v.(string)
				}
			}
			if ps, ok := a.Custom["profiles"].([]any); ok {
				for _, p := range ps {
					r.profiles = append(r.profiles, p.(string))
				}
			}
			out[strings.TrimPrefix(mf.Parsed.Package.Path.String(), "data.")] = r
		}
	}
	require.NotEmpty(t, out)
	return out
}

func selectedBy(ruleProfiles, selected []string) bool {
	if len(ruleProfiles) == 0 {
		return true
	}
	for _, p := range ruleProfiles {
		for _, s := range selected {
			if p == s {
				return true
			}
		}
	}
	return false
}

// opaFindingKey words one deny result as a plain OPA user would: the
// message is the rule's METADATA messages[template] with {name} replaced
// by args.name (not_stated: messages.not_stated or the generic text),
// the severity the result's or the rule's.
func opaFindingKey(t *testing.T, rule opaRule, raw any) string {
	t.Helper()
	obj := raw.(map[string]any)
	res := obj["resource"].(map[string]any)
	kind, id := res["kind"].(string), res["id"].(string)
	field, _ := obj["field"].(string)
	sev := rule.severity
	if s, ok := obj["severity"].(string); ok {
		sev = s
	}
	var msg string
	var err error
	switch obj["status"] {
	case "fail":
		args, _ := obj["args"].(map[string]any)
		msg, err = finding.Render(rule.messages[obj["template"].(string)], args)
	case "not_stated":
		text, ok := rule.messages[finding.NotStatedTemplate]
		if !ok {
			text = finding.GenericNotStated
		}
		msg, err = finding.Render(text, map[string]any{"kind": kind, "id": id, "field": field})
	default:
		msg = obj["message"].(string)
	}
	require.NoError(t, err)
	return findingKey(rule.id, kind, id, field, sev, msg)
}

func findingKey(id, kind, resource, field, sev, msg string) string {
	return strings.Join([]string{id, kind, resource, field, sev, msg}, " | ")
}
