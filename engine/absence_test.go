package engine_test

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/stretchr/testify/require"

	"github.com/citygate/citygate/engine"
)

// conditionallyRead are fields a rule reads only when another stated fact
// asks for them; the compliant inventory states them although nothing
// there needs them, so deleting one is rightly not reported. Each entry
// says when the field is needed.
var conditionallyRead = map[string]string{
	"data.retention_justification": "only when retention exceeds the limit for the data kind",
	"dataset.exemption":            "only for a dataset that is not published",
	"dataset.anonymisation_review": "only for published personal data",
	"ai.authorization_ref":         "only for real-time remote biometric identification",
	"stage":                        "absent means production, the documented default",
	"deployer":                     "absent means a public body, the documented default",
	"data.shared_with":             "only lists the parties data is shared with",
	"assessment.dpia.date":         "only when a DPIA trigger is met (PRIV-002); a DPIA nothing triggers needs no date",
	"data.scale":                   "only when public-space monitoring, special-category or biometric data makes the scale decide a DPIA trigger",
	"policy.dig_once.min_length_m": "absent means params.dig_once_min_length_m, the documented default",
	"city.allowed_data_regions":    "the city's own data-location restriction; absent means the city restricts nothing",
	"city.bans_facial_recognition": "the city's own ban; absent means no ban (the AI Act ban is PRIV-006's, whatever the city says)",
}

// readOnlyWhen are fields a rule needs only when the rest of the same
// resource leaves the decision open: an alternative is stated, or another
// stated fact takes the resource out of the rule's scope. A deletion is
// exempt only where the condition holds on the resource it was cut from,
// so the same field elsewhere is still tested. res holds the top-level
// block's attributes by path without labels ("data.personal"), blk the
// attributes of the block the field sits in; values are source text with
// string quotes removed.
var readOnlyWhen = map[string]struct {
	reason string
	when   func(res, blk map[string]string) bool
}{
	"channels.offline_alternative": {"either an offline or an assisted channel suffices (ACC-007)",
		func(_, b map[string]string) bool { return b["assisted"] == "true" }},
	"channels.assisted": {"either an offline or an assisted channel suffices (ACC-007)",
		func(_, b map[string]string) bool { return b["offline_alternative"] == "true" }},
	"software.sbom": {"a vendor's evidence.sbom states the SBOM instead (SEC-004)",
		func(r, _ map[string]string) bool { return r["evidence.sbom"] != "" }},
	"evidence.sbom": {"outside a bid, only a fallback for software.sbom (SEC-004); a bid must state it (SUST-002)",
		func(r, _ map[string]string) bool { return r["software.sbom"] != "" && r["stage"] != "procurement" }},
	"evidence.support_end": {"only a fallback for software.support_end, which a bid may leave out (SEC-008)",
		func(r, _ map[string]string) bool { return r["software.support_end"] != "" }},
	"evidence.en303645_assessment": {"any one qualifying kind of independent evidence suffices; a current pentest is one (SUST-004)",
		func(_, b map[string]string) bool { return b["pentest_date"] != "" }},
	"evidence.pentest_date": {"any one qualifying kind of independent evidence suffices; an EN 303 645 assessment is one (SUST-004)",
		func(_, b map[string]string) bool { return b["en303645_assessment"] != "" }},
	"vulnerability_disclosure.url": {"either a URL or a contact gives researchers somewhere to write (SEC-007)",
		func(_, b map[string]string) bool { return b["contact"] != "" }},
	"vulnerability_disclosure.contact": {"either a URL or a contact gives researchers somewhere to write (SEC-007)",
		func(_, b map[string]string) bool { return b["url"] != "" }},
	"data.biometric": {"biometric data is personal data: a stated personal = false settles it",
		func(r, _ map[string]string) bool { return r["data.personal"] == "false" }},
	"data.kind": {"the kind sets retention limits for personal data only; a stated personal = false settles them",
		func(r, _ map[string]string) bool { return r["data.personal"] == "false" }},
	"data.retention_days": {"only for data kinds with a retention limit in params.retention_max_days (PRIV-005)",
		func(r, _ map[string]string) bool { k := r["data.kind"]; return k != "" && !retentionLimited(k) }},
	"dataset.dynamic": {"a dataset served by an API passes whether it is dynamic or not (OPEN-003)",
		func(_, b map[string]string) bool { return b["api"] == "true" }},
	"dataset.personal": {"only for published datasets (OPEN-004)",
		func(_, b map[string]string) bool { return b["publish"] == "false" }},
	"dataset.publish": {"a stated exemption accounts for a dataset that is not published (OPEN-002)",
		func(_, b map[string]string) bool { return b["exemption"] != "" }},
	"transparency.notice_url": {"signs are the notice for public-space sensing; the URL is needed only without signage = true (PRIV-008)",
		func(_, b map[string]string) bool { return b["signage"] == "true" }},
	"public_facing": {"web services, mobile apps and kiosks are user facing by category, whatever public_facing says",
		func(r, _ map[string]string) bool { return userFacingCategory[r["category"]] }},
	"internet_exposed": {"only OT must stay off the internet (SEC-011); a stated category other than ot settles it",
		func(r, _ map[string]string) bool { return r["category"] != "" && r["category"] != "ot" }},
	"criticality": {"sets severity only, and decides scope only without an offline backup (SEC-017) or, for OT, without a manual fallback (SEC-018)",
		func(r, _ map[string]string) bool {
			return r["resilience.offline_backup"] == "true" && (r["category"] != "ot" || r["resilience.manual_fallback"] != "")
		}},
	"resilience.offline_backup": {"only critical systems (OT, or criticality critical) must keep an offline backup (SEC-017)",
		func(r, _ map[string]string) bool {
			return r["criticality"] != "" && r["criticality"] != "critical" && r["category"] != "ot"
		}},
	"category":                 retiredOnly,
	"go_live":                  retiredOnly,
	"planned_retirement":       retiredOnly,
	"auth.default_credentials": retiredOnly,
	"role.cyber_accountable_officer.decision_authority": {"absent means true when the officer reports to a top executive, the schema's documented default; only false fails (SEC-001)",
		func(_, b map[string]string) bool { return topExecutive(b["reports_to"]) }},
	"excavation.conduit_installed": {"a dig with a Dig Once waiver owes no conduit (BB-002)",
		func(_, b map[string]string) bool { return b["dig_once_waiver"] != "" }},
	"excavation.length_m": {"the length decides only when conduit is missing or short of spare ducts, and not for a waived dig (BB-002)",
		func(_, b map[string]string) bool {
			return b["dig_once_waiver"] != "" || (b["conduit_installed"] == "true" && b["spare_ducts"] != "")
		}},
}

