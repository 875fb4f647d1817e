package engine_test

import (
	"context"
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
	var walk func(body *hclsyntax.Body, path []step)
	walk = func(body *hclsyntax.Body, path []step) {
		for _, a := range body.Attributes {
			field, ok := matchField(append(path, step{name: a.Name}), read)
			if !ok {
				continue
			}
			if _, skip := conditionallyRead[field]; skip {
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
	walk(f.Body.(*hclsyntax.Body), nil)
	return out
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
