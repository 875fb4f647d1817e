package pack

import (
	"encoding/json"
	"fmt"
)

// MetadataKey is the key of citygate's own metadata in a bundle's
// .manifest ("metadata": {"citygate": {...}}). OPA keeps it as opaque
// metadata; citygate reads the pack manifest and schema fragments from it,
// so a bundle is self-contained.
const MetadataKey = "citygate"

// DataRoot is where a pack's data.json/data.yaml is mounted, below
// data.citygate.packs.<name>; in a bundle it is the data path
// citygate/packs/<name>.
func DataRoot(name string) string { return "citygate/packs/" + name }

// BundleMeta is metadata.citygate of a bundle's .manifest.
type BundleMeta struct {
	Pack        string `json:"pack"`
	Version     string `json:"version,omitempty"`
	MinCitygate string `json:"min_citygate,omitempty"`
	Description string `json:"description,omitempty"`
	// Builtin marks the export of citygate's built-in library
	// (bundle build --builtin): it runs in a plain OPA, and citygate
	// refuses it as --policy, since the same rules are built in.
	Builtin bool          `json:"builtin,omitempty"`
	Schemas BundleSchemas `json:"schemas"`
}

// BundleSchemas are the schema fragments a pack ships, embedded as JSON.
type BundleSchemas struct {
	// Params is the JSON Schema of params.custom.<pack>; nil when none.
	Params     any                        `json:"params,omitempty"`
	Extensions map[string]BundleExtension `json:"extensions,omitempty"`
}

// BundleExtension is one extension block: its body's schema and the
// block types it may appear in (always explicit in a bundle).
type BundleExtension struct {
	Schema any      `json:"schema"`
	Blocks []string `json:"blocks"`
}

// toMap turns m into the generic JSON shape OPA's Manifest.Metadata holds.
func (m BundleMeta) toMap() (map[string]any, error) {
	b, err := json.Marshal(m)
	if err != nil {
		return nil, err
	}
	var out map[string]any
	return out, json.Unmarshal(b, &out)
}

// ReadBundleMeta reads metadata.citygate from a bundle manifest's
// metadata. ok is false when there is none (a bundle not built by
// citygate).
func ReadBundleMeta(metadata map[string]any) (meta BundleMeta, ok bool, err error) {
	raw, present := metadata[MetadataKey]
	if !present {
		return BundleMeta{}, false, nil
	}
	b, err := json.Marshal(raw)
	if err != nil {
		return BundleMeta{}, true, err
	}
	if err := json.Unmarshal(b, &meta); err != nil {
		return BundleMeta{}, true, fmt.Errorf(".manifest metadata.citygate: %w", err)
	}
	if !nameRE.MatchString(meta.Pack) {
		return BundleMeta{}, true, fmt.Errorf(".manifest metadata.citygate: pack name %q must be a Rego identifier", meta.Pack)
	}
	if meta.MinCitygate != "" && !versionRE.MatchString(meta.MinCitygate) {
		return BundleMeta{}, true, fmt.Errorf(".manifest metadata.citygate: min_citygate %q must be MAJOR.MINOR.PATCH", meta.MinCitygate)
	}
	for _, n := range sortedKeys(meta.Schemas.Extensions) {
		if !nameRE.MatchString(n) {
			return BundleMeta{}, true, fmt.Errorf(".manifest metadata.citygate: extension name %q must be a Rego identifier", n)
		}
		for _, blk := range meta.Schemas.Extensions[n].Blocks {
			if !contains(ExtensionBlocks, blk) {
				return BundleMeta{}, true, fmt.Errorf(".manifest metadata.citygate: extension %q: block %q must be one of city, system", n, blk)
			}
		}
	}
	return meta, true, nil
}

// Manifest is the pack manifest a bundle's metadata stands for, with its
// schema fragments at the paths SchemaFiles gives them.
func (m BundleMeta) Manifest() Manifest {
	out := Manifest{Name: m.Pack, Version: m.Version, MinCitygate: m.MinCitygate, Description: m.Description, Declared: true}
	if m.Schemas.Params != nil {
		out.ParamsSchema = ParamsSchemaPath
	}
	for _, n := range sortedKeys(m.Schemas.Extensions) {
		if out.Extensions == nil {
			out.Extensions = map[string]Extension{}
		}
		out.Extensions[n] = Extension{Schema: ExtensionSchemaPath(n), Blocks: m.Schemas.Extensions[n].Blocks}
	}
	return out
}

// Where a pack loaded from a bundle keeps its schema fragments, relative
// to the pack root (the bundle does not record the source's file names).
const ParamsSchemaPath = "schemas/params.schema.json"

// ExtensionSchemaPath is the path of extension n's schema in a pack
// loaded from a bundle.
func ExtensionSchemaPath(n string) string { return "schemas/extensions/" + n + ".schema.json" }
