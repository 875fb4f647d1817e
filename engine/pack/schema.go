package pack

import (
	"encoding/json"
	"fmt"
	"strings"
)

// ExtensionsProperty is the document property extension blocks become:
// input.city.extensions.<NAME> and input.systems[_].extensions.<NAME>.
const ExtensionsProperty = "extensions"

// ExtendSchema returns the inventory schema base with every extension of
// packs placed in the blocks it is declared for, as a property of that
// block's "extensions" object: the loader then reads and validates
// extension "NAME" { ... } blocks, and the policy compiler types
// input.city.extensions.NAME.<field> in rules. Without any extension it
// returns base itself, byte for byte. Two packs declaring one extension
// name is an error naming both.
func ExtendSchema(base []byte, packs []*Pack) ([]byte, error) {
	owner := map[string]*Pack{}
	found := false
	for _, p := range packs {
		for _, name := range sortedKeys(p.Extensions) {
			if prev, dup := owner[name]; dup {
				return nil, fmt.Errorf("extension %q is declared by both %s and %s: rename one in its %s", name, prev.Root, p.Root, ManifestFile)
			}
			owner[name] = p
			found = true
		}
	}
	if !found {
		return base, nil
	}
	var doc map[string]any
	if err := json.Unmarshal(base, &doc); err != nil {
		return nil, fmt.Errorf("inventory schema: %v", err)
	}
	for _, name := range sortedKeys(owner) {
		x := owner[name].Extensions[name]
		for _, block := range x.Blocks {
			ext, err := extensionsOf(doc, block)
			if err != nil {
				return nil, err
			}
			props, _ := ext["properties"].(map[string]any)
			if props == nil {
				props = map[string]any{}
				ext["properties"] = props
			}
			frag := CloneJSON(x.Schema).(map[string]any)
			if _, ok := frag["description"]; !ok {
				frag["description"] = fmt.Sprintf("Extension %s of pack %s.", name, owner[name].Manifest.Name)
			}
			props[name] = frag
		}
	}
	return json.MarshalIndent(doc, "", "  ")
}

// extensionsOf finds the "extensions" object schema of a block type.
func extensionsOf(doc map[string]any, block string) (map[string]any, error) {
	props, _ := doc["properties"].(map[string]any)
	var obj map[string]any
	switch block {
	case "city":
		obj, _ = props["city"].(map[string]any)
	case "system":
		systems, _ := props["systems"].(map[string]any)
		obj, _ = systems["items"].(map[string]any)
	}
	bp, _ := obj["properties"].(map[string]any)
	ext, _ := bp[ExtensionsProperty].(map[string]any)
	if ext == nil {
		return nil, fmt.Errorf("inventory schema: %s blocks have no %s property (supported: %s)", block, ExtensionsProperty, strings.Join(ExtensionBlocks, ", "))
	}
	return ext, nil
}