var retiredOnly = struct {
	reason string
	when   func(res, blk map[string]string) bool
}{"rules about systems apply to active ones; a retired system is out of scope",
	func(r, _ map[string]string) bool { return r["stage"] == "retired" }}

var userFacingCategory = map[string]bool{"web_service": true, "mobile_app": true, "kiosk": true}

// params are the values of policies/params.json the exemptions depend on:
// the data kinds with a retention limit and the top executives.
type exemptionParams struct {
	Retention     map[string]int `json:"retention_max_days"`
	TopExecutives []string       `json:"top_executives"`
}

var params = func() (p exemptionParams) {
	src, err := os.ReadFile("../policies/params.json")
	if err == nil {
		err = json.Unmarshal(src, &p)
	}
	if err != nil {
		panic(err)
	}
	return p
}()

func retentionLimited(kind string) bool {
	_, ok := params.Retention[kind]
	return ok
}

func topExecutive(role string) bool {
	for _, e := range params.TopExecutives {
		if e == role {
			return true
		}
	}
	return false
}

// TestDeletingAnyReadAttributeIsReported is the absence property: from the
// compliant inventory, delete, one at a time, every attribute a rule's
// metadata says it reads. Each deletion must yield at least one finding
// (fail or not stated): absence of evidence is never compliance.
func TestDeletingAnyReadAttributeIsReported(t *testing.T) {
	if testing.Short() {
		t.Skip("evaluates the compliant inventory once per attribute")
	}
	dir := "../fixtures/compliant"
	files := map[string][]byte{}
	entries, err := os.ReadDir(dir)
	require.NoError(t, err)
	for _, e := range entries {
		src, err := os.ReadFile(filepath.Join(dir, e.Name()))
		require.NoError(t, err)
		files[e.Name()] = src
	}
	eng := builtinEngine(t)
	read := map[string]bool{}
	for _, r := range eng.Rules() {
		for _, f := range r.Fields {
			read[f] = true
		}
	}

	// Every deletion is its own inventory (a directory of the compliant
	// files with one attribute cut), so one Check evaluates them all.
	names := make([]string, 0, len(files))
	for name := range files {
		names = append(names, name)
	}
	sort.Strings(names)
	mfs := fstest.MapFS{}
	var cuts []readAttribute
	var paths []string
	for _, name := range names {
		for _, a := range readAttributes(t, name, files[name], read) {
			dir := fmt.Sprintf("v%03d", len(cuts))
			for n, src := range files {
				if n == name {
					src = append(append([]byte{}, src[:a.start]...), src[a.end:]...)
				}
				mfs[dir+"/"+n] = &fstest.MapFile{Data: src}
			}
			a.file = name
			cuts = append(cuts, a)
			paths = append(paths, dir)
		}
	}
	deletions := len(cuts)
	e := builtinEngine(t, engine.WithFS(mfs))
	res, err := e.Check(context.Background(), paths)
	require.NoError(t, err)
	// A deleted required attribute is reported as a load error instead.
	reported := map[string]bool{}
	for _, e := range res.Errors {
		reported[e.Inventory] = true
	}
	for _, f := range res.Findings {
		if f.Suppressed == nil {
			reported[f.Inventory] = true
		}
	}
	for i, a := range cuts {
		if !reported[paths[i]] {
			t.Errorf("deleting %s (%s line %d) is not reported: a missing statement passed", a.field, a.file, a.line)
		}
	}
	require.Greater(t, deletions, 100, "the property must exercise the compliant inventory's attributes")
}

