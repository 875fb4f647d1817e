package engine

import (
	"sort"

	"github.com/open-policy-agent/opa/v1/ast"

	"github.com/citygate/citygate/engine/finding"
	"github.com/citygate/citygate/engine/inventory"
)

// headerFacts are what report headers name an inventory by: its city (id
// and name attribute) and the distinct vendors its systems state. They
// are read from the loaded document, so an inventory that did not load
// has neither (its path still names it).
func headerFacts(inv *inventory.Inventory) (*finding.City, []string) {
	if inv == nil || inv.Doc == nil {
		return nil, nil
	}
	doc, ok := inv.Doc.(ast.Object)
	if !ok {
		return nil, nil
	}
	var city *finding.City
	if t := doc.Get(ast.StringTerm("city")); t != nil {
		if c, ok := t.Value.(ast.Object); ok {
			city = &finding.City{ID: stringField(c, "id"), Name: stringField(c, "name")}
		}
	}
	seen := map[string]bool{}
	var vendors []string
	if t := doc.Get(ast.StringTerm("systems")); t != nil {
		if arr, ok := t.Value.(*ast.Array); ok {
			arr.Foreach(func(s *ast.Term) {
				if o, ok := s.Value.(ast.Object); ok {
					if v := stringField(o, "vendor"); v != "" && !seen[v] {
						seen[v] = true
						vendors = append(vendors, v)
					}
				}
			})
		}
	}
	sort.Strings(vendors)
	return city, vendors
}

// CityOf is an inventory's city block (id and name), nil when it has
// none or did not load: what a tender report names its city by.
func CityOf(inv *inventory.Inventory) *finding.City {
	c, _ := headerFacts(inv)
	return c
}

func stringField(o ast.Object, key string) string {
	t := o.Get(ast.StringTerm(key))
	if t == nil {
		return ""
	}
	s, _ := t.Value.(ast.String)
	return string(s)
}
