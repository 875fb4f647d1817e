package waiver

import (
	"fmt"
	"strings"
	"time"

	"github.com/hashicorp/hcl/v2"
	"github.com/open-policy-agent/opa/v1/ast"

	"github.com/citygate/citygate/engine/finding"
	"github.com/citygate/citygate/engine/inventory"
)

// DefaultMaxDays is params.max_waiver_days when no policy says otherwise.
const DefaultMaxDays = 365

// Waiver is one waiver block of an inventory.
type Waiver struct {
	RuleID     string
	Resources  []string
	Fields     []string
	Reason     string
	ApprovedBy string
	ApprovedOn string
	Expires    string
	Ticket     string
	// node is the waiver block in the source map.
	node *inventory.Node
}

// Read returns the inventory's waivers in document order; every waiver
// has a node (methods that locate it never meet nil).
func Read(inv *inventory.Inventory) []Waiver {
	obj, ok := inv.Doc.(ast.Object)
	if !ok {
		return nil
	}
	t := obj.Get(ast.StringTerm("waivers"))
	if t == nil {
		return nil
	}
	raw, err := ast.JSON(t.Value)
	if err != nil {
		return nil
	}
	items, _ := raw.([]any)
	var nodes []*inventory.Node
	if inv.Source != nil {
		nodes = inv.Source.Blocks("waiver")
	}
	out := make([]Waiver, 0, len(items))
	for i, it := range items {
		m, _ := it.(map[string]any)
		w := Waiver{
			RuleID:     str(m["rule"]),
			Resources:  strs(m["resources"]),
			Fields:     strs(m["fields"]),
			Reason:     str(m["reason"]),
			ApprovedBy: str(m["approved_by"]),
			ApprovedOn: str(m["approved_on"]),
			Expires:    str(m["expires"]),
			Ticket:     str(m["ticket"]),
		}
		if i < len(nodes) && nodes[i] != nil {
			w.node = nodes[i]
		} else {
			// The source map always holds the block; should it not, the
			// waiver's problems point at the inventory rather than panic.
			at := hcl.Range{Filename: inv.Path, Start: hcl.InitialPos, End: hcl.InitialPos}
			w.node = &inventory.Node{Range: at, Header: at}
		}
		out = append(out, w)
	}
	return out
}

// Active reports whether the waiver still suppresses on date asOf: it
// expires at the end of its expires day.
func (w Waiver) Active(asOf string) bool { return asOf <= w.Expires }

// Matches reports whether the waiver covers a finding.
func (w Waiver) Matches(f *finding.Finding) bool {
	if f.RuleID != w.RuleID {
		return false
	}
	if !contains(w.Resources, f.Resource.String()) {
		return false
	}
	return len(w.Fields) == 0 || contains(w.Fields, f.Field)
}

// Check reports waivers that cannot be right whatever the findings: an
// unknown rule id or resource, or an expiry further than maxDays after its
// approval (or, without approved_on, after the evaluation date).
func Check(waivers []Waiver, inv *inventory.Inventory, knownRule func(string) bool, asOf string, maxDays int) hcl.Diagnostics {
	declared := map[string]bool{}
	for _, r := range inv.Resources {
		declared[r.String()] = true
	}
	var diags hcl.Diagnostics
	for _, w := range waivers {
		if knownRule != nil && !knownRule(w.RuleID) {
			diags = append(diags, w.diag(w.labelRange(), "Waiver for an unknown rule",
				fmt.Sprintf("No loaded rule has the id %s; run citygate rules to list rule ids.", w.RuleID)))
		}
		for i, r := range w.Resources {
			if !declared[r] {
				diags = append(diags, w.diag(w.elementRange("resources", i), "Waiver for an unknown resource",
					fmt.Sprintf("%s is not declared in this inventory; name resources as kind.id, e.g. system.traffic-signal-control.", r)))
			}
		}
		from := asOf
		if w.ApprovedOn != "" {
			from = w.ApprovedOn
		}
		if days := daysBetween(from, w.Expires); days > maxDays {
			diags = append(diags, w.diag(w.fieldRange("expires"), "Waiver expires too late",
				fmt.Sprintf("The waiver runs %d days from %s; the limit is %d days (params.max_waiver_days). Accepted risk must be reviewed.", days, from, maxDays)))
		}
	}
	return diags
}

func (w Waiver) diag(rng hcl.Range, summary, detail string) *hcl.Diagnostic {
	return &hcl.Diagnostic{Severity: hcl.DiagError, Summary: summary, Detail: detail, Subject: rng.Ptr()}
}

func (w Waiver) labelRange() hcl.Range {
	if n, ok := w.node.Field("rule"); ok {
		return n.Range
	}
	return w.node.Header
}

func (w Waiver) fieldRange(name string) hcl.Range {
	if n, ok := w.node.Field(name); ok {
		return n.Range
	}
	return w.node.Header
}

func (w Waiver) elementRange(name string, i int) hcl.Range {
	if n, ok := w.node.Field(name); ok {
		if el, ok := n.Element(i); ok {
			return el.Range
		}
		return n.Range
	}
	return w.node.Header
}

func daysBetween(from, to string) int {
	a, err1 := time.Parse(time.DateOnly, from)
	b, err2 := time.Parse(time.DateOnly, to)
	if err1 != nil || err2 != nil {
		return 0
	}
	return int(b.Sub(a).Hours() / 24)
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

func str(v any) string {
	s, _ := v.(string)
	return strings.TrimSpace(s)
}

func strs(v any) []string {
	items, _ := v.([]any)
	out := make([]string, 0, len(items))
	for _, it := range items {
		if s, ok := it.(string); ok {
			out = append(out, s)
		}
	}
	return out
}
