package tender

import (
	"fmt"
	"io/fs"
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/open-policy-agent/opa/v1/ast"

	"github.com/citygate/citygate/engine/finding"
	"github.com/citygate/citygate/engine/inventory"
	"github.com/citygate/citygate/internal/didyoumean"
)

// Bid is one vendor's inventory as the tender reads it.
type Bid struct {
	// Path is the bid file or directory as the user named it.
	Path string
	// Vendor is the bid's id: the vendor its systems name.
	Vendor string
	// Inventory is the bid composed with the city's context and the
	// tender's waivers for it; nil when the bid is not valid.
	Inventory *inventory.Inventory
	// Diags are load problems and violations of what a bid must be
	// (missing or unknown lot, missing or several vendors).
	Diags hcl.Diagnostics
	// Findings are the BID-* findings: what the bid held that a bid may not.
	Findings []finding.Finding

	raw         *inventory.Inventory
	vendorRange hcl.Range
	fileLines   map[string][]string
}

// contextKinds are the blocks that carry city context: never a bid's.
var contextKinds = []string{"city", "zone", "excavation"}

// LoadBid reads one bid, checks what a bid must and may hold, and composes
// it with the city's context.
func (t *Tender) LoadBid(fsys fs.FS, path string, limits inventory.Limits) *Bid {
	raw, diags := inventory.Load(fsys, path, inventory.Options{Limits: limits, Schema: t.language})
	b := &Bid{Path: path, raw: raw, Diags: diags}
	if raw.Doc == nil {
		return b
	}
	systems := systemObjects(raw)
	nodes := raw.Source.Blocks("system")
	if len(nodes) == 0 {
		b.errorf(hcl.Range{Filename: firstFile(raw), Start: hcl.InitialPos, End: hcl.InitialPos},
			"Bid without systems", "A bid holds system blocks, each with vendor and lot; %s has none.", path)
	}
	for i, n := range nodes {
		b.checkSystem(t, n, systems[i])
	}
	for _, kind := range contextKinds {
		for _, n := range raw.Source.Blocks(kind) {
			b.Findings = append(b.Findings, b.newFinding(ContextID, finding.Resource{Kind: kind, ID: n.Label()}, "", n.Header,
				"context", map[string]string{"kind": kind, "id": n.Label()}))
		}
	}
	for _, n := range raw.Source.Blocks("waiver") {
		b.Findings = append(b.Findings, b.newFinding(WaiverID, finding.Resource{Kind: "waiver", ID: n.Label()}, "", n.Header,
			"waiver", map[string]string{"rule": n.Label()}))
	}
	if b.Diags.HasErrors() {
		return b
	}
	b.Inventory = t.compose(b)
	return b
}

// checkSystem checks vendor and lot, and reports classification the bid
// states differently from its lot.
func (b *Bid) checkSystem(t *Tender, n *inventory.Node, sys map[string]any) {
	vendor, _ := sys["vendor"].(string)
	switch {
	case vendor == "":
		b.errorf(n.Header, "Missing vendor", "System %q of a bid must name its vendor (vendor = \"...\"): the vendor is the bid's id, which the tender's waivers name.", n.Label())
	case b.Vendor == "":
		b.Vendor = vendor
		b.vendorRange = attrRange(n, "vendor")
	case vendor != b.Vendor:
		b.errorf(attrRange(n, "vendor"), "Two vendors in one bid",
			"System %q names vendor %q, but this bid is %q's (%s). A bid is one vendor's; submit each vendor's systems as its own bid.",
			n.Label(), vendor, b.Vendor, pos(b.vendorRange))
	}
	lotID, _ := sys["lot"].(string)
	lot, ok := t.Lot(lotID)
	switch {
	case lotID == "":
		b.errorf(n.Header, "Missing lot", "System %q of a bid must name the lot it is offered for (lot = \"...\"); the tender's lots are %s.", n.Label(), strings.Join(t.LotIDs(), ", "))
		return
	case !ok:
		detail := fmt.Sprintf("The tender has no lot %q; its lots are %s.", lotID, strings.Join(t.LotIDs(), ", "))
		if best := didyoumean.Closest(lotID, t.LotIDs()); best != "" {
			detail += fmt.Sprintf(" Did you mean %q?", best)
		}
		b.Diags = append(b.Diags, &hcl.Diagnostic{Severity: hcl.DiagError, Summary: "Unknown lot", Detail: detail, Subject: attrRange(n, "lot").Ptr()})
		return
	}
	for _, c := range []struct{ field, want string }{
		{"category", lot.Category}, {"criticality", lot.Criticality}, {"stage", "procurement"},
	} {
		stated, isSet := sys[c.field].(string)
		if !isSet || stated == c.want {
			continue
		}
		b.Findings = append(b.Findings, b.newFinding(ClassificationID, finding.Resource{Kind: "system", ID: n.Label()}, c.field,
			attrRange(n, c.field), "classification",
			map[string]string{"id": n.Label(), "field": c.field, "stated": stated, "want": c.want, "lot": lot.ID}))
	}
}

