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
	return newFinding(inv, rule, sev, r, field, msg, rng), nil
}

// newFinding is the one place a finding is built, whatever produced it (a
// rule, a gate, a waiver): metadata from the rule, location and snippet
// from the source, fingerprint from rule, resource and field.
func newFinding(inv *inventory.Inventory, rule *finding.Rule, sev finding.Severity, r finding.Resource, field, msg string, rng hcl.Range) finding.Finding {
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
	return f
}

// Findings carry at most this much of their source. A hostile file can put
// thousands of findings on one long line, or on one huge multi-line value:
// copying that source for each finding, and printing it, made a 110 KB bid
// cost 5 GB and a minute and a half. A first line longer than maxSourceLine
// is not carried at all (the text format then shows no snippet, and SARIF
// counts that finding's columns in characters); of a long range, the lines
// up to maxSourceBytes are.
const (
	maxSourceLine  = 4 << 10
	maxSourceBytes = 16 << 10
)

// sourceLines copies the lines a range covers, for snippets and for
// converting columns to other units. Copying lets the file bytes go.
func sourceLines(src []byte, rng hcl.Range) []string {
	start := rng.Start.Byte
	if start < 0 || start > len(src) {
		return nil
	}
	lineStart := start
	for lineStart > 0 && src[lineStart-1] != '\n' {
		if start-lineStart >= maxSourceLine {
			return nil
		}
		lineStart--
	}
	end := min(max(rng.End.Byte, start), len(src))
	var out []string
	budget := maxSourceBytes
	for pos := lineStart; pos <= end && pos <= len(src); {
		rest := src[pos:]
		n := bytes.IndexByte(rest[:min(len(rest), maxSourceLine+1)], '\n')
		if n < 0 {
			if len(rest) > maxSourceLine {
				break
			}
			n = len(rest)
		}
		if n > budget {
			break
		}
		budget -= n
		out = append(out, string(bytes.TrimRight(rest[:n], "\r")))
		pos += n + 1
	}
	return out
}

// firstFileStart is where a finding about an undeclared resource points.
func firstFileStart(inv *inventory.Inventory) hcl.Range {
	name := inv.Path
	if len(inv.Resources) > 0 {
		name = inv.Resources[0].Location.File
	}
	return hcl.Range{Filename: name, Start: hcl.InitialPos, End: hcl.InitialPos}
}
