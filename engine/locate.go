package engine

import (
	"bytes"
	"fmt"

	"github.com/hashicorp/hcl/v2"

	"github.com/citygate/citygate/engine/finding"
	"github.com/citygate/citygate/engine/inventory"
)

// locate turns one deny result into a located finding. The result shape is
// the contract of data.citygate.lib.finding; anything else is an error that
// names the rule, never a silently dropped finding.
func (e *Engine) locate(inv *inventory.Inventory, rule *finding.Rule, raw any) (finding.Finding, error) {
	obj, _ := raw.(map[string]any)
	res, _ := obj["resource"].(map[string]any)
	kind, _ := res["kind"].(string)
	id, _ := res["id"].(string)
	field, _ := obj["field"].(string)
	msg, _ := obj["message"].(string)
	if kind == "" || id == "" || msg == "" {
		return finding.Finding{}, fmt.Errorf("rule %s (%s) returned %v, not a finding built with data.citygate.lib.finding(resource, field, message)", rule.ID, rule.File, raw)
	}
	sev := rule.Severity
	if s, ok := obj["severity"].(string); ok {
		sev = finding.Severity(s)
		if !sev.Valid() {
			return finding.Finding{}, fmt.Errorf("rule %s (%s) returned severity %q; want critical, high, medium or low", rule.ID, rule.File, s)
		}
	}
	r := finding.Resource{Kind: kind, ID: id}
	rng, _, ok := inv.Source.Locate(kind, id, field)
	if !ok {
		rng = firstFileStart(inv)
	}
	f := finding.Finding{
		RuleID:      rule.ID,
		Title:       rule.Title,
		Severity:    sev,
		Principle:   rule.Principle,
		Controls:    rule.Controls,
		Message:     msg,
		Resource:    r,
		Field:       field,
		Location:    inventory.Location(rng),
		Remediation: rule.Remediation,
		HelpURI:     rule.HelpURI,
		Fingerprint: finding.Fingerprint(inv.Name, rule.ID, r, field),
		Inventory:   inv.Path,
	}
	if file := inv.Files[rng.Filename]; file != nil {
		f.SourceLines = sourceLines(file.Bytes, rng)
	}
	return f, nil
}

// sourceLines copies the lines a range covers, for snippets and for
// converting columns to other units. Copying lets the file bytes go.
func sourceLines(src []byte, rng hcl.Range) []string {
	start := rng.Start.Byte
	if start > len(src) {
		return nil
	}
	for start > 0 && src[start-1] != '\n' {
		start--
	}
	end := rng.End.Byte
	if end < rng.Start.Byte {
		end = rng.Start.Byte
	}
	if end > len(src) {
		end = len(src)
	}
	if i := bytes.IndexByte(src[end:], '\n'); i >= 0 {
		end += i
	} else {
		end = len(src)
	}
	lines := bytes.Split(bytes.TrimRight(src[start:end], "\r"), []byte("\n"))
	out := make([]string, len(lines))
	for i, l := range lines {
		out[i] = string(bytes.TrimRight(l, "\r"))
	}
	return out
}

// firstFileStart is where a finding about an undeclared resource points.
func firstFileStart(inv *inventory.Inventory) hcl.Range {
	name := inv.Path
	for _, r := range inv.Resources {
		name = r.Location.File
		break
	}
	return hcl.Range{Filename: name, Start: hcl.InitialPos, End: hcl.InitialPos}
}
