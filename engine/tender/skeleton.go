package tender

import (
	"fmt"
	"sort"
	"strings"

	"github.com/citygate/citygate/engine/finding"
)

// BidSkeleton writes a bid for one lot: a system with vendor and lot set
// and every field one of rules reads that the vendor (or either party)
// states; the lot sets category, criticality and stage. rules are those
// RulesForLot returns, so the skeleton asks only what applies to the lot.
func BidSkeleton(t *Tender, lotID string, rules []finding.Rule) (string, error) {
	lot, ok := t.Lot(lotID)
	if !ok {
		return "", fmt.Errorf("the tender %s has no lot %q; its lots are %s", t.Path, lotID, strings.Join(t.LotIDs(), ", "))
	}
	sys := newSkelBlock("system", "your-system", "id", topSchemas()["system"])
	vendorSide := func(owner string) bool { return owner != OwnerCity }
	for _, r := range rules {
		for _, f := range r.Fields {
			sys.add(strings.Split(f, "."), r.ID, vendorSide)
		}
	}
	delete(sys.attrs, "vendor")
	delete(sys.attrs, "lot")
	var b strings.Builder
	fmt.Fprintf(&b, "# Bid skeleton for lot %q of tender %q: %s.\n", lot.ID, t.ID, comment(t.Title))
	fmt.Fprintf(&b, "# Written by citygate init bid. The lot fixes category = %q and criticality = %q,\n", lot.Category, lot.Criticality)
	b.WriteString("# and every bid system is at stage procurement: do not state them. Replace each\n")
	b.WriteString("# null with the fact about your system; a field left null is reported as not\n")
	b.WriteString("# stated by every rule that needs it (absence is never compliance). Waivers,\n")
	b.WriteString("# city and zone blocks are the city's: a bid holding one cannot be eligible.\n")
	b.WriteString("# The fields are those the rules applying to this lot read; stating more (say\n")
	b.WriteString("# public_facing = true) can bring in more rules: citygate rules -f markdown.\n")
	b.WriteString("# Check it as the city will: citygate check --tender TENDER THIS-FILE\n\n")
	fmt.Fprintf(&b, "system %q {\n", sys.label)
	b.WriteString("  # Your company's id, the same in every system of the bid: the bid's id.\n")
	b.WriteString("  vendor = \"your-company\"\n")
	fmt.Fprintf(&b, "  # The lot this system is offered for.\n  lot = %q\n", lot.ID)
	writeBody(&b, sys, "  ")
	b.WriteString("}\n")
	return b.String(), nil
}

// CitySkeleton writes a city inventory: the city block, a zone and an
// excavation, with every field a city, zone or excavation rule reads.
func CitySkeleton(rules []finding.Rule) string {
	schemasByType := topSchemas()
	tops := []*skelBlock{
		newSkelBlock("city", "your-city", "id", schemasByType["city"]),
		newSkelBlock("zone", "example", "id", schemasByType["zone"]),
		newSkelBlock("excavation", "example", "id", schemasByType["excavation"]),
	}
	all := func(string) bool { return true }
	// No rule reads the jurisdictions: the engine does, to select the
	// profiles (eu, uk, us) whose rules apply.
	tops[0].add([]string{"jurisdictions"}, "the jurisdiction profiles", all)
	for _, r := range rules {
		for _, f := range r.Fields {
			segs := strings.Split(f, ".")
			for _, top := range tops {
				s := segs
				if s[0] == top.typeName && len(s) > 1 {
					s = s[1:]
				}
				if top.add(s, r.ID, all) {
					break
				}
			}
		}
	}
	var b strings.Builder
	b.WriteString("# City skeleton, written by citygate init city: every field the city-level,\n")
	b.WriteString("# zone and public-works rules read. Replace each null with the city's fact; a\n")
	b.WriteString("# field left null is reported as not stated by every rule that needs it.\n")
	b.WriteString("# Rename or copy the zone and excavation blocks for each of yours.\n")
	for _, top := range tops {
		fmt.Fprintf(&b, "\n%s %q {\n", top.typeName, top.label)
		writeBody(&b, top, "  ")
		b.WriteString("}\n")
	}
	return b.String()
}

// writeBody writes a block's attributes, then its blocks, sorted by name.
func writeBody(b *strings.Builder, blk *skelBlock, indent string) {
	names := make([]string, 0, len(blk.attrs))
	for n := range blk.attrs {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		a := blk.attrs[n]
		if d, ok := a.schema["description"].(string); ok {
			fmt.Fprintf(b, "%s# %s\n", indent, comment(d))
		}
		fmt.Fprintf(b, "%s# %s; set by %s; read by %s\n", indent, valueKind(a.schema), ownerOf(a.schema), strings.Join(sortedKeys(a.rules), ", "))
		fmt.Fprintf(b, "%s%s = null\n", indent, n)
	}
	keys := make([]string, 0, len(blk.blocks))
	for k := range blk.blocks {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		c := blk.blocks[k]
		b.WriteString("\n")
		if d, ok := c.schema["description"].(string); ok {
			fmt.Fprintf(b, "%s# %s\n", indent, comment(d))
		}
		var body strings.Builder
		if c.label != "" {
			fmt.Fprintf(&body, "%s %q {\n", c.typeName, c.label)
		} else {
			fmt.Fprintf(&body, "%s {\n", c.typeName)
		}
		writeBody(&body, c, "  ")
		body.WriteString("}\n")
		prefix := indent
		if req := requiredValues(c); len(req) > 0 {
			// null does not satisfy a required argument: the block is an
			// example to copy, not input.
			fmt.Fprintf(b, "%s# One block per item; %s required. Uncomment and fill in:\n", indent, strings.Join(req, ", "))
			prefix = indent + "# "
		}
		for _, line := range strings.SplitAfter(strings.TrimSuffix(body.String(), "\n"), "\n") {
			b.WriteString(strings.TrimRight(prefix+line, " "))
		}
		b.WriteString("\n")
	}
}

// requiredValues are the arguments a block requires besides its label.
func requiredValues(c *skelBlock) []string {
	req, _ := c.schema["required"].([]any)
	var out []string
	for _, r := range req {
		name := fmt.Sprint(r)
		if name == c.labelProp {
			continue
		}
		out = append(out, name)
	}
	return out
}

// valueKind words what a field takes: its type and allowed values.
func valueKind(p map[string]any) string {
	if enum, ok := p["enum"].([]any); ok {
		vals := make([]string, len(enum))
		for i, v := range enum {
			vals[i] = fmt.Sprint(v)
		}
		if len(vals) > 20 {
			return "an ISO 3166-1 alpha-2 country code or a region group (EU, EEA), any case"
		}
		return "one of " + strings.Join(vals, ", ")
	}
	t := fmt.Sprint(p["type"])
	if f, ok := p["format"].(string); ok {
		if f == "date" {
			return "a date YYYY-MM-DD"
		}
		return "a " + f
	}
	if t == "array" {
		if items, ok := p["items"].(map[string]any); ok {
			if inner := valueKind(items); inner != "a string" {
				return "a list, each " + inner
			}
			return "a list of strings"
		}
	}
	switch t {
	case "boolean":
		return "true or false"
	case "integer":
		return "an integer"
	case "object":
		return "an object"
	}
	return "a " + t
}

func comment(s string) string {
	return strings.Join(strings.Fields(s), " ")
}

func sortedKeys(m map[string]bool) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}