type readAttribute struct {
	field      string
	file       string
	line       int
	start, end int
}

// readAttributes lists the attributes of one file that some rule reads,
// by the field names rules use in metadata: the path below the resource,
// with or without block labels ("assessment.pia.date", "dataset.format",
// "conduit.*.encrypted"), or prefixed by the resource kind ("city.jurisdictions").
func readAttributes(t *testing.T, name string, src []byte, read map[string]bool) []readAttribute {
	t.Helper()
	f, diags := hclsyntax.ParseConfig(src, name, hcl.InitialPos)
	require.False(t, diags.HasErrors(), "%v", diags)
	var out []readAttribute
	var res map[string]string
	var walk func(body *hclsyntax.Body, path []step)
	walk = func(body *hclsyntax.Body, path []step) {
		blk := attributeText(src, body)
		for _, a := range body.Attributes {
			field, ok := matchField(append(path, step{name: a.Name}), read)
			if !ok {
				continue
			}
			if _, skip := conditionallyRead[field]; skip {
				continue
			}
			if c, ok := readOnlyWhen[field]; ok && c.when(res, blk) {
				continue
			}
			rng := a.SrcRange
			start, end := rng.Start.Byte, rng.End.Byte
			out = append(out, readAttribute{field: field, line: rng.Start.Line, start: start, end: end})
		}
		for _, b := range body.Blocks {
			label := ""
			if len(b.Labels) > 0 {
				label = b.Labels[0]
			}
			walk(b.Body, append(append([]step{}, path...), step{name: b.Type, label: label}))
		}
	}
	for _, b := range f.Body.(*hclsyntax.Body).Blocks {
		res = map[string]string{}
		collectText(src, b.Body, "", res)
		walk(&hclsyntax.Body{Blocks: hclsyntax.Blocks{b}}, nil)
	}
	return out
}

// attributeText is a block's own attributes as source text, quotes removed.
func attributeText(src []byte, body *hclsyntax.Body) map[string]string {
	out := map[string]string{}
	for _, a := range body.Attributes {
		r := a.Expr.Range()
		out[a.Name] = strings.Trim(string(src[r.Start.Byte:r.End.Byte]), `"`)
	}
	return out
}

// collectText is every attribute below body by path without block labels;
// the first of several same-named blocks wins (datasets use blk instead).
func collectText(src []byte, body *hclsyntax.Body, prefix string, out map[string]string) {
	for name, v := range attributeText(src, body) {
		if _, seen := out[prefix+name]; !seen {
			out[prefix+name] = v
		}
	}
	for _, b := range body.Blocks {
		collectText(src, b.Body, prefix+b.Type+".", out)
	}
}

type step struct{ name, label string }

func matchField(path []step, read map[string]bool) (string, bool) {
	inner := path[1:]
	var withLabels, withStar, plain []string
	for i, s := range inner {
		withLabels = append(withLabels, s.name)
		withStar = append(withStar, s.name)
		plain = append(plain, s.name)
		if s.label != "" && i < len(inner)-1 {
			withLabels = append(withLabels, s.label)
			withStar = append(withStar, "*")
		}
	}
	kind := path[0].name
	for _, parts := range [][]string{withLabels, withStar, plain} {
		for _, c := range []string{strings.Join(parts, "."), kind + "." + strings.Join(parts, ".")} {
			if read[c] {
				return c, true
			}
		}
	}
	return "", false
}
