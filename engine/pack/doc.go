// Package pack reads a policy pack: its manifest, citygate-pack.yaml (the
// pack's name, version, the oldest citygate it runs on, and the schema
// fragments it adds), the JSON Schema of its custom params, the schema
// fragments of its extension blocks, and its data files.
//
// A pack is a directory (or an OPA bundle built from one) holding Rego
// rules and tests, optional data.json/data.yaml, optional schema
// fragments and fixtures. Without a manifest a pack is named after its
// directory and adds no params schema and no extensions; without a
// manifest or data it takes no name at all (Named), so plain rule
// directories never collide.
//
// Where each piece goes (the contract the policy loader, the inventory
// loader and the bundle builder share):
//   - params: params.custom.<name> in .citygate.yaml, validated against
//     the params schema with its defaults filled in (Pack.Params), read by
//     rules as data.citygate.params.custom.<name>;
//   - data: data.citygate.packs.<name>, data files below the root under
//     their directories' keys, as OPA places them (Pack.Data);
//   - extensions: extension "NAME" { ... } blocks in city and system
//     blocks, which the inventory schema gains as
//     <block>.extensions.properties.NAME (ExtendSchema), so that inventories
//     are validated and rules type-checked against the fragment.
//
// Build and BuildBuiltin make a pack, or the built-in library, into an OPA
// bundle (bundle.go); its .manifest carries the pack manifest and schema
// fragments as metadata.citygate (bundlemeta.go), which policy.LoadBundle
// reads back.
package pack
