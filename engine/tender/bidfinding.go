package tender

import (
	"strings"

	"github.com/hashicorp/hcl/v2"

	"github.com/citygate/citygate/engine/finding"
	"github.com/citygate/citygate/engine/inventory"
)

// newFinding builds one BID-* finding as the engine builds rule findings:
// metadata from the rule, location and snippet from the source, and a
// fingerprint scoped by the vendor (the path's base name before the vendor
// is known).
func (b *Bid) newFinding(ruleID string, r finding.Resource, field string, rng hcl.Range, template string, args map[string]string) finding.Finding {
	rule := rule(ruleID)
	scope := b.Vendor
	if scope == "" {
		scope = b.raw.Name
	}
	args["bid"] = scope
	msg := rule.Messages[template]
	for k, v := range args {
		msg = strings.ReplaceAll(msg, "{"+k+"}", v)
	}
	anyArgs := make(map[string]any, len(args))
	for k, v := range args {
		anyArgs[k] = v
	}
	f := finding.Finding{
		RuleID:      rule.ID,
		Title:       rule.Title,
		Severity:    rule.Severity,
		Principle:   rule.Principle,
		Area:        rule.Area,
		Status:      finding.StatusFail,
		Template:    template,
		Args:        anyArgs,
		Controls:    rule.Controls,
		Message:     msg,
		Resource:    r,
		Field:       field,
		Location:    inventory.Location(rng),
		Remediation: rule.Remediation,
		HelpURI:     rule.HelpURI,
		Fingerprint: finding.Fingerprint(scope, rule.ID, r, field),
		Inventory:   b.Path,
	}
	f.SourceLines = b.lines(rng)
	return f
}

// lines copies the source lines a range covers, for snippets. Files are
// split once: a hostile bid may hold thousands of waiver blocks.
func (b *Bid) lines(rng hcl.Range) []string {
	if b.fileLines == nil {
		b.fileLines = map[string][]string{}
	}
	all, ok := b.fileLines[rng.Filename]
	if !ok {
		if file := b.raw.Files[rng.Filename]; file != nil {
			all = strings.Split(string(file.Bytes), "\n")
		}
		b.fileLines[rng.Filename] = all
	}
	if rng.Start.Line < 1 || rng.End.Line > len(all) || rng.End.Line < rng.Start.Line {
		return nil
	}
	out := make([]string, 0, rng.End.Line-rng.Start.Line+1)
	for _, l := range all[rng.Start.Line-1 : rng.End.Line] {
		out = append(out, strings.TrimRight(l, "\r"))
	}
	return out
}