// compose builds the inventory the engine evaluates for the bid: the
// city's block and zones, the bid's systems classified by their lots, and
// the tender's waivers that name this bid. Nothing else of the bid is read.
func (t *Tender) compose(b *Bid) *inventory.Inventory {
	return inventory.Compose(b.Path, b.Vendor,
		inventory.Part{From: t.City, Kind: "city"},
		inventory.Part{From: t.City, Kind: "zone"},
		inventory.Part{From: b.raw, Kind: "system", Rewrite: t.classify},
		inventory.Part{From: t.File, Kind: "waiver", Keep: func(w ast.Object) bool {
			return stringField(w, "bid") == b.Vendor
		}},
	)
}

// classify gives a bid system its lot's category and criticality and the
// stage procurement, whatever the bid states.
func (t *Tender) classify(sys ast.Object) ast.Object {
	lot, _ := t.Lot(stringField(sys, "lot"))
	out := sys.Copy()
	out.Insert(ast.StringTerm("category"), ast.StringTerm(lot.Category))
	out.Insert(ast.StringTerm("criticality"), ast.StringTerm(lot.Criticality))
	out.Insert(ast.StringTerm("stage"), ast.StringTerm("procurement"))
	return out
}

func (b *Bid) errorf(rng hcl.Range, summary, format string, args ...any) {
	b.Diags = append(b.Diags, &hcl.Diagnostic{Severity: hcl.DiagError, Summary: summary, Detail: fmt.Sprintf(format, args...), Subject: rng.Ptr()})
}

// systemObjects are the bid's systems as plain values, in block order.
func systemObjects(inv *inventory.Inventory) []map[string]any {
	raw, err := ast.JSON(inv.Doc)
	if err != nil {
		return nil
	}
	doc, _ := raw.(map[string]any)
	items, _ := doc["systems"].([]any)
	out := make([]map[string]any, len(inv.Source.Blocks("system")))
	for i := range out {
		if i < len(items) {
			out[i], _ = items[i].(map[string]any)
		}
	}
	return out
}

func stringField(obj ast.Object, key string) string {
	t := obj.Get(ast.StringTerm(key))
	if t == nil {
		return ""
	}
	s, _ := t.Value.(ast.String)
	return string(s)
}

// attrRange is an attribute's "name = value", or the block header when the
// attribute is absent.
func attrRange(n *inventory.Node, name string) hcl.Range {
	if a, ok := n.Field(name); ok {
		return a.Range
	}
	return n.Header
}

func firstFile(inv *inventory.Inventory) string {
	for name := range inv.Files {
		return name
	}
	return inv.Path
}

func pos(r hcl.Range) string {
	return fmt.Sprintf("%s:%d,%d", r.Filename, r.Start.Line, r.Start.Column)
}
