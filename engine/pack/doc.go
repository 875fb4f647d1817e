// Package pack reads a policy pack's manifest, citygate-pack.yaml: the
// pack's name, version, the oldest citygate it runs on, and the schema
// fragments it adds (custom params, extension blocks).
//
// A pack is a directory (or an OPA bundle built from one) holding Rego
// rules and tests, optional data.json/data.yaml, optional schema
// fragments and fixtures. Without a manifest a pack is named after its
// directory and adds no params schema and no extensions.
//
// Build and BuildBuiltin make a pack, or the built-in library, into an OPA
// bundle (bundle.go); its .manifest carries the pack manifest and schema
// fragments as metadata.citygate (bundlemeta.go), which policy.LoadBundle
// reads back.
package pack
