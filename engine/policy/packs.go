package policy

import (
	"encoding/json"
	"fmt"
	"sort"
	"strings"

	"github.com/open-policy-agent/opa/v1/ast"

	"github.com/citygate/citygate/engine/pack"
	"github.com/citygate/citygate/internal/didyoumean"
	"github.com/citygate/citygate/schemas"
)

// customKey is the params key that holds the packs' own params:
// params.custom.<pack> in the config, data.citygate.params.custom.<pack>
// in Rego.
const customKey = "custom"

// loadPacks opens the pack of every user source (a source may carry one
// already opened, as a bundle does) and keeps the named ones. Two named
// packs with one name, or a pack that needs a newer citygate than
// version, are errors.
func loadPacks(sources []Source, version string) ([]*pack.Pack, Errors) {
	var out []*pack.Pack
	var errs Errors
	byName := map[string]*pack.Pack{}
	for _, s := range sources {
		if s.Builtin {
			continue
		}
		p := s.Pack
		if p == nil {
			var err error
			if p, err = pack.Open(s.FS, s.Prefix); err != nil {
				errs = append(errs, &Error{File: s.Prefix, Message: err.Error()})
				continue
			}
		}
		if version != "" && !p.Manifest.Supports(version) {
			errs = append(errs, &Error{File: p.Root, Message: fmt.Sprintf("pack %s needs citygate %s or later; this is citygate %s", p.Manifest.Name, p.Manifest.MinCitygate, version),
				Hint: "upgrade citygate, or use a version of the pack made for this one"})
			continue
		}
		if !p.Named() {
			continue
		}
		if prev, dup := byName[p.Manifest.Name]; dup {
			errs = append(errs, &Error{File: p.Root, Message: fmt.Sprintf("packs %s and %s are both named %s", prev.Root, p.Root, p.Manifest.Name),
				Hint: "give each pack its own name in its " + pack.ManifestFile})
			continue
		}
		byName[p.Manifest.Name] = p
		out = append(out, p)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Manifest.Name < out[j].Manifest.Name })
	return out, errs
}

// splitCustom takes params.custom out of the overrides, so the built-in
// params are merged and checked as before and the packs' on their own.
func splitCustom(overrides map[string]any) (map[string]any, map[string]any, Errors) {
	raw, ok := overrides[customKey]
	if !ok {
		return overrides, nil, nil
	}
	rest := make(map[string]any, len(overrides))
	for k, v := range overrides {
		if k != customKey {
			rest[k] = v
		}
	}
	custom, ok := raw.(map[string]any)
	if !ok && raw != nil {
		return rest, nil, Errors{{Message: fmt.Sprintf("params.custom must be a map of pack names to their params, got %v", raw),
			Hint: "write params: {custom: {<pack>: {<param>: <value>}}}; see docs/params.md"}}
	}
	return rest, custom, nil
}

// customParams resolves every named pack's params (its schema's defaults
// with the overrides merged in) into params.custom, and reports overrides
// for packs that are not loaded.
func customParams(packs []*pack.Pack, overrides map[string]any) (map[string]any, Errors) {
	out := map[string]any{}
	var errs Errors
	names := pack.Names(packs)
	for _, k := range sortedKeys(overrides) {
		if contains(names, k) {
			continue
		}
		msg := fmt.Sprintf("params.custom.%s: no loaded pack is named %s", k, k)
		hint := "load the pack with --policy DIR (or policy: in .citygate.yaml)"
		if len(names) > 0 {
			msg += fmt.Sprintf(" (loaded packs: %s)", strings.Join(names, ", "))
			if best := didyoumean.Closest(k, names); best != "" {
				hint = fmt.Sprintf("did you mean %s?", best)
			}
		}
		errs = append(errs, &Error{Message: msg, Hint: hint})
	}
	for _, p := range packs {
		v, probs := p.Params(overrides[p.Manifest.Name])
		for _, pr := range probs {
			// The problem is in the config, which the message names by
			// its key path, not in the pack.
			errs = append(errs, &Error{Message: pr.Message, Hint: pr.Hint})
		}
		if v != nil {
			out[p.Manifest.Name] = v
		}
	}
	return out, errs
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// packSchema is the inventory schema with the packs' extension blocks,
// as JSON and as the schema set that types input for the compiler.
func packSchema(packs []*pack.Pack) ([]byte, *ast.SchemaSet, Errors) {
	raw, err := pack.ExtendSchema(schemas.Inventory, packs)
	if err != nil {
		return nil, nil, Errors{{Message: err.Error()}}
	}
	if len(raw) == len(schemas.Inventory) && string(raw) == string(schemas.Inventory) {
		return raw, inventorySchema(), nil
	}
	var doc any
	if err := json.Unmarshal(raw, &doc); err != nil {
		return nil, nil, Errors{{Message: err.Error()}}
	}
	set := ast.NewSchemaSet()
	set.Put(ast.SchemaRootRef, doc)
	return raw, set, nil
}

// packData is data.citygate.packs: each named pack's data by pack name;
// nil when no pack has data.
func (l *Library) packData() map[string]any {
	var out map[string]any
	for _, p := range l.packs {
		if p.Data == nil {
			continue
		}
		if out == nil {
			out = map[string]any{}
		}
		out[p.Manifest.Name] = pack.CloneJSON(p.Data)
	}
	return out
}

// Packs are the named policy packs loaded, in name order: each one's
// manifest, params schema, extension schemas and data. Copies: editing
// them changes nothing loaded.
func (l *Library) Packs() []*pack.Pack {
	out := make([]*pack.Pack, len(l.packs))
	for i, p := range l.packs {
		out[i] = p.Clone()
	}
	return out
}

// InventorySchema is the inventory JSON Schema the library's rules are
// type-checked against: schemas/inventory.schema.json, with the extension
// blocks of the loaded packs when they declare any. Inventories checked
// with the library must be loaded with the same language
// (inventory.ExtendedSchema).
func (l *Library) InventorySchema() []byte {
	return append([]byte(nil), l.inventorySchema...)
}

// PackInventorySchema is the inventory schema with the extension blocks
// of the packs among sources, read without parsing or compiling any Rego:
// the language validate reads inventories in when given --policy.
func PackInventorySchema(sources []Source, citygateVersion string) ([]byte, Errors) {
	packs, errs := loadPacks(sources, citygateVersion)
	if len(errs) > 0 {
		return nil, errs
	}
	raw, _, errs := packSchema(packs)
	return raw, errs
}
