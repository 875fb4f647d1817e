package engine

import (
	"bytes"
	"fmt"

	"github.com/hashicorp/hcl/v2"

	"github.com/citygate/citygate/engine/finding"
	"github.com/citygate/citygate/engine/inventory"
)

// locate turns one deny result into a located finding with its message
// rendered. The result shapes are those of data.citygate.lib: fail and
// not_stated results (status, template, args) and version-1 findings (a
// message). Anything else, or a template the rule does not define, is an
// error that names the rule, never a silently dropped or empty finding.
func (e *Engine) locate(inv *inventory.Inventory, rule *finding.Rule, raw any) (finding.Finding, error) {
	obj, _ := raw.(map[string]any)
	res, _ := obj["resource"].(map[string]any)
	kind, _ := res["kind"].(string)
	id, _ := res["id"].(string)
	field, _ := obj["field"].(string)
	if kind == "" || id == "" {
		return finding.Finding{}, fmt.Errorf("rule %s (%s) returned %v, not a result built with data.citygate.lib (fail, not_stated or finding)", rule.ID, rule.File, raw)
	}
	r := finding.Resource{Kind: kind, ID: id}
	status, template, args, msg, err := resultMessage(rule, obj, r, field)
	if err != nil {
		return finding.Finding{}, err
	}
	sev := rule.Severity
	if s, ok := obj["severity"].(string); ok {
		sev = finding.Severity(s)
		if !sev.Valid() {
			return finding.Finding{}, fmt.Errorf("rule %s (%s) returned severity %q; want critical, high, medium or low", rule.ID, rule.File, s)
		}
	}
	rng, _, ok := inv.Source.Locate(kind, id, field)
	if !ok {
		rng = firstFileStart(inv)
	}
	f := newFinding(inv, rule, sev, r, field, msg, rng)
	f.Status, f.Template, f.Args = status, template, args
	return f, nil
}

// resultMessage reads a result's status and renders its English message.
func resultMessage(rule *finding.Rule, obj map[string]any, r finding.Resource, field string) (st finding.Status, template string, args map[string]any, msg string, err error) {
	status, _ := obj["status"].(string)
	switch finding.Status(status) {
	case "":
		msg, _ = obj["message"].(string)
		if msg == "" {
			return "", "", nil, "", fmt.Errorf("rule %s (%s) returned %v with no message, status or template", rule.ID, rule.File, obj)
		}
		return finding.StatusFail, "", nil, msg, nil
	case finding.StatusNotStated:
		msg, err = finding.NotStatedMessage(rule, r, field)
		return finding.StatusNotStated, "", nil, msg, err
	case finding.StatusFail:
		template, _ = obj["template"].(string)
		if template == "" {
			return "", "", nil, "", fmt.Errorf("rule %s (%s) returned a fail result with no template: build it with lib.fail(resource, field, template, args)", rule.ID, rule.File)
		}
		args, _ = obj["args"].(map[string]any)
		if raw, present := obj["args"]; present && args == nil && raw != nil {
			return "", "", nil, "", fmt.Errorf("rule %s (%s), message template %q: args is %v, not an object", rule.ID, rule.File, template, raw)
		}
		if args == nil {
			args = map[string]any{}
		}
		msg, err = finding.RenderMessage(rule, template, args)
		return finding.StatusFail, template, args, msg, err
	}
	return "", "", nil, "", fmt.Errorf("rule %s (%s) returned status %q; want fail or not_stated", rule.ID, rule.File, status)
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
		Area:        areaOf(rule),
		Controls:    rule.Controls,
		Status:      finding.StatusFail,
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

// areaOf is a rule's area; rules without one (the waiver rules) are
// grouped under their principle, as the loader does for user rules.
func areaOf(rule *finding.Rule) string {
	if rule.Area == "" {
		return rule.Principle
	}
	return rule.Area
}
