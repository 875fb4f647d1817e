package engine

import (
	"fmt"

	"github.com/hashicorp/hcl/v2"

	"github.com/citygate/citygate/engine/finding"
	"github.com/citygate/citygate/engine/inventory"
	"github.com/citygate/citygate/internal/workpool"
)

// Merge rebuilds, from the results of runs over parts of a portfolio
// (shards), the Result one run over all of paths would have given: the
// same order, counts and verdicts, so every report renders the same bytes.
// What the JSON document does not carry (the resources an inventory
// declares, the source lines under a finding) is read again from the
// inventories' files, so Merge runs in a checkout of the same commit. The
// engine must have the shards' policies, --as-of and --fail-on.
func (e *Engine) Merge(paths []string, parts []*finding.Result) (*finding.Result, error) {
	for _, p := range parts {
		if p.AsOf != e.asOf {
			return nil, fmt.Errorf("results evaluated as of %s and %s cannot be merged: run every shard with the same --as-of", p.AsOf, e.asOf)
		}
	}
	outcomes := make([]outcome, len(paths))
	files := make([]map[string]*inventory.SourceFile, len(paths))
	// Each worker keeps what merging needs of an inventory, not its
	// document, so memory stays near a check's.
	workpool.ForEach(len(paths), e.parallel, func(i int) {
		inv, _ := inventory.Load(e.fsys, paths[i], e.loadOptions())
		outcomes[i] = outcome{
			inventory: finding.InventoryResult{Path: paths[i], Scope: inv.Name, Resources: inv.Resources, Loaded: inv.Doc != nil && emptyInventory(inv) == nil},
			systems:   inv.Systems,
			scope:     scopeOf(inv),
		}
		files[i] = inv.Files
	})
	owner := map[string]int{} // file -> inventory index
	for i := range paths {
		for name := range files[i] {
			owner[name] = i
		}
	}
	index := map[string]int{}
	for i, p := range paths {
		index[p] = i
	}
	for _, part := range parts {
		for _, f := range part.Findings {
			i, ok := owner[f.Location.File]
			if !ok {
				return nil, fmt.Errorf("finding %s on %s: no inventory given to merge holds that file (merge needs the same inventories and files as the shards)", f.RuleID, f.Location.File)
			}
			f.Inventory = paths[i]
			if file := files[i][f.Location.File]; file != nil {
				f.SourceLines = sourceLines(file.Bytes, byteRange(file.Bytes, f.Location))
			}
			outcomes[i].findings = append(outcomes[i].findings, f)
		}
		// Evidence, the profiles each inventory selected and its city and
		// vendors come from the shard that evaluated it.
		for _, inv := range part.Inventories {
			if i, ok := index[inv.Path]; ok {
				outcomes[i].inventory.Profiles = inv.Profiles
				outcomes[i].inventory.City, outcomes[i].inventory.Vendors = inv.City, inv.Vendors
			}
		}
		for _, ev := range part.Evidence {
			i, ok := index[ev.Inventory]
			if !ok {
				return nil, fmt.Errorf("evidence of inventory %s: that inventory is not among those given to merge", ev.Inventory)
			}
			outcomes[i].evidence = append(outcomes[i].evidence, ev)
		}
		for _, err := range part.Errors {
			if err.Summary == "Duplicate city id" || err.Summary == "Duplicate inventory name" {
				continue // decided again over the whole portfolio
			}
			i, ok := index[err.Inventory]
			if !ok {
				return nil, fmt.Errorf("error %q of inventory %s: that inventory is not among those given to merge", err.Summary, err.Inventory)
			}
			if err.Summary == "Evaluation failed" {
				outcomes[i].inventory.Loaded = false
			}
			outcomes[i].errors = append(outcomes[i].errors, err)
		}
	}
	return e.assemble(outcomes), nil
}

// byteRange turns a location's lines and columns back into byte offsets
// in src: columns count characters; the offset of a column past the line's
// end is the line's end.
func byteRange(src []byte, l finding.Location) hcl.Range {
	return hcl.Range{
		Filename: l.File,
		Start:    hcl.Pos{Line: l.Start.Line, Column: l.Start.Column, Byte: inventory.Offset(src, l.Start.Line, l.Start.Column)},
		End:      hcl.Pos{Line: l.End.Line, Column: l.End.Column, Byte: inventory.Offset(src, l.End.Line, l.End.Column)},
	}
}
